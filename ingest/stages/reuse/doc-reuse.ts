/**
 * The per-document recycled share (like a plagiarism checker's 复制比, inside the corpus): characters
 * covered by copy passages shared with *other* documents (formula clusters and repetition inside the
 * document excluded), over the document's non-whitespace characters, broken down by kind of copying
 * (`kinds.ts`); the partner it shares most with; and the direction: when they share at least
 * `directionMinChars` characters and their years are known and differ, the earlier document is the
 * likely source; otherwise the direction is unknown. Also each pair of documents sharing copy passages,
 * with the kind of copying between them (`reuse_pairs`).
 */
import { COPY_KINDS, type CopyKind } from '../../../common/schema';
import type { Lexicon } from '../../../common/lexicon';
import type { Corpus } from './cluster-rows';
import { groupBy } from './columns';
import { unitKey } from './formula';
import type { Hits, TextSpan } from './hit';
import { copyKind, verticalWay, type KindDoc } from './kinds';
import { isSource } from './rows';
import { charsByPriority, nonSpaceChars, unionChars } from './spans';
import type { DocReuseRow, ReuseClusterRow, ReuseDirection, ReusePairRow } from './types';

/** Direction of document `self` relative to `partner`: by their years, when they share enough to tell. */
function directionOf(self: number | null, partner: number | null, shared: number, minChars: number): ReuseDirection {
  if (shared < minChars || self === null || partner === null || self === partner) return 'unknown';
  return self < partner ? 'source' : 'copy';
}

/** What the reuse rows and the kinds need to know of the rule. */
export interface DocReuseRule {
  readonly directionMinChars: number;
  readonly templateMinUnits: number;
}

/**
 * Characters of `text` under each kind, each counted once under the first kind of {@link COPY_KINDS}
 * that covers it, none of those `quoted` covers (quotation comes before every kind of copying).
 */
function charsByKind(spans: ReadonlyMap<CopyKind, TextSpan[]>, quoted: readonly TextSpan[], text: string): Record<CopyKind, number> {
  const chars = charsByPriority([quoted, ...COPY_KINDS.map((kind) => spans.get(kind) ?? [])], text);
  const out = {} as Record<CopyKind, number>;
  COPY_KINDS.forEach((kind, i) => (out[kind] = chars[i + 1]!));
  return out;
}

/** Characters of `text` that `spans` cover and `quoted` does not. */
function beyond(spans: readonly TextSpan[], quoted: readonly TextSpan[], text: string): number {
  return charsByPriority([quoted, spans], text)[1]!;
}

/**
 * One `doc_reuse` row per document of the corpus (in the corpus's order; reference texts have none)
 * and one `reuse_pairs` row per pair of documents sharing copy passages beyond what both quote.
 * `clusterOf[h]` is hit h's 0-based cluster.
 */
