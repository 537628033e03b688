/**
 * Merge the passages found for one document pair into maximal passages: hits that overlap or lie
 * within `mergeGap` of each other on both sides, in the same order, become one passage when the merged
 * pair is still at least `minSimilarity` similar. One long copied section is one passage.
 */
import type { Codes } from './normalise';
import { bandedEditDistance, type Segment } from './align';
import type { ReuseConfig } from './types';

/** A passage pair with its edit distance (normalised units). */
export interface ScoredSegment extends Segment {
  readonly edits: number;
}

const longer = (s: Segment): number => Math.max(s.aEnd - s.aStart, s.bEnd - s.bStart);
const contains = (r: Segment, s: Segment): boolean => s.aStart >= r.aStart && s.aEnd <= r.aEnd && s.bStart >= r.bStart && s.bEnd <= r.bEnd;

/** Edit distance of a segment's two spans. */
function segmentEdits(a: Codes, b: Codes, s: Segment, pad: number): number {
  return bandedEditDistance(a, s.aStart, s.aEnd, b, s.bStart, s.bEnd, pad);
}

/** The largest edit distance a segment may have and still count as a copy. */
const limitOf = (s: Segment, config: ReuseConfig): number => (1 - config.minSimilarity) * longer(s);

/**
 * Edit distances of merge candidates, capped at the candidate's limit and remembered for the call:
 * the fixed-point passes ask about the same candidate again, and a long one costs its length × band.
 */
type Measure = (s: Segment) => number;

function measurer(a: Codes, b: Codes, config: ReuseConfig): Measure {
  const memo = new Map<string, number>();
  return (s) => {
    const k = `${s.aStart},${s.aEnd},${s.bStart},${s.bEnd}`;
    let edits = memo.get(k);
    if (edits === undefined) {
      edits = bandedEditDistance(a, s.aStart, s.aEnd, b, s.bStart, s.bEnd, config.bandPad, limitOf(s, config));
      memo.set(k, edits);
    }
    return edits;
  };
}

/** For repetition inside one document: cut a pair whose two spans overlap so that they do not. */
export function disjoin(s: Segment): Segment {
  if (s.aEnd <= s.bStart) return s;
  const cut = s.aEnd - s.bStart;
  return { aStart: s.aStart, aEnd: s.aEnd - cut, bStart: s.bStart, bEnd: Math.max(s.bStart, s.bEnd - cut) };
}

/** Try to merge `s` into `r`; the merged segment, or null when they are not close or not similar enough. */
function tryMerge(r: ScoredSegment, s: ScoredSegment, measure: Measure, same: boolean, config: ReuseConfig): ScoredSegment | null {
  if (contains(r, s)) return r;
  if (contains(s, r)) return s;
  const [first, second] = r.aStart <= s.aStart ? [r, s] : [s, r];
  const gapA = second.aStart - first.aEnd;
  const gapB = second.bStart - first.bEnd;
  if (gapA > config.mergeGap || gapB > config.mergeGap || second.bStart < first.bStart) return null;
  const merged: Segment = {
    aStart: first.aStart,
    aEnd: Math.max(first.aEnd, second.aEnd),
    bStart: first.bStart,
    bEnd: Math.max(first.bEnd, second.bEnd),
  };
  if (same && merged.aEnd > merged.bStart) return null;
  const limit = limitOf(merged, config);
  const bound = gapA >= 0 && gapB >= 0 ? first.edits + second.edits + Math.max(gapA, gapB) : Infinity;
  if (bound <= limit) return { ...merged, edits: bound };
  const edits = measure(merged);
  return edits <= limit ? { ...merged, edits } : null;
}

/**
 * One pass of merging over segments sorted by A: each segment merges into the latest kept segment it
 * can join, else is kept. A kept segment whose A end lies more than `mergeGap` before the current
 * segment's A start can join nothing from here on (starts only grow), so it leaves the window: a pass
 * costs the segments times the segments overlapping in A, not the square of the count.
 */
function mergePass(current: readonly ScoredSegment[], measure: Measure, same: boolean, config: ReuseConfig): { out: ScoredSegment[]; changed: boolean } {
  const out: ScoredSegment[] = [];
  let live: number[] = []; // indices into out still within reach, ascending
  let changed = false;
  for (const s of current) {
    const reach = s.aStart - config.mergeGap;
    let merged = false;
    let dead = 0;
    for (let t = live.length - 1; t >= 0 && !merged; t--) {
      const i = live[t]!;
      if (out[i]!.aEnd < reach) {
        dead++;
        continue;
      }
      const m = tryMerge(out[i]!, s, measure, same, config);
      if (m) {
        out[i] = m;
        merged = true;
        changed = true;
      }
    }
    if (dead > 0) live = live.filter((i) => out[i]!.aEnd >= reach);
    if (!merged) {
      live.push(out.length);
      out.push(s);
    }
  }
  return { out, changed };
}

/** Merge the segments of one document pair (see the module comment); ordered by A. */
export function mergeSegments(segments: readonly Segment[], a: Codes, b: Codes, same: boolean, config: ReuseConfig): ScoredSegment[] {
  let current: ScoredSegment[] = segments
    .map((s) => (same ? disjoin(s) : s))
    .filter((s) => longer(s) >= config.minChars)
    .map((s) => ({ ...s, edits: segmentEdits(a, b, s, config.bandPad) }))
    .sort(byA);
  const measured = new Set(current);
  const measure = measurer(a, b, config);
  for (let changed = true; changed;) {
    const pass = mergePass(current, measure, same, config);
    changed = pass.changed;
    current = pass.out.sort(byA);
  }
  // A merged segment may carry tryMerge's upper bound; measure it (a capped measure changes nothing:
  // above the limit, the segment goes either way). The others were measured exactly above.
  return current
    .map((s) => (measured.has(s) ? s : { ...s, edits: Math.min(s.edits, measure(s)) }))
    .filter((s) => longer(s) >= config.minChars && s.edits <= limitOf(s, config));
}

const byA = (x: Segment, y: Segment): number => x.aStart - y.aStart || x.bStart - y.bStart;
