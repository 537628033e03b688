/** Queries of the Overview view: corpus totals, documents by year and type, frequent terms. */
import { filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { sql } from './sql';
import { tbl } from './tables';

/** Totals of the filtered corpus. */
export interface CorpusStats {
  documents: number;
  units: number;
  years: number;
  firstYear: number | null;
  lastYear: number | null;
  chars: number;
  tokens: number;
}

/** Documents, distinct units and years, characters and tokens of the filtered corpus. */
export function corpusStats(f: Filters): Query<CorpusStats> {
  return defineQuery(
    'corpusStats',
    sql`WITH ${filteredDocs(f)}
    SELECT count(*)::INTEGER AS documents,
           count(DISTINCT org)::INTEGER AS units,
           count(DISTINCT year)::INTEGER AS years,
           min(year) AS "firstYear", max(year) AS "lastYear",
           coalesce(sum(char_count), 0)::DOUBLE AS chars,
           coalesce(sum(token_count), 0)::DOUBLE AS tokens
    FROM fd`,
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
    sql`WITH ${filteredDocs(f)}
    SELECT year, doc_type, count(*)::INTEGER AS n FROM fd GROUP BY ALL ORDER BY year NULLS LAST, doc_type`,
  );
}

/** A term with its total count and the number of documents using it. */
export interface TermCount {
  term: string;
  freq: number;
  docs: number;
}

/** The most frequent terms of two characters or more. */
export function topTerms(f: Filters, limit: number): Query<TermCount> {
  return defineQuery(
    'topTerms',
    sql`WITH ${filteredDocs(f)}
    SELECT t.term, sum(t.freq)::INTEGER AS freq, count(*)::INTEGER AS docs
    FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id)
    WHERE length(t.term) >= 2
    GROUP BY t.term ORDER BY freq DESC, t.term LIMIT ${limit}`,
  );
}

/** Recycled characters (copies, formulas excluded) against all characters. */
export interface RecycledShare {
  reused: number;
  chars: number;
  share: number | null;
  docsWithReuse: number;
}

/** The corpus's recycled share: characters covered by copied passages over all characters. */
export function recycledShare(f: Filters): Query<RecycledShare> {
  return defineQuery(
    'recycledShare',
    sql`WITH ${filteredDocs(f)}
    SELECT coalesce(sum(r.reused_chars), 0)::DOUBLE AS reused,
           coalesce(sum(fd.char_count), 0)::DOUBLE AS chars,
           sum(r.reused_chars)::DOUBLE / nullif(sum(fd.char_count), 0) AS share,
           count(*) FILTER (WHERE r.reused_chars > 0)::INTEGER AS "docsWithReuse"
    FROM fd LEFT JOIN ${tbl('doc_reuse')} r USING (doc_id)`,
  );
}