export function buildDocReuse(
  hits: Hits,
  clusterOf: Int32Array,
  clusters: readonly ReuseClusterRow[],
  corpus: Corpus,
  rule: DocReuseRule,
  lex: Lexicon,
): { docReuse: DocReuseRow[]; pairs: ReusePairRow[] } {
  const { docs } = corpus;
  const kindDocs: KindDoc[] = docs.map((d) => ({
    unit: unitKey(d.docId, d.org, lex),
    unitType: d.unitType ?? 'other',
    homeCode: d.homeCode ?? null,
    homeLevel: d.homeLevel ?? null,
  }));
  const { first, members } = groupBy(hits.doc, docs.length); // each document's occurrences
  const occurrencesOf = (d: number) => members.subarray(first[d]!, first[d + 1]!);
  // what each document shares with reference texts: quotation, whatever else shares it too
  const quoted = docs.map((_, d) => [...occurrencesOf(d)].filter((o) => docs[hits.doc[o ^ 1]!]!.reference).map((o) => hits.span(o)));
  const pairs: ReusePairRow[] = [];
  const docReuse: DocReuseRow[] = [];
  docs.forEach((doc, d) => {
    if (doc.reference) return;
    const formulaSpans: TextSpan[] = [];
    const perPartner = new Map<number, number[]>(); // partner → this document's occurrences shared with it
    for (const o of occurrencesOf(d)) {
      const other = hits.doc[o ^ 1]!; // the hit's other side
      if (other === d || docs[other]!.reference) continue; // repetition inside the document, quotation
      if (clusters[clusterOf[o >> 1]!]!.kind === 'formula') {
        formulaSpans.push(hits.span(o));
        continue;
      }
      const list = perPartner.get(other);
      if (list) list.push(o);
      else perPartner.set(other, [o]);
    }
    const byKind = new Map<CopyKind, TextSpan[]>();
    const fromOwnPast: TextSpan[] = [];
    let top: number | null = null;
    let topChars = 0;
    for (const [p, occurrences] of perPartner) {
      const spans = occurrences.map((o) => hits.span(o));
      const kinds = occurrences.map((o) => copyKind(kindDocs[d]!, kindDocs[p]!, clusters[clusterOf[o >> 1]!]!.nUnits, rule.templateMinUnits));
      kinds.forEach((k, i) => (byKind.get(k) ?? byKind.set(k, []).get(k)!).push(spans[i]!));
      const partnerYear = docs[p]!.year;
      if (kinds[0] === 'self' && doc.year !== null && partnerYear !== null && partnerYear < doc.year) for (const span of spans) fromOwnPast.push(span);
      const chars = beyond(spans, quoted[d]!, doc.text);
      if (chars > topChars || (chars === topChars && chars > 0 && top !== null && docs[p]!.docId < docs[top]!.docId)) {
        top = p;
        topChars = chars;
      }
      // the pair once, from its source's side, when it shares more than both quote
      if (isSource(doc, docs[p]!)) {
        const theirs = occurrences.map((o) => hits.span(o ^ 1));
        const charsB = beyond(theirs, quoted[p]!, docs[p]!.text);
        if (chars === 0 && charsB === 0) continue;
        // the kind under which most of the partner's shared characters fall (the first of COPY_KINDS on a tie)
        let kind: CopyKind;
        if (kinds.every((k) => k === kinds[0])) kind = charsB > 0 ? kinds[0]! : COPY_KINDS[0];
        else {
          const mine = new Map<CopyKind, TextSpan[]>();
          kinds.forEach((k, i) => (mine.get(k) ?? mine.set(k, []).get(k)!).push(theirs[i]!));
          const partnerChars = charsByKind(mine, quoted[p]!, docs[p]!.text);
          kind = COPY_KINDS.reduce((a, b) => (partnerChars[b] > partnerChars[a] ? b : a));
        }
        pairs.push({
          docA: doc.docId,
          docB: docs[p]!.docId,
          charsA: chars,
          charsB,
          passages: occurrences.length,
          kind,
          way: kind === 'vertical' ? verticalWay(kindDocs[d]!, kindDocs[p]!) : null,
        });
      }
    }
    const charCount = nonSpaceChars(doc.text);
    const kindChars = charsByKind(byKind, quoted[d]!, doc.text);
    const reusedChars = COPY_KINDS.reduce((s, k) => s + kindChars[k], 0);
    docReuse.push({
      docId: doc.docId,
      reusedChars,
      share: charCount > 0 ? reusedChars / charCount : 0,
      topPartner: top === null ? null : docs[top]!.docId,
      topPartnerChars: topChars,
      direction: top === null ? null : directionOf(doc.year, docs[top]!.year, topChars, rule.directionMinChars),
      formulaChars: beyond(formulaSpans, quoted[d]!, doc.text),
      kindChars,
      selfEarlierChars: beyond(fromOwnPast, quoted[d]!, doc.text),
      quotedChars: unionChars(quoted[d]!, doc.text),
    });
  });
  return { docReuse, pairs };
}
