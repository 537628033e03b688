/** The reuse result as table rows in the column order of `common/schema.ts`. */
import { TABLES } from '../../../common/schema';
import type { DocReuseRow, ReuseClusterRow, ReuseResult, ReuseRow } from './types';

type ColumnName<T extends keyof typeof TABLES> = (typeof TABLES)[T]['columns'][number]['name'];
type Getters<T extends keyof typeof TABLES, R> = Record<ColumnName<T>, (row: R) => unknown>;

const REUSE: Getters<'reuse', ReuseRow> = {
  doc_a: (r) => r.docA,
  start_a: (r) => r.startA,
  end_a: (r) => r.endA,
  doc_b: (r) => r.docB,
  start_b: (r) => r.startB,
  end_b: (r) => r.endB,
  similarity: (r) => r.similarity,
  cluster_id: (r) => r.clusterId,
};

const CLUSTERS: Getters<'reuse_clusters', ReuseClusterRow> = {
  cluster_id: (r) => r.clusterId,
  representative: (r) => r.representative,
  n_docs: (r) => r.nDocs,
  first_year: (r) => r.firstYear,
  last_year: (r) => r.lastYear,
  total_chars: (r) => r.totalChars,
  kind: (r) => r.kind,
  n_units: (r) => r.nUnits,
  reason: (r) => r.reason,
};

const DOC_REUSE: Getters<'doc_reuse', DocReuseRow> = {
  doc_id: (r) => r.docId,
  reused_chars: (r) => r.reusedChars,
  share: (r) => r.share,
  top_partner: (r) => r.topPartner,
  top_partner_chars: (r) => r.topPartnerChars,
  direction: (r) => r.direction,
  formula_chars: (r) => r.formulaChars,
};

function toRows<T extends keyof typeof TABLES, R>(table: T, getters: Getters<T, R>, rows: readonly R[]): unknown[][] {
  const columns = TABLES[table].columns.map((c) => getters[c.name as ColumnName<T>]);
  return rows.map((row) => columns.map((get) => get(row)));
}

/** Rows of `reuse`, `reuse_clusters` and `doc_reuse`, each an array of values in schema column order. */
export function reuseTableRows(result: ReuseResult): Record<'reuse' | 'reuse_clusters' | 'doc_reuse', unknown[][]> {
  return {
    reuse: toRows('reuse', REUSE, result.reuse),
    reuse_clusters: toRows('reuse_clusters', CLUSTERS, result.clusters),
    doc_reuse: toRows('doc_reuse', DOC_REUSE, result.docReuse),
  };
}
