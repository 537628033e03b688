/**
 * The global filters (year range, document type, unit) and the SQL that applies them: every query
 * that the filters apply to starts from the `fd` ("filtered documents") common table expression.
 */
import { ident, sql, textList, type Sql } from './sql';
import { tbl } from './tables';

/** Filters that apply to every view. Empty lists and nulls mean "no restriction". */
export interface Filters {
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly docTypes: readonly string[];
  readonly unitTypes: readonly string[];
  readonly orgs: readonly string[];
  /** Keep documents of unknown year when a year bound is set (they are left out otherwise). */
  readonly keepUnknownYear?: boolean;
}

/** No restriction at all. */
export const NO_FILTERS: Filters = { yearFrom: null, yearTo: null, docTypes: [], unitTypes: [], orgs: [] };

function inList(column: string, values: readonly string[]): Sql {
  return sql`(${values.length} = 0 OR list_contains(${textList(values)}, ${ident('d', column)}))`;
}

/**
 * `fd AS (…)`: document metadata (no text) of the documents the filters keep. A year bound excludes
 * documents of unknown year unless `keepUnknownYear`; without bounds they stay.
 */
export function filteredDocs(f: Filters): Sql {
  return sql`fd AS (
    SELECT d.doc_id, d.title, d.year, d.doc_type, d.org, d.unit_type, d.char_count, d.token_count, d.source_path
    FROM ${tbl('documents')} d
    WHERE ((${f.keepUnknownYear ?? false}::BOOLEAN AND d.year IS NULL)
        OR ((${f.yearFrom}::INTEGER IS NULL OR d.year >= ${f.yearFrom}::INTEGER)
          AND (${f.yearTo}::INTEGER IS NULL OR d.year <= ${f.yearTo}::INTEGER)))
      AND ${inList('doc_type', f.docTypes)}
      AND ${inList('unit_type', f.unitTypes)}
      AND ${inList('org', f.orgs)}
  )`;
}
