/** Queries about the corpus as a whole: filter choices, themes and units (from the aggregates of the filter cells). */
import { cellFilter, filteredCells, homeAndAncestors, NO_FILTERS, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { ident, raw, sql } from './sql';
import { tbl } from './tables';

/** A value a filter can take, with the number of documents having it. */
export interface FilterChoice {
  field: 'doc_type' | 'unit_type' | 'org' | 'year';
  value: string;
  n: number;
}

/** Every value of every filter field, with document counts (over the unfiltered corpus). */
export function filterChoices(): Query<FilterChoice> {
  return defineQuery(
    'filterChoices',
    sql`WITH ${filteredCells(NO_FILTERS)}
    SELECT 'doc_type' AS field, doc_type AS value, sum(docs)::INTEGER AS n FROM fc WHERE doc_type IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'unit_type', unit_type, sum(docs)::INTEGER FROM fc WHERE unit_type IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'org', org, sum(docs)::INTEGER FROM fc WHERE org IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'year', year::VARCHAR, sum(docs)::INTEGER FROM fc WHERE year IS NOT NULL GROUP BY ALL
    ORDER BY field, n DESC, value`,
  );
}

/** The fields whose counts follow the other filters. */
export type CountedField = 'doc_type' | 'unit_type' | 'org';

/** Documents having one value of a counted field, under the other filters. */
export interface ChoiceCount {
  field: CountedField;
  value: string;
  n: number;
}

/**
 * Documents per value of each counted field under every filter but the field's own (so a chip's
 * count says what choosing it would give with the other filters in force), the three fields in one
 * query; values left with no document are listed with 0 by the caller.
 */
export function choiceCounts(f: Filters): Query<ChoiceCount> {
  const others = (field: CountedField): Filters => ({
    ...f,
    docTypes: field === 'doc_type' ? [] : f.docTypes,
    unitTypes: field === 'unit_type' ? [] : f.unitTypes,
    orgs: field === 'org' ? [] : f.orgs,
  });
  const counts = (field: CountedField) =>
    sql`SELECT ${raw(`'${field}'`)} AS field, c.${ident(field)} AS value, sum(c.docs)::INTEGER AS n
        FROM ${tbl('agg_docs')} c WHERE ${cellFilter('c', others(field))} AND c.${ident(field)} IS NOT NULL GROUP BY ALL`;
  return defineQuery(
    'choiceCounts',
    sql`${counts('doc_type')}
    UNION ALL ${counts('unit_type')}
    UNION ALL ${counts('org')}
    ORDER BY field, n DESC, value`,
  );
}

/** Facts about the ingest run (`ingest_meta`): when, how many documents. */
export function ingestFacts(): Query<{ key: string; value: string }> {
  return defineQuery(
    'ingestFacts',
    sql`SELECT key, value FROM ${tbl('ingest_meta')} WHERE key IN ('created_at', 'documents', 'input', 'database') ORDER BY key`,
  );
}

/** A theme of the lexicon with its display names and number of terms. */
export interface ThemeInfo {
  theme: string;
  label_zh: string;
  label_en: string;
  terms: number;
  examples: string;
  /** Occurrences in the whole corpus. */
  hits: number;
}

/** The theme lexicon, one row per theme. */
export function themeList(): Query<ThemeInfo> {
  return defineQuery(
    'themeList',
    sql`SELECT theme,
           coalesce(any_value(label_zh), theme) AS label_zh,
           coalesce(any_value(label_en), any_value(label_zh), theme) AS label_en,
           count(*)::INTEGER AS terms,
           string_agg(term, '、' ORDER BY length(term) DESC, term)[1:60] AS examples,
           coalesce((SELECT sum(a.hits) FROM ${tbl('agg_themes')} a WHERE a.theme = t.theme), 0)::INTEGER AS hits
    FROM ${tbl('themes')} t GROUP BY theme ORDER BY theme`,
  );
}

/** How many aligned passages the reuse stage found. */
export interface ReuseCount {
  passages: number;
  clusters: number;
}

/** Size of the reuse results (0 when the reuse stage has not run or found nothing). */
export function reuseCount(): Query<ReuseCount> {
  return defineQuery(
    'reuseCount',
    sql`SELECT (SELECT count(*) FROM ${tbl('reuse')})::INTEGER AS passages, (SELECT count(*) FROM ${tbl('reuse_clusters')})::INTEGER AS clusters`,
  );
}

/** The schema version the database was written with (`ingest_meta.schema_version`); no row before version 2. */
export function schemaVersion(): Query<{ value: string }> {
  return defineQuery('schemaVersion', sql`SELECT value FROM ${tbl('ingest_meta')} WHERE key = 'schema_version'`);
}

/** A division that holds the home of at least one document, with how many. */
export interface PlaceChoice {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  path: string;
  /** Documents whose home lies in it, under the other filters in force. */
  n: number;
  /** The same over the whole corpus. */
  total: number;
}

/**
 * Every division holding a document's home (province, city, county, town: the tree of `divisions`),
 * with documents under every filter but the place filter itself, in code order (a division before
 * the divisions inside it).
 */
export function placeChoices(f: Filters): Query<PlaceChoice> {
  const others: Filters = { ...f, places: [] };
  return defineQuery(
    'placeChoices',
    sql`WITH homes AS (
      SELECT c.home_code, sum(c.docs) AS docs, sum(c.docs) FILTER (WHERE ${cellFilter('c', others)}) AS kept
      FROM ${tbl('agg_docs')} c WHERE c.home_code IS NOT NULL GROUP BY ALL)
    SELECT v.code, v.name, v.level, v.parent_code, v.path, coalesce(sum(h.kept), 0)::INTEGER AS n, sum(h.docs)::INTEGER AS total
    FROM ${tbl('divisions')} v JOIN homes h ON list_contains(${homeAndAncestors('h')}, v.code)
    GROUP BY ALL ORDER BY v.code`,
  );
}
