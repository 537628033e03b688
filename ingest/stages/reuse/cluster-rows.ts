/** Build the `reuse_clusters` rows: facts about each cluster and its formula/copy classification. */
import type { Lexicon } from '../../../common/lexicon';
import { occurrencesOf, type Occurrence } from './cluster';
import { classifyCluster, termCoverage, unitKey } from './formula';
import type { PairHit } from './hit';
import { normString } from './normalise';
import { unionChars } from './spans';
import type { ReuseClusterRow, ReuseConfig, ReuseDoc } from './types';

/**
 * The documents and their normalised code units (`NormText.codes`). Documents are sorted by year
 * (unknown last), then docId, so a lower internal index is an earlier document.
 */
export interface Corpus {
  readonly docs: readonly ReuseDoc[];
  readonly codes: readonly Int32Array[];
}

/** A readable representative: line breaks inside the passage joined, runs of spaces kept as one, cut to `max`. */
function representativeText(text: string, max: number): string {
  const flat = text
    .replace(/\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * One row per cluster (ids are `index + 1`). The representative is the longest occurrence in the
 * earliest document (by year, then docId): the likeliest source wording. The share of mandated
 * formulations is the largest over the occurrences (one copy may write 极其重要 for 极端重要);
 * `terms` are the lexicon's mandated formulations, normalised like the texts.
 */
export function buildClusterRows(
  hits: readonly PairHit[],
  clusterOf: Int32Array,
  corpus: Corpus,
  config: ReuseConfig,
  terms: readonly string[],
  lex: Lexicon,
): ReuseClusterRow[] {
  const { docs, codes } = corpus;
  const nClusters = clusterOf.reduce((m, c) => Math.max(m, c + 1), 0);
  const occs: Occurrence[][] = Array.from({ length: nClusters }, () => []);
  occurrencesOf(hits).forEach((o, i) => occs[clusterOf[i >> 1]!]!.push(o)); // occurrence i is of hit i / 2
  return occs.map((list, c) => {
    const byDoc = new Map<number, Occurrence[]>();
    for (const o of list) {
      const at = byDoc.get(o.doc);
      if (at) at.push(o);
      else byDoc.set(o.doc, [o]);
    }
    const docIdx = [...byDoc.keys()].sort((x, y) => x - y); // earliest first (see Corpus)
    const years = docIdx.map((d) => docs[d]!.year).filter((y): y is number => y !== null);
    let totalChars = 0;
    for (const [d, os] of byDoc) {
      totalChars += unionChars(
        os.map((o) => o.span),
        docs[d]!.text,
      );
    }
    const first = docIdx[0]!;
    const rep = byDoc.get(first)!.reduce((best, o) => (o.end - o.start > best.end - best.start ? o : best));
    const facts = {
      nDocs: byDoc.size,
      nUnits: new Set(docIdx.map((d) => unitKey(docs[d]!.docId, docs[d]!.org, lex))).size,
      chars: rep.end - rep.start,
      // only the mandated clause reads it, and only for passages of at most maxChars
      termCoverage:
        rep.end - rep.start > config.formula.maxChars
          ? 0
          : list.reduce((m, o) => Math.max(m, termCoverage(normString({ codes: codes[o.doc]! }, o.start, o.end), terms)), 0),
    };
    const { kind, reason } = classifyCluster(facts, config.formula);
    return {
      clusterId: c + 1,
      representative: representativeText(docs[first]!.text.slice(...rep.span), config.representativeMaxChars),
      nDocs: facts.nDocs,
      firstYear: years[0] ?? null,
      lastYear: years.at(-1) ?? null,
      totalChars,
      kind,
      nUnits: facts.nUnits,
      reason,
    };
  });
}
