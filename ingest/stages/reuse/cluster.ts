/**
 * Group passages into clusters. Every hit has two occurrences (a span in each document); the two
 * occurrences of a hit belong together, and so do two occurrences in one document that overlap by at
 * least `overlap` of the longer one (the same passage seen from different partners). Clusters are the
 * connected components. A short formula inside a long copied section does not pull the section into
 * the formula's cluster, because it covers only a small part of the longer span.
 */
import type { PairHit, TextSpan } from './hit';

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

/** One side of a hit: document, normalised span `[start, end)` and the original text `span` it covers. */
export interface Occurrence {
  readonly doc: number;
  readonly start: number;
  readonly end: number;
  readonly span: TextSpan;
}

/** The two occurrences of every hit: index `2h` is hit h's A side, `2h + 1` its B side. */
export function occurrencesOf(hits: readonly PairHit[]): Occurrence[] {
  return hits.flatMap((h) => [
    { doc: h.a, start: h.seg.aStart, end: h.seg.aEnd, span: h.spanA },
    { doc: h.b, start: h.seg.bStart, end: h.seg.bEnd, span: h.spanB },
  ]);
}

/**
 * Cluster index (0-based) of every hit. Clusters are numbered in order of their first occurrence
 * (document, then position), so numbering is deterministic.
 */
export function clusterHits(hits: readonly PairHit[], overlap: number): Int32Array {
  const occ = occurrencesOf(hits);
  const parent = Int32Array.from(occ, (_, i) => i);
  for (let h = 0; h < hits.length; h++) union(parent, 2 * h, 2 * h + 1);
  const order = occ.map((_, i) => i).sort((x, y) => occ[x]!.doc - occ[y]!.doc || occ[x]!.start - occ[y]!.start || occ[x]!.end - occ[y]!.end || x - y);
  let active: number[] = [];
  let doc = -1;
  let last = -1;
  for (const i of order) {
    const o = occ[i]!;
    if (o.doc !== doc) {
      active = [];
      doc = o.doc;
    } else if (occ[last]!.start === o.start && occ[last]!.end === o.end) {
      // the same span again (a source every copy was aligned to): one of them stands for all, so a
      // much-copied document costs one comparison per copy, not one per pair of copies
      union(parent, last, i);
      continue;
    }
    last = i;
    active = active.filter((x) => occ[x]!.end > o.start);
    for (const x of active) {
      const p = occ[x]!;
      const shared = Math.min(p.end, o.end) - Math.max(p.start, o.start);
      if (shared >= overlap * Math.max(p.end - p.start, o.end - o.start)) union(parent, x, i);
    }
    active.push(i);
  }
  const ids = new Map<number, number>();
  for (const i of order) {
    const root = find(parent, i);
    if (!ids.has(root)) ids.set(root, ids.size);
  }
  return Int32Array.from(hits, (_, h) => ids.get(find(parent, 2 * h))!);
}
