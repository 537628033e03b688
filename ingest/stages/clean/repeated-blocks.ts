import { sampleOf, type Removal, type SourceLine, type StepResult } from './types';

/** A repeated block must be at least this long to be taken for a scraper repeat. */
export const MIN_REPEAT_CHARS = 80;

const key = (line: SourceLine): string => line.text.replace(/\s+/g, '');

/** Two polynomial hashes of line ids mod primes below 2^26, so products stay exact in a double. */
const P1 = 67_108_859;
const P2 = 67_108_837;
const B1 = 1_000_003;
const B2 = 998_244;

/** Prefix hashes of a sequence of ids: equality of two stretches in O(1), confirmed exactly by the caller. */
class SeqHash {
  private readonly h1: Float64Array;
  private readonly h2: Float64Array;
  private readonly p1: Float64Array;
  private readonly p2: Float64Array;

  constructor(ids: Int32Array) {
    const n = ids.length;
    this.h1 = new Float64Array(n + 1);
    this.h2 = new Float64Array(n + 1);
    this.p1 = new Float64Array(n + 1);
    this.p2 = new Float64Array(n + 1);
    this.p1[0] = 1;
    this.p2[0] = 1;
    for (let i = 0; i < n; i++) {
      this.h1[i + 1] = (this.h1[i]! * B1 + ids[i]! + 1) % P1;
      this.h2[i + 1] = (this.h2[i]! * B2 + ids[i]! + 1) % P2;
      this.p1[i + 1] = (this.p1[i]! * B1) % P1;
      this.p2[i + 1] = (this.p2[i]! * B2) % P2;
    }
  }

  /** Whether `[x, x+len)` and `[y, y+len)` hash the same. */
  same(x: number, y: number, len: number): boolean {
    const a1 = (this.h1[x + len]! - ((this.h1[x]! * this.p1[len]!) % P1) + P1) % P1;
    const b1 = (this.h1[y + len]! - ((this.h1[y]! * this.p1[len]!) % P1) + P1) % P1;
    if (a1 !== b1) return false;
    const a2 = (this.h2[x + len]! - ((this.h2[x]! * this.p2[len]!) % P2) + P2) % P2;
    const b2 = (this.h2[y + len]! - ((this.h2[y]! * this.p2[len]!) % P2) + P2) % P2;
    return a2 === b2;
  }
}

