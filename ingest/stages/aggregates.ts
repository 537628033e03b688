/**
 * The aggregate tables (`AGGREGATES` of `common/schema.ts`), computed inside DuckDB from the tables
 * the ingest has just written: per filter cell (year × doc_type × unit_type, with org where the
 * table has it) the document counts and sizes, theme occurrences and term counts the dashboard's
 * opening screen and filter changes read, so that they sum a few thousand rows instead of scanning
 * `doc_terms` and `theme_freq`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { COPY_KINDS, quoteIdent, tableOf, type AnyTableName } from '../../common/schema';

/**
 * How many of a cell's most frequent terms (2+ characters, ties by term) make a term a candidate
 * for `agg_top_terms`. The dashboard lists 150 terms: a candidate's total over any set of cells
 * is exact, and a list whose 150th count exceeds the cells' `agg_term_cells.other_max` sum is
 * the exact top list (else the dashboard counts from `doc_terms`).
 */
export const TOP_TERMS_PER_CELL = 500;

/** The INSERT statements, in order (later ones read earlier aggregates); `t` names a table. */
function aggregateSql(t: (name: AnyTableName) => string, topTermsPerCell: number): string[] {
  const cell = 'year, doc_type, unit_type';
  return [
    `INSERT INTO ${t('agg_docs')} BY NAME
     SELECT d.year, d.doc_type, d.unit_type, d.org, d.home_code, count(*)::INTEGER AS docs,
            sum(d.char_count)::BIGINT AS chars, sum(d.token_count)::BIGINT AS tokens,
            sum(r.reused_chars)::BIGINT AS reused_chars, count(*) FILTER (WHERE r.reused_chars > 0)::INTEGER AS docs_with_reuse,
            ${[...COPY_KINDS, 'quoted'].map((k) => `sum(r.${k}_chars)::BIGINT AS ${k}_chars`).join(', ')}
     FROM ${t('documents')} d LEFT JOIN ${t('doc_reuse')} r USING (doc_id)
     GROUP BY ALL ORDER BY ${cell}, org, home_code`,
    `INSERT INTO ${t('agg_themes')} BY NAME
     SELECT d.year, d.doc_type, d.unit_type, d.org, d.home_code, f.theme, sum(f.freq)::BIGINT AS hits
     FROM ${t('theme_freq')} f JOIN ${t('documents')} d USING (doc_id)
     GROUP BY ALL ORDER BY ${cell}, org, home_code, theme`,
    `INSERT INTO ${t('agg_terms')} BY NAME
     SELECT d.year, d.doc_type, d.unit_type, x.term, sum(x.freq)::BIGINT AS freq, count(*)::INTEGER AS docs
     FROM ${t('doc_terms')} x JOIN ${t('documents')} d USING (doc_id)
     GROUP BY ALL ORDER BY ${cell}, term`,
    `INSERT INTO ${t('agg_top_terms')} BY NAME
     WITH ranked AS (
       SELECT term, row_number() OVER (PARTITION BY ${cell} ORDER BY freq DESC, term) AS rank
       FROM ${t('agg_terms')} WHERE length(term) >= 2),
     candidates AS (SELECT DISTINCT term FROM ranked WHERE rank <= ${topTermsPerCell})
     SELECT a.year, a.doc_type, a.unit_type, a.term, a.freq, a.docs
     FROM ${t('agg_terms')} a SEMI JOIN candidates USING (term)
     ORDER BY ${cell}, term`,
    `INSERT INTO ${t('agg_term_cells')} BY NAME
     SELECT a.year, a.doc_type, a.unit_type,
            coalesce(max(a.freq) FILTER (WHERE length(a.term) >= 2 AND c.term IS NULL), 0)::BIGINT AS other_max
     FROM ${t('agg_terms')} a LEFT JOIN (SELECT DISTINCT term FROM ${t('agg_top_terms')}) c USING (term)
     GROUP BY ALL ORDER BY ${cell}`,
  ];
}

/**
 * Fill the aggregate tables (which must exist, empty: `schemaSql()`) from the written tables of
 * `catalog` (null: the connection's default database). Run after the rows are appended and before
 * the database is checkpointed. `topTermsPerCell` is for tests that need few candidates.
 */
export async function writeAggregates(conn: DuckDBConnection, catalog: string | null = null, topTermsPerCell = TOP_TERMS_PER_CELL): Promise<void> {
  if (!Number.isInteger(topTermsPerCell) || topTermsPerCell < 1) throw new Error(`topTermsPerCell: a whole number of 1 or more, got ${topTermsPerCell}`);
  const t = (name: AnyTableName) => (catalog === null ? '' : `${quoteIdent(catalog)}.`) + quoteIdent(tableOf(name).name);
  for (const statement of aggregateSql(t, topTermsPerCell)) await conn.run(statement);
}
