/**
 * The per-document recycled share (like a plagiarism checker's 复制比, inside the corpus): characters
 * covered by copy passages shared with *other* documents (formula clusters and repetition inside the
 * document excluded), over the document's non-whitespace characters; the partner it shares most with;
 * and the direction: when they share at least `directionMinChars` characters and their years are
 * known and differ, the earlier document is the likely source; otherwise the direction is unknown.
 */
import type { Corpus } from './cluster-rows';
import { groupBy } from './columns';
import type { Hits, TextSpan } from './hit';
import { nonSpaceChars, unionChars } from './spans';
import type { DocReuseRow, ReuseClusterRow, ReuseDirection } from './types';

/** Direction of document `self` relative to `partner`: by their years, when they share enough to tell. */
function directionOf(self: number | null, partner: number | null, shared: number, minChars: number): ReuseDirection {
  if (shared < minChars || self === null || partner === null || self === partner) return 'unknown';
  return self < partner ? 'source' : 'copy';
}

/** One `doc_reuse` row per document, in docId order. `clusterOf[h]` is hit h's 0-based cluster. */
export function buildDocReuse(
  hits: Hits,
  clusterOf: Int32Array,
  clusters: readonly ReuseClusterRow[],
  corpus: Corpus,
  directionMinChars: number,
): DocReuseRow[] {
  const { docs } = corpus;
  const { first, members } = groupBy(hits.doc, docs.length); // each document's occurrences
  return docs.map((doc, d) => {
    const formulaSpans: TextSpan[] = [];
    const perPartner = new Map<number, TextSpan[]>();
    for (const o of members.subarray(first[d]!, first[d + 1]!)) {
      if (clusters[clusterOf[o >> 1]!]!.kind === 'formula') {
        formulaSpans.push(hits.span(o));
        continue;
      }
      const other = hits.doc[o ^ 1]!; // the hit's other side
      if (other === d) continue; // repetition inside the document
      const list = perPartner.get(other);
      if (list) list.push(hits.span(o));
      else perPartner.set(other, [hits.span(o)]);
    }
    const charCount = nonSpaceChars(doc.text);
    const reusedChars = unionChars([...perPartner.values()].flat(), doc.text);
    let top: number | null = null;
    let topChars = 0;
    for (const [p, spans] of perPartner) {
      const chars = unionChars(spans, doc.text);
      if (chars > topChars || (chars === topChars && top !== null && docs[p]!.docId < docs[top]!.docId)) {
        top = p;
        topChars = chars;
      }
    }
    return {
      docId: doc.docId,
      reusedChars,
      share: charCount > 0 ? reusedChars / charCount : 0,
      topPartner: top === null ? null : docs[top]!.docId,
      topPartnerChars: topChars,
      direction: top === null ? null : directionOf(doc.year, docs[top]!.year, topChars, directionMinChars),
      formulaChars: unionChars(formulaSpans, doc.text),
    };
  });
}
