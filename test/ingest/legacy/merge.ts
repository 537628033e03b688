/**
 * Merge the passages found for one document pair into maximal passages: hits that overlap or lie
 * within `mergeGap` of each other on both sides, in the same order, become one passage when the merged
 * pair is still at least `minSimilarity` similar. One long copied section is one passage.
 */
import { bandedEditDistance, type Segment } from '../../../ingest/stages/reuse/align';
import type { ReuseConfig } from '../../../ingest/stages/reuse/types';

/** A passage pair with its edit distance (normalised units). */
export interface ScoredSegment extends Segment {
  readonly edits: number;
}

const longer = (s: Segment): number => Math.max(s.aEnd - s.aStart, s.bEnd - s.bStart);
const contains = (r: Segment, s: Segment): boolean => s.aStart >= r.aStart && s.aEnd <= r.aEnd && s.bStart >= r.bStart && s.bEnd <= r.bEnd;

/** Edit distance of a segment's two spans. */
function segmentEdits(a: Uint16Array, b: Uint16Array, s: Segment, pad: number): number {
  return bandedEditDistance(a, s.aStart, s.aEnd, b, s.bStart, s.bEnd, pad);
}

/** For repetition inside one document: cut a pair whose two spans overlap so that they do not. */
export function disjoin(s: Segment): Segment {
  if (s.aEnd <= s.bStart) return s;
  const cut = s.aEnd - s.bStart;
  return { aStart: s.aStart, aEnd: s.aEnd - cut, bStart: s.bStart, bEnd: Math.max(s.bStart, s.bEnd - cut) };
}

/** Try to merge `s` into `r`; the merged segment, or null when they are not close or not similar enough. */
function tryMerge(r: ScoredSegment, s: ScoredSegment, a: Uint16Array, b: Uint16Array, same: boolean, config: ReuseConfig): ScoredSegment | null {
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
  const limit = (1 - config.minSimilarity) * longer(merged);
  const bound = gapA >= 0 && gapB >= 0 ? first.edits + second.edits + Math.max(gapA, gapB) : Infinity;
  if (bound <= limit) return { ...merged, edits: bound };
  const edits = segmentEdits(a, b, merged, config.bandPad);
  return edits <= limit ? { ...merged, edits } : null;
}

/** Merge the segments of one document pair (see the module comment); ordered by A. */
export function mergeSegments(segments: readonly Segment[], a: Uint16Array, b: Uint16Array, same: boolean, config: ReuseConfig): ScoredSegment[] {
  let current: ScoredSegment[] = segments
    .map((s) => (same ? disjoin(s) : s))
    .filter((s) => longer(s) >= config.minChars)
    .map((s) => ({ ...s, edits: segmentEdits(a, b, s, config.bandPad) }))
    .sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
  const measured = new Set(current);
  for (let changed = true; changed;) {
    changed = false;
    const out: ScoredSegment[] = [];
    for (const s of current) {
      let merged = false;
      for (let i = out.length - 1; i >= 0 && !merged; i--) {
        const m = tryMerge(out[i]!, s, a, b, same, config);
        if (m) {
          out[i] = m;
          merged = true;
          changed = true;
        }
      }
      if (!merged) out.push(s);
    }
    current = out.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
  }
  // A merged segment may carry tryMerge's upper bound; measure it. The others were measured above.
  return current
    .map((s) => (measured.has(s) ? s : { ...s, edits: Math.min(s.edits, segmentEdits(a, b, s, config.bandPad)) }))
    .filter((s) => longer(s) >= config.minChars && s.edits <= (1 - config.minSimilarity) * longer(s));
}
