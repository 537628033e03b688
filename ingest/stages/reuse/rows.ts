/** The reuse result as table rows in the column order of `common/schema.ts`. */
import { TABLES } from '../../../common/schema';
import type { ReuseResult } from './types';

type ReuseTable = 'reuse' | 'reuse_clusters' | 'doc_reuse';

/** The row field that holds a column: its name in camelCase (`cluster_id` → `clusterId`), as in types.ts. */
const fieldOf = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function toRows(table: ReuseTable, rows: readonly object[]): unknown[][] {
  const fields = TABLES[table].columns.map((c) => fieldOf(c.name));
  const missing = rows.length > 0 ? fields.filter((f) => !(f in rows[0]!)) : [];
  if (missing.length > 0) throw new Error(`${table} rows lack ${missing.join(', ')}`);
  return rows.map((row) => fields.map((f) => (row as Record<string, unknown>)[f]));
}

/** Rows of `reuse`, `reuse_clusters` and `doc_reuse`, each an array of values in schema column order. */
export function reuseTableRows(result: ReuseResult): Record<ReuseTable, unknown[][]> {
  return {
    reuse: toRows('reuse', result.reuse),
    reuse_clusters: toRows('reuse_clusters', result.clusters),
    doc_reuse: toRows('doc_reuse', result.docReuse),
  };
}
