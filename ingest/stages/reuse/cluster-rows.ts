/** Build the `reuse_clusters` rows: facts about each cluster and its formula/copy classification. */
import type { Lexicon } from '../../../common/lexicon';
import { groupBy } from './columns';
import { classifyCluster, termCoverage, unitKey } from './formula';
import type { Hits } from './hit';
import { normString, type Codes } from './normalise';
import { unionChars } from './spans';
import type { ReuseClusterRow, ReuseConfig, ReuseDoc } from './types';

/**
 * The documents and their normalised code units (`NormText.codes`). Documents are sorted by year
 * (unknown last), then docId, so a lower internal index is an earlier document.
 */
export interface Corpus {
  readonly docs: readonly ReuseDoc[];
  readonly codes: readonly Codes[];
}

/** A readable representative: line breaks inside the passage joined, runs of spaces kept as one, cut to `max`. */
function representativeText(text: string, max: number): string {
  const flat = text
    .replace(/\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The middle of `lengths` (the lower of the two middles of an even count); sorts `lengths` in place. */
function median(lengths: Int32Array): number {
  return lengths.sort()[(lengths.length - 1) >> 1]!;
}

/**
 * One row per cluster (ids are `index + 1`). A cluster is judged by its typical passage: the median
 * normalised length of its occurrences. Not by the longest: a formula sentence that tens of thousands
 * of documents share is aligned, here and there, with a neighbouring sentence too, and the longest
 * such alignment grows with the corpus (its text 48 characters long at 1,000 generated documents, 114
 * at 10,000, 170 at 30,000), until the formula counts as a copied section and links every document to
 * the first.
 * The representative is the occurrence in the earliest document (by year, then docId: the likeliest
 * source wording) whose length is nearest the median, the longer on a tie. The share of mandated
 * formulations is the largest over the occurrences (one copy may write 极其重要 for 极端重要);
 * `terms` are the lexicon's mandated formulations, normalised like the texts.
 */
export function buildClusterRows(
  hits: Hits,
  clusterOf: Int32Array,
  corpus: Corpus,
  config: ReuseConfig,
  terms: readonly string[],
  lex: Lexicon,
): ReuseClusterRow[] {
  const { docs, codes } = corpus;
  const { doc, start, end } = hits;
  const nClusters = clusterOf.reduce((m, c) => Math.max(m, c + 1), 0);
  // the occurrences of each cluster (occurrence o is of hit o / 2), in occurrence order
  const clusterOfOccurrence = new Int32Array(2 * hits.length);
  for (let o = 0; o < clusterOfOccurrence.length; o++) clusterOfOccurrence[o] = clusterOf[o >> 1]!;
  const { first, members } = groupBy(clusterOfOccurrence, nClusters);
  const lengths = new Int32Array(members.length);
  for (let i = 0; i < members.length; i++) lengths[i] = end[members[i]!]! - start[members[i]!]!;
  const rows: ReuseClusterRow[] = [];
  for (let c = 0; c < nClusters; c++) {
    const list = members.subarray(first[c]!, first[c + 1]!);
    const byDoc = new Map<number, number[]>();
    for (const o of list) {
      const at = byDoc.get(doc[o]!);
      if (at) at.push(o);
      else byDoc.set(doc[o]!, [o]);
    }
    const docIdx = [...byDoc.keys()].sort((x, y) => x - y); // earliest first (see Corpus)
    const years = docIdx.map((d) => docs[d]!.year).filter((y): y is number => y !== null);
    let totalChars = 0;
    for (const [d, os] of byDoc) {
      totalChars += unionChars(
        os.map((o) => hits.span(o)),
        docs[d]!.text,
      );
    }
    const chars = median(lengths.subarray(first[c]!, first[c + 1]!));
    const firstDoc = docIdx[0]!;
    const off = (o: number) => Math.abs(end[o]! - start[o]! - chars);
    const rep = byDoc
      .get(firstDoc)!
      .reduce((best, o) => (off(o) < off(best) || (off(o) === off(best) && end[o]! - start[o]! > end[best]! - start[best]!) ? o : best));
    const facts = {
      nDocs: byDoc.size,
      nUnits: new Set(docIdx.map((d) => unitKey(docs[d]!.docId, docs[d]!.org, lex))).size,
      chars,
      // read by the mandated clause only, after the spread clause failed: a formula that 100,000
      // documents share is not normalised 200,000 times to find what no rule asks
      get termCoverage() {
        return chars > config.formula.maxChars
          ? 0
          : list.reduce((m, o) => Math.max(m, termCoverage(normString({ codes: codes[doc[o]!]! }, start[o]!, end[o]!), terms)), 0);
      },
    };
    const { kind, reason } = classifyCluster(facts, config.formula);
    rows.push({
      clusterId: c + 1,
      representative: representativeText(docs[firstDoc]!.text.slice(...hits.span(rep)), config.representativeMaxChars),
      nDocs: facts.nDocs,
      firstYear: years[0] ?? null,
      lastYear: years.at(-1) ?? null,
      totalChars,
      kind,
      nUnits: facts.nUnits,
      reason,
    });
  }
  return rows;
}
