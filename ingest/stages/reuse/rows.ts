/** The reuse result as table rows, built by column name (`common/schema.ts`). */
import type { RowOf } from '../../../common/schema';
import type { ReuseResult } from './types';

/** Rows of `reuse`, `reuse_clusters` and `doc_reuse`; `toCodePoints(docId)` converts that document's string indices to the stored offsets. */
export function reuseTableRows(
  result: ReuseResult,
  toCodePoints: (docId: number) => (index: number) => number = () => (i) => i,
): { reuse: RowOf<'reuse'>[]; reuse_clusters: RowOf<'reuse_clusters'>[]; doc_reuse: RowOf<'doc_reuse'>[] } {
  return {
    reuse: result.reuse.map((r) => {
      const a = toCodePoints(r.docA);
      const b = toCodePoints(r.docB);
      return {
        doc_a: r.docA,
        start_a: a(r.startA),
        end_a: a(r.endA),
        doc_b: r.docB,
        start_b: b(r.startB),
        end_b: b(r.endB),
        similarity: r.similarity,
        cluster_id: r.clusterId,
      };
    }),
    reuse_clusters: result.clusters.map((c) => ({
      cluster_id: c.clusterId,
      representative: c.representative,
      n_docs: c.nDocs,
      first_year: c.firstYear,
      last_year: c.lastYear,
      total_chars: c.totalChars,
      kind: c.kind,
      n_units: c.nUnits,
      reason: c.reason,
    })),
    doc_reuse: result.docReuse.map((d) => ({
      doc_id: d.docId,
      reused_chars: d.reusedChars,
      share: d.share,
      top_partner: d.topPartner,
      top_partner_chars: d.topPartnerChars,
      direction: d.direction,
      formula_chars: d.formulaChars,
    })),
  };
}