/** Longest `len <= max` with `[x, x+len)` and `[y, y+len)` equal (binary search on hashes). */
function extendForward(h: SeqHash, x: number, y: number, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (h.same(x, y, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Longest `len <= max` with `[x-len, x)` and `[y-len, y)` equal. */
function extendBackward(h: SeqHash, x: number, y: number, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (h.same(x - mid, y - mid, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Smallest marked index `>= from` in a fixed range of counters (a segment tree over periods). */
class MinIndexTree {
  private readonly size: number;
  private readonly count: Int32Array;

  constructor(n: number) {
    let size = 1;
    while (size < n) size *= 2;
    this.size = size;
    this.count = new Int32Array(2 * size);
  }

  add(index: number, delta: number): void {
    for (let v = index + this.size; v >= 1; v >>= 1) this.count[v]! += delta;
  }

  /** The smallest index `>= from` whose counter is positive, or -1. */
  first(from: number): number {
    return this.search(1, 0, this.size, from);
  }

  private search(node: number, lo: number, hi: number, from: number): number {
    if (hi <= from || this.count[node] === 0) return -1;
    if (hi - lo === 1) return lo;
    const mid = (lo + hi) >> 1;
    const left = this.search(2 * node, lo, mid, from);
    return left >= 0 ? left : this.search(2 * node + 1, mid, hi, from);
  }
}

/**
 * Every square of the id sequence as intervals: for period `k`, each `i` in `[start, end]` begins a
 * block `[i, i+k)` immediately followed by an identical one. Found per period from sample points
 * `0, k, 2k …` (a square of period k contains one), so all periods together cost O(n log n) hash
 * comparisons. Returned as bucket lists by start position.
 */
function squareIntervals(ids: Int32Array, h: SeqHash): { starts: { k: number; end: number }[][] } {
  const n = ids.length;
  const starts: { k: number; end: number }[][] = Array.from({ length: n }, () => []);
  for (let k = 1; 2 * k <= n; k++) {
    let coveredTo = -1; // sample points inside a run already found are skipped
    for (let q = 0; q + k < n; q += k) {
      if (q < coveredTo || ids[q] !== ids[q + k]) continue;
      const back = extendBackward(h, q, q + k, q);
      const fwd = extendForward(h, q, q + k, n - q - k);
      const s = q - back;
      const e = q + fwd; // positions x in [s, e) have ids[x] === ids[x+k]
      coveredTo = e;
      if (e - s >= k) starts[s]!.push({ k, end: e - k });
    }
  }
  return { starts };
}

/**
 * Scrapers sometimes emit a page twice in a row. Find each block of lines that is immediately followed
 * by an identical block (whitespace ignored, at least {@link MIN_REPEAT_CHARS} characters) and keep the
 * first copy. Identical passages that are not adjacent are left alone: they may be real reuse between
 * documents of a compilation, which the reuse stage reports.
 *
 * Scanning from the top, the block taken at a line is the shortest one that repeats at once and is long
 * enough; every immediate further copy goes too, and the scan resumes after the last copy. Squares are
 * found with hashes of the line sequence, O(n log² n) in the number of lines, and confirmed exactly
 * before anything is dropped.
 */
export function dropRepeatedBlocks(lines: readonly SourceLine[], minChars = MIN_REPEAT_CHARS): StepResult {
  const n = lines.length;
  const keys = lines.map(key);
  const idOf = new Map<string, number>();
  const ids = Int32Array.from(keys, (k) => {
    let id = idOf.get(k);
    if (id === undefined) idOf.set(k, (id = idOf.size));
    return id;
  });
  const chars = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) chars[i + 1] = chars[i]! + keys[i]!.length;
  const h = new SeqHash(ids);
  const { starts } = squareIntervals(ids, h);
  const ends: number[][] = Array.from({ length: n + 1 }, () => []);
  const tree = new MinIndexTree(Math.floor(n / 2) + 1);

  const drop = new Uint8Array(n);
  const removals: Removal[] = [];
  let next = 0; // the scan resumes here after a dropped run
  let reach = 0; // smallest period whose first block holds minChars characters, as i grows
  for (let i = 0; i < n; i++) {
    for (const { k, end } of starts[i]!) {
      tree.add(k, 1);
      ends[end + 1]!.push(k);
    }
    for (const k of ends[i]!) tree.add(k, -1);
    if (i < next || !keys[i]) continue;
    reach = Math.max(reach, i + 1);
    while (reach <= n && chars[reach]! - chars[i]! < minChars) reach++;
    const minPeriod = Math.max(1, reach - i);
    if (2 * minPeriod + i > n) continue;
    const k = tree.first(minPeriod);
    if (k < 0 || !sameBlock(keys, i, i + k, k)) continue;
    let copy = i + k;
    while (copy + k <= n && h.same(i, copy, k) && sameBlock(keys, i, copy, k)) {
      drop.fill(1, copy, copy + k);
      const text = lines
        .slice(copy, copy + k)
        .map((l) => l.text)
        .join('\n');
      removals.push({ rule: 'repeated_block', chars: text.length, sample: sampleOf(text), lineNo: lines[copy]!.lineNo });
      copy += k;
    }
    next = copy;
  }
  return { lines: lines.filter((_, i) => !drop[i]), removals };
}

function sameBlock(keys: readonly string[], x: number, y: number, len: number): boolean {
  for (let t = 0; t < len; t++) if (keys[x + t] !== keys[y + t]) return false;
  return true;
}
