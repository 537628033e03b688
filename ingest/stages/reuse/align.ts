/**
 * Verification: banded Smith–Waterman local alignment of a candidate window, the splitting of an
 * alignment into passages that are similar enough, and a banded edit distance for final similarity.
 * All positions are indices into normalised code arrays.
 */
import type { Codes } from './normalise';
import type { AlignScores } from './types';

/** Alignment operations. */
export const MATCH = 0;
/** Substitution. */
export const MISMATCH = 1;
/** A character of A with nothing in B. */
export const DEL = 2;
/** A character of B with nothing in A. */
export const INS = 3;

/** Where a local alignment may look: rows `[aLo, aHi)`, columns `[bLo, bHi)`, diagonals `j - i` in `[dLo, dHi]`. */
export interface Box {
  readonly aLo: number;
  readonly aHi: number;
  readonly bLo: number;
  readonly bHi: number;
  readonly dLo: number;
  readonly dHi: number;
}

/** A local alignment: its score, where it starts and its operations in order. */
export interface Alignment {
  readonly score: number;
  readonly aStart: number;
  readonly bStart: number;
  readonly ops: Uint8Array;
}

/** A pair of aligned spans `[aStart, aEnd)` ~ `[bStart, bEnd)`. */
export interface Segment {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** Score and traceback matrices, reused from one alignment to the next (grown when a box needs more). */
let scratchH = new Int32Array(1 << 16);
let scratchT = new Uint8Array(1 << 16);

/** The best-scoring local alignment inside `box` (first on ties), or null when nothing scores above 0. */
export function localAlign(a: Codes, b: Codes, box: Box, scores: AlignScores): Alignment | null {
  const { aLo, aHi, bLo, bHi, dLo, dHi } = box;
  const rows = aHi - aLo;
  const width = dHi - dLo + 1;
  if (rows <= 0 || width <= 0) return null;
  const cells = (rows + 1) * width;
  if (cells > scratchH.length) {
    scratchH = new Int32Array(cells);
    scratchT = new Uint8Array(cells);
  }
  // T is read only where H was set in this call; H starts at zero
  const H = scratchH;
  const T = scratchT;
  H.fill(0, 0, cells);
  const { match, mismatch, gap } = scores;
  let best = 0;
  let bestCell = -1;
  for (let r = 1; r <= rows; r++) {
    const i = aLo + r - 1;
    const ai = a[i]!;
    const base = r * width;
    const prev = base - width;
    const oFrom = Math.max(0, bLo - i - dLo);
    const oTo = Math.min(width - 1, bHi - 1 - i - dLo);
    for (let o = oFrom; o <= oTo; o++) {
      const j = i + dLo + o;
      let h = H[prev + o]! + (ai === b[j] ? match : mismatch);
      let t = 1;
      if (o + 1 < width) {
        const up = H[prev + o + 1]! + gap;
        if (up > h) {
          h = up;
          t = 2;
        }
      }
      if (o > oFrom) {
        const left = H[base + o - 1]! + gap;
        if (left > h) {
          h = left;
          t = 3;
        }
      }
      if (h > 0) {
        H[base + o] = h;
        T[base + o] = t;
        if (h > best) {
          best = h;
          bestCell = base + o;
        }
      }
    }
  }
  if (bestCell < 0) return null;
  let r = Math.floor(bestCell / width);
  let o = bestCell - r * width;
  const ops: number[] = [];
  while (r > 0 && H[r * width + o]! > 0) {
    const t = T[r * width + o]!;
    const i = aLo + r - 1;
    const j = i + dLo + o;
    if (t === 1) {
      ops.push(a[i] === b[j] ? MATCH : MISMATCH);
      r -= 1;
    } else if (t === 2) {
      ops.push(DEL);
      r -= 1;
      o += 1;
    } else {
      ops.push(INS);
      o -= 1;
    }
  }
  ops.reverse();
  const i0 = aLo + r; // first row of the alignment
  const j0 = aLo + r - 1 + dLo + o + 1;
  return { score: best, aStart: i0, bStart: j0, ops: Uint8Array.from(ops) };
}

/**
 * Cut an alignment into the passages worth reporting: each trimmed to start and end on a match, at
 * least `minChars` long on its longer side, with similarity (1 − edits / longer side) at least
 * `minSimilarity`. A part below the similarity is split at its longest run of non-matching operations.
 */
export function splitAlignment(al: Alignment, minChars: number, minSimilarity: number): Segment[] {
  const n = al.ops.length;
  const aPos = new Int32Array(n + 1);
  const bPos = new Int32Array(n + 1);
  const edits = new Int32Array(n + 1);
  aPos[0] = al.aStart;
  bPos[0] = al.bStart;
  for (let k = 0; k < n; k++) {
    const op = al.ops[k]!;
    aPos[k + 1] = aPos[k]! + (op === INS ? 0 : 1);
    bPos[k + 1] = bPos[k]! + (op === DEL ? 0 : 1);
    edits[k + 1] = edits[k]! + (op === MATCH ? 0 : 1);
  }
  const out: Segment[] = [];
  const stack: [number, number][] = [[0, n]];
  while (stack.length > 0) {
    let [lo, hi] = stack.pop()!;
    while (lo < hi && al.ops[lo] !== MATCH) lo++;
    while (hi > lo && al.ops[hi - 1] !== MATCH) hi--;
    if (hi <= lo) continue;
    const longer = Math.max(aPos[hi]! - aPos[lo]!, bPos[hi]! - bPos[lo]!);
    if (longer < minChars) continue;
    if (1 - (edits[hi]! - edits[lo]!) / longer >= minSimilarity) {
      out.push({ aStart: aPos[lo]!, aEnd: aPos[hi]!, bStart: bPos[lo]!, bEnd: bPos[hi]! });
      continue;
    }
    let runStart = lo;
    let bestStart = lo;
    let bestLen = 0;
    for (let k = lo; k < hi; k++) {
      if (al.ops[k] === MATCH) runStart = k + 1;
      else if (k + 1 - runStart > bestLen) {
        bestLen = k + 1 - runStart;
        bestStart = runStart;
      }
    }
    stack.push([bestStart + bestLen, hi], [lo, bestStart]);
  }
  return out.sort((x, y) => x.aStart - y.aStart);
}

/** The two rows of {@link bandedEditDistance}, reused from one call to the next (grown when a band needs more). */
let scratchRows = new Int32Array(256);

/**
 * Levenshtein distance between `a[a0, a1)` and `b[b0, b1)`, computed in a band of `pad` diagonals
 * around the two ends' diagonals (an upper bound when the best path leaves the band). With a `cap`,
 * it gives up as soon as the answer must exceed it: when the lengths differ by more than `cap`, or
 * when every cell of a row plus the length difference still to cover exceeds it (every path crosses
 * every row); the exact distance when it is at most `cap`, else a number above `cap`.
 */
export function bandedEditDistance(a: Codes, a0: number, a1: number, b: Codes, b0: number, b1: number, pad: number, cap = Infinity): number {
  const m = a1 - a0;
  const n = b1 - b0;
  if (Math.abs(n - m) > cap) return Math.abs(n - m);
  const lo = Math.min(0, n - m) - pad;
  const hi = Math.max(0, n - m) + pad;
  const width = hi - lo + 1;
  const INF = 1 << 29;
  if (width > scratchRows.length / 2) scratchRows = new Int32Array(2 * width);
  let prev = scratchRows.subarray(0, width).fill(INF);
  let cur = scratchRows.subarray(width, 2 * width).fill(INF);
  for (let o = 0; o < width; o++) {
    const j = lo + o;
    if (j >= 0 && j <= n) prev[o] = j;
  }
  for (let i = 1; i <= m; i++) {
    const ai = a[a0 + i - 1];
    let rowMin = INF;
    for (let o = 0; o < width; o++) {
      const j = i + lo + o;
      if (j < 0 || j > n) {
        cur[o] = INF;
        continue;
      }
      let d = j === 0 ? i : prev[o]! + (ai === b[b0 + j - 1] ? 0 : 1);
      if (o + 1 < width && prev[o + 1]! + 1 < d) d = prev[o + 1]! + 1;
      if (o > 0 && cur[o - 1]! + 1 < d) d = cur[o - 1]! + 1;
      cur[o] = d;
      const least = d + Math.abs(n - j - (m - i));
      if (least < rowMin) rowMin = least;
    }
    if (rowMin > cap) return Math.max(rowMin, cap + 1);
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[n - m - lo]!;
}
