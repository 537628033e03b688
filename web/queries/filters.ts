/**
 * The global filters (year range, document type, unit, place) and the SQL that applies them: every query
 * that the filters apply to starts from the `fd` ("filtered documents") common table expression, or
 * reads the aggregate tables (`AGGREGATES` of `common/schema.ts`) through {@link cellFilter}: the
 * same condition on a cell's year, type, unit kind and unit as on a document's.
 */
import { PLACE_CODE_DIGITS, PLACE_LEVELS } from '../../common/schema';
import { ident, raw, sql, textList, type Sql } from './sql';
import { tbl } from './tables';

/** Filters that apply to every view. Empty lists and nulls mean "no restriction". */
export interface Filters {
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly docTypes: readonly string[];
  readonly unitTypes: readonly string[];
  readonly orgs: readonly string[];
  /** Division codes (`divisions.code`): documents whose home lies in any of them. */
  readonly places: readonly string[];
  /** Keep documents of unknown year when a year bound is set (they are left out otherwise). */
  readonly keepUnknownYear?: boolean;
}

/** No restriction at all. */
export const NO_FILTERS: Filters = { yearFrom: null, yearTo: null, docTypes: [], unitTypes: [], orgs: [], places: [] };

function inList(alias: string, column: string, values: readonly string[]): Sql {
  return sql`(${values.length} = 0 OR list_contains(${textList(values)}, ${ident(alias, column)}))`;
}

/**
 * The home code of `alias` and its ancestors' codes, as a list (the SQL of `placeCodeAndAncestors`): a
 * code begins with its ancestors' codes (`PLACE_CODE_DIGITS`), so the home lies in a division when the
 * division's code is in this list.
 */
export function homeAndAncestors(alias: string): Sql {
  const home = ident(alias, 'home_code');
  const items = PLACE_LEVELS.filter((l) => l !== 'town')
    .reverse()
    .reduce((rest, l) => sql`left(${home}, ${raw(String(PLACE_CODE_DIGITS[l]))}), ${rest}`, sql`${home}`);
  return sql`[${items}]`;
}

/** A home code lies in one of the chosen divisions. */
function inPlaces(alias: string, places: readonly string[]): Sql {
  return sql`(${places.length} = 0 OR list_has_any(${textList(places)}, ${homeAndAncestors(alias)}))`;
}

/**
 * The filters as a condition on the `year`, `doc_type`, `unit_type`, `org` and `home_code` columns of
 * `alias`. A year bound excludes unknown years unless `keepUnknownYear`; without bounds they stay.
 * `org: false` leaves the unit and the place out, for the aggregates that have neither column (see
 * {@link byTermCells}).
 */
export function cellFilter(alias: string, f: Filters, options: { org: boolean } = { org: true }): Sql {
  const year = ident(alias, 'year');
  return sql`((${f.keepUnknownYear ?? false}::BOOLEAN AND ${year} IS NULL)
        OR ((${f.yearFrom}::INTEGER IS NULL OR ${year} >= ${f.yearFrom}::INTEGER)
          AND (${f.yearTo}::INTEGER IS NULL OR ${year} <= ${f.yearTo}::INTEGER)))
      AND ${inList(alias, 'doc_type', f.docTypes)}
      AND ${inList(alias, 'unit_type', f.unitTypes)}${
        options.org
          ? sql`
      AND ${inList(alias, 'org', f.orgs)}
      AND ${inPlaces(alias, f.places)}`
          : sql``
      }`;
}

/** True when the per-term aggregates (cells without org or place) answer these filters: no unit and no place is chosen. */
export function byTermCells(f: Filters): boolean {
  return f.orgs.length === 0 && f.places.length === 0;
}

/** `fd AS (…)`: document metadata (no text) of the documents the filters keep. */
export function filteredDocs(f: Filters): Sql {
  return sql`fd AS (
    SELECT d.doc_id, d.title, d.year, d.doc_type, d.org, d.unit_type, d.char_count, d.token_count, d.source_path, d.home_code, d.home_path
    FROM ${tbl('documents')} d
    WHERE ${cellFilter('d', f)}
  )`;
}

/** `fc AS (…)`: the rows of `agg_docs` (document counts and sizes per filter cell) the filters keep. */
export function filteredCells(f: Filters): Sql {
  return sql`fc AS (SELECT c.* FROM ${tbl('agg_docs')} c WHERE ${cellFilter('c', f)})`;
}
