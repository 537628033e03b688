/**
 * Group passages into clusters. Every hit has two occurrences (a span in each document); the two
 * occurrences of a hit belong together, and so do two occurrences in one document that overlap by at
 * least `overlap` of the longer one (the same passage seen from different partners). Clusters are the
 * connected components. A short formula inside a long copied section does not pull the section into
 * the formula's cluster, because it covers only a small part of the longer span.
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
  let active: number[] = [];
  let current = -1;
  let last = -1;
  for (const i of order) {
    if (doc[i] !== current) {
      active = [];
      current = doc[i]!;
    } else if (start[last] === start[i] && end[last] === end[i]) {
      // the same span again (a source every copy was aligned to): one of them stands for all, so a
      // much-copied document costs one comparison per copy, not one per pair of copies
      union(parent, last, i);
      continue;
    }
    last = i;
    active = active.filter((x) => end[x]! > start[i]!);
    for (const x of active) {
      const shared = Math.min(end[x]!, end[i]!) - Math.max(start[x]!, start[i]!);
      if (shared >= overlap * Math.max(end[x]! - start[x]!, end[i]! - start[i]!)) union(parent, x, i);
    }
    active.push(i);
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
