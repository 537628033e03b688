/**
 * Group passages into clusters. Every hit has two occurrences (a span in each document); the two
 * occurrences of a hit belong together. Inside one document, occurrences are the same passage seen
 * from different partners when they overlap by at least `overlap` of the longer one; but that test
 * is not passed on: each span is matched against a document's *core* spans only, the spans most
 * partners were aligned to (then the longer), and joins the core it overlaps most, or becomes a core.
 * Joining every pair that overlaps chained a stock sentence to the longer alignments that ran into
 * its neighbours, and on to the template beside it: at 10,000 generated documents the two largest
 * copy clusters (3,952 and 2,221 documents) were titles and openings chained to template starts. A
 * short formula inside a long copied section still stays apart from the section, because it covers
 * only a small part of it. Across documents clusters still chain: a hit joins its two sides whatever
 * else each side joins (docs/scale.md, runs F and G).
 */
import { orderByKeys } from './columns';
import type { Hits } from './hit';

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

function union(parent: Int32Array, x: number, y: number): void {
  const rx = find(parent, x);
  const ry = find(parent, y);
  if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
}

/**
 * Cluster index (0-based) of every hit. Clusters are numbered in order of their first occurrence
 * (document, then position), so numbering is deterministic.
 */
export function clusterHits(hits: Hits, overlap: number): Int32Array {
  const { doc, start, end } = hits;
  const n = 2 * hits.length; // occurrences
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  for (let h = 0; h < hits.length; h++) union(parent, 2 * h, 2 * h + 1);
  const order = orderByKeys(n, [(o) => doc[o]!, (o) => start[o]!, (o) => end[o]!]);
  for (let from = 0; from < n;) {
    let to = from + 1;
    while (to < n && doc[order[to]!] === doc[order[from]!]) to++;
    joinCores(order.subarray(from, to), hits, overlap, parent);
    from = to;
  }
  const ids = new Int32Array(n).fill(-1);
  let next = 0;
  for (const i of order) {
    const root = find(parent, i);
    if (ids[root]! < 0) ids[root] = next++;
  }
  const clusterOf = new Int32Array(hits.length);
  for (let h = 0; h < hits.length; h++) clusterOf[h] = ids[find(parent, 2 * h)]!;
  return clusterOf;
}

/**
 * Join one document's occurrences (`occ`, sorted by start, then end) to its core spans (see the
 * module comment). The same span seen again (a source every copy was aligned to) is joined at once,
 * so a much-copied document costs one comparison per distinct span, not one per copy.
 */
function joinCores(occ: Int32Array, hits: Hits, overlap: number, parent: Int32Array): void {
  const { start, end } = hits;
  // the distinct spans: the first occurrence of each, and how many occurrences share it
  const first: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < occ.length; i++) {
    const o = occ[i]!;
    const last = first.length > 0 ? first[first.length - 1]! : -1;
    if (last >= 0 && start[last] === start[o] && end[last] === end[o]) {
      union(parent, last, o);
      count[count.length - 1]!++;
    } else {
      first.push(o);
      count.push(1);
    }
  }
  if (first.length === 1) return;
  const len = (o: number): number => end[o]! - start[o]!;
  const byPriority = first.map((_, i) => i).sort((x, y) => count[y]! - count[x]! || len(first[y]!) - len(first[x]!) || x - y);
  // the cores, sorted by start; none is longer than longest, so a core that overlaps [s, e) starts at or after s - longest
  const cores: number[] = [];
  let longest = 0;
  for (const i of byPriority) {
    const o = first[i]!;
    const s = start[o]!;
    const e = end[o]!;
    let lo = 0;
    let hi = cores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[cores[mid]!]! < s - longest) lo = mid + 1;
      else hi = mid;
    }
    const at = lo;
    let best = -1;
    let bestShare = 0;
    for (let c = at; c < cores.length && start[cores[c]!]! < e; c++) {
      const k = cores[c]!;
      const shared = Math.min(e, end[k]!) - Math.max(s, start[k]!);
      const share = shared / Math.max(e - s, len(k));
      if (share >= overlap && share > bestShare) {
        best = k;
        bestShare = share;
      }
    }
    if (best >= 0) {
      union(parent, best, o);
      continue;
    }
    // a new core, in start order
    lo = at;
    hi = cores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[cores[mid]!]! <= s) lo = mid + 1;
      else hi = mid;
    }
    cores.splice(lo, 0, o);
    longest = Math.max(longest, e - s);
  }
}
