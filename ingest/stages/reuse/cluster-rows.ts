/** Build the `reuse_clusters` rows: facts about each cluster and its formula/copy classification. */
import { classifyCluster, termCoverage, unitKey } from './formula';
import type { PairHit } from './hit';
import { normString, type NormText } from './normalise';
import { passageSpan, unionChars } from './spans';
import type { ReuseClusterRow, ReuseConfig, ReuseDoc } from './types';

/** The documents (sorted by docId), their normalised forms and non-whitespace prefix counts. */
export interface Corpus {
  readonly docs: readonly ReuseDoc[];
  readonly norms: readonly NormText[];
  readonly prefixes: readonly Int32Array[];
}

interface Occ {
  readonly doc: number;
  readonly start: number;
  readonly end: number;
}

const yearKey = (y: number | null): number => y ?? Number.POSITIVE_INFINITY;

/** A readable representative: line breaks inside the passage joined, runs of spaces kept as one, cut to `max`. */
export function representativeText(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, '').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * One row per cluster (ids are `index + 1`). The representative is the longest occurrence in the
 * earliest document (by year, then docId): the likeliest source wording. The share of mandated
 * formulations is the largest over the occurrences (one copy may write 极其重要 for 极端重要).
 */
export function buildClusterRows(
  hits: readonly PairHit[], clusterOf: Int32Array, corpus: Corpus, config: ReuseConfig, terms: readonly string[],
): ReuseClusterRow[] {
  const nClusters = clusterOf.reduce((m, c) => Math.max(m, c + 1), 0);
  const occs: Occ[][] = Array.from({ length: nClusters }, () => []);
  hits.forEach((h, i) => {
    const list = occs[clusterOf[i]!]!;
    list.push({ doc: h.a, start: h.seg.aStart, end: h.seg.aEnd }, { doc: h.b, start: h.seg.bStart, end: h.seg.bEnd });
  });
  return occs.map((list, c) => {
    const { docs, norms, prefixes } = corpus;
    const byDoc = new Map<number, Occ[]>();
    for (const o of list) {
      const at = byDoc.get(o.doc);
      if (at) at.push(o);
      else byDoc.set(o.doc, [o]);
    }
    const docIdx = [...byDoc.keys()].sort(
      (x, y) => yearKey(docs[x]!.year) - yearKey(docs[y]!.year) || docs[x]!.docId - docs[y]!.docId,
    );
    const years = docIdx.map((d) => docs[d]!.year).filter((y): y is number => y !== null);
    let totalChars = 0;
    for (const [d, os] of byDoc) {
      totalChars += unionChars(os.map((o) => passageSpan(docs[d]!.text, norms[d]!, o.start, o.end)), prefixes[d]!);
    }
    const first = docIdx[0]!;
    const rep = byDoc.get(first)!.reduce((best, o) => (o.end - o.start > best.end - best.start ? o : best));
    const [rs, re] = passageSpan(docs[first]!.text, norms[first]!, rep.start, rep.end);
    const facts = {
      nDocs: byDoc.size,
      nUnits: new Set(docIdx.map((d) => unitKey(docs[d]!.docId, docs[d]!.org))).size,
      chars: rep.end - rep.start,
      termCoverage: list.reduce((m, o) => Math.max(m, termCoverage(normString(norms[o.doc]!, o.start, o.end), terms)), 0),
    };
    const { kind, reason } = classifyCluster(facts, config.formula);
    return {
      clusterId: c + 1,
      representative: representativeText(docs[first]!.text.slice(rs, re), config.representativeMaxChars),
      nDocs: facts.nDocs,
      firstYear: years.length ? years.reduce((m, y) => Math.min(m, y)) : null,
      lastYear: years.length ? years.reduce((m, y) => Math.max(m, y)) : null,
      totalChars,
      kind,
      nUnits: facts.nUnits,
      reason,
    };
  });
}
