/**
 * Queries of the Overview view: corpus totals, documents by year and type, frequent terms. They sum
 * the aggregate tables of the filter cells (`agg_docs`, `agg_top_terms`), not the documents.
 */
import { cellFilter, filteredCells, filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { sql } from './sql';
import { tbl } from './tables';

/** Totals of the filtered corpus, with its recycled share. */
export interface CorpusStats {
  documents: number;
  units: number;
  years: number;
  firstYear: number | null;
  lastYear: number | null;
  chars: number;
  tokens: number;
  /** Recycled characters (copies, formulas excluded), their share of all characters, and the documents with any. */
  reused: number;
  share: number | null;
  docsWithReuse: number;
}

/**
 * Documents, distinct units and years, characters and tokens of the filtered corpus, and its recycled
 * share: characters covered by copied passages over all characters.
 */
export function corpusStats(f: Filters): Query<CorpusStats> {
  return defineQuery(
    'corpusStats',
    sql`WITH ${filteredCells(f)}
    SELECT coalesce(sum(docs), 0)::INTEGER AS documents,
           count(DISTINCT org)::INTEGER AS units,
           count(DISTINCT year)::INTEGER AS years,
           min(year) AS "firstYear", max(year) AS "lastYear",
           coalesce(sum(chars), 0)::DOUBLE AS chars,
           coalesce(sum(tokens), 0)::DOUBLE AS tokens,
           coalesce(sum(reused_chars), 0)::DOUBLE AS reused,
           sum(reused_chars)::DOUBLE / nullif(sum(chars), 0) AS share,
           coalesce(sum(docs_with_reuse), 0)::INTEGER AS "docsWithReuse"
    FROM fc`,
  );
}

/** Number of documents of one type in one year (`year` null when unknown). */
export interface YearTypeCount {
  year: number | null;
  doc_type: string;
  n: number;
}

/** Documents by year and type. */
export function docsByYearType(f: Filters): Query<YearTypeCount> {
  return defineQuery(
    'docsByYearType',
    sql`WITH ${filteredCells(f)}
    SELECT year, doc_type, sum(docs)::INTEGER AS n FROM fc GROUP BY ALL ORDER BY year NULLS LAST, doc_type`,
  );
}

/** A term with its total count and the number of documents using it. */
export interface TermCount {
  term: string;
  freq: number;
  docs: number;
}

/** A term of {@link topTerms}, with the bound that says whether the list is exact ({@link topTermsExact}). */
export interface RankedTerm extends TermCount {
  /** The highest total any term left out of `agg_top_terms` can have in the filtered cells. */
  bound: number;
}

/**
 * The most frequent terms of two characters or more, from `agg_top_terms`: each listed count is
 * exact; the list is the exact top list when {@link topTermsExact} says so, else ask
 * {@link topTermsByDocument}. Only without a unit filter (the term aggregates have no org).
 */
export function topTerms(f: Filters, limit: number): Query<RankedTerm> {
  return defineQuery(
    'topTerms',
    sql`WITH t AS (
      SELECT c.term, sum(c.freq)::INTEGER AS freq, sum(c.docs)::INTEGER AS docs
      FROM ${tbl('agg_top_terms')} c WHERE ${cellFilter('c', f, { org: false })}
      GROUP BY c.term ORDER BY freq DESC, c.term LIMIT ${limit}),
    b AS (SELECT coalesce(sum(c.other_max), 0)::DOUBLE AS bound FROM ${tbl('agg_term_cells')} c WHERE ${cellFilter('c', f, { org: false })})
    SELECT t.term, t.freq, t.docs, b.bound FROM t, b ORDER BY t.freq DESC, t.term`,
  );
}

/**
 * True when `rows` (of {@link topTerms} with `limit`) are the exact top list: no term outside the
 * candidates occurs in the cells, or the last listed count exceeds what any of them can reach.
 */
export function topTermsExact(rows: readonly RankedTerm[], limit: number): boolean {
  const bound = rows[0]?.bound ?? 0;
  if (bound === 0) return true;
  return rows.length >= limit && (rows[limit - 1]?.freq ?? 0) > bound;
}

/** The most frequent terms of two characters or more, counted over the filtered documents' `doc_terms`. */
export function topTermsByDocument(f: Filters, limit: number): Query<TermCount> {
  return defineQuery(
    'topTermsByDocument',
    sql`WITH ${filteredDocs(f)}
    SELECT t.term, sum(t.freq)::INTEGER AS freq, count(*)::INTEGER AS docs
    FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id)
    WHERE length(t.term) >= 2
    GROUP BY t.term ORDER BY freq DESC, t.term LIMIT ${limit}`,
  );
}
