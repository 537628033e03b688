/** Queries of the Trends view: rates by year of chosen themes and terms, and keyness between years. */
import { filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { sql, textList } from './sql';
import { tbl } from './tables';

/** One point of a trend line. */
export interface SeriesPoint {
  kind: 'theme' | 'term';
  name: string;
  year: number;
  hits: number;
  chars: number;
  per10k: number;
}

/**
 * For each chosen theme (from `theme_freq`) and term (from `doc_terms`), occurrences per 10,000
 * characters of the filtered documents of each year; years without hits give 0.
 */
export function seriesByYear(f: Filters, themes: readonly string[], terms: readonly string[]): Query<SeriesPoint> {
  return defineQuery(
    'seriesByYear',
    sql`WITH ${filteredDocs(f)},
    yc AS (SELECT year, sum(char_count)::DOUBLE AS chars FROM fd WHERE year IS NOT NULL GROUP BY year),
    names AS (
      SELECT 'theme' AS kind, unnest(${textList(themes)}) AS name
      UNION ALL SELECT 'term', unnest(${textList(terms)})),
    s AS (
      SELECT 'theme' AS kind, tf.theme AS name, fd.year, sum(tf.freq)::DOUBLE AS hits
      FROM ${tbl('theme_freq')} tf JOIN fd USING (doc_id)
      WHERE fd.year IS NOT NULL AND list_contains(${textList(themes)}, tf.theme) GROUP BY ALL
      UNION ALL
      SELECT 'term', t.term, fd.year, sum(t.freq)::DOUBLE
      FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id)
      WHERE fd.year IS NOT NULL AND list_contains(${textList(terms)}, t.term) GROUP BY ALL)
    SELECT names.kind, names.name, yc.year, coalesce(s.hits, 0)::INTEGER AS hits, yc.chars,
           coalesce(s.hits, 0) * 10000.0 / nullif(yc.chars, 0) AS per10k
    FROM names CROSS JOIN yc LEFT JOIN s ON s.kind = names.kind AND s.name = names.name AND s.year = yc.year
    WHERE names.name <> ''
    ORDER BY names.kind, names.name, yc.year`,
  );
}

/** One term's keyness between a focus year and a reference. */
export interface KeynessRow {
  term: string;
  /** Occurrences in the focus year, and per 10,000 tokens. */
  freq_a: number;
  rate_a: number;
  /** Occurrences in the reference, and per 10,000 tokens. */
  freq_b: number;
  rate_b: number;
  /** Log-likelihood G² (1 degree of freedom: 3.84 ≈ p < 0.05, 10.83 ≈ p < 0.001). */
  g2: number;
  /** log2 of the ratio of relative frequencies, zero counts taken as 0.5 (Hardie's log ratio). */
  log_ratio: number;
  direction: 'rising' | 'falling';
  /** The term occurs in the focus year and in no earlier year of the filtered corpus. */
  is_new: boolean;
}

/** What the focus year is compared with. */
export interface KeynessArgs {
  yearA: number;
  /** A reference year, or null for all other years. */
  yearB: number | null;
  minFreq: number;
  /** Rows kept per direction, strongest G² first. */
  limit: number;
}

/** Terms rising and falling most between the focus year and the reference, with G² and log ratio. */
export function keyness(f: Filters, a: KeynessArgs): Query<KeynessRow> {
  return defineQuery(
    'keyness',
    sql`WITH ${filteredDocs(f)},
    tf AS (SELECT t.term, fd.year, sum(t.freq)::DOUBLE AS f FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id)
           WHERE fd.year IS NOT NULL GROUP BY ALL),
    ab AS (SELECT term,
             sum(f) FILTER (WHERE year = ${a.yearA}::INTEGER) AS a,
             sum(f) FILTER (WHERE CASE WHEN ${a.yearB}::INTEGER IS NULL THEN year <> ${a.yearA}::INTEGER
                                       ELSE year = ${a.yearB}::INTEGER END) AS b,
             min(year) AS first_year
           FROM tf GROUP BY term),
    tot AS (SELECT sum(a) AS c, sum(b) AS d, (SELECT min(year) FROM tf) AS min_year FROM ab),
    k AS (
      SELECT term, coalesce(a, 0) AS a, coalesce(b, 0) AS b, c, d, first_year, min_year,
             c * (coalesce(a, 0) + coalesce(b, 0)) / (c + d) AS e1,
             d * (coalesce(a, 0) + coalesce(b, 0)) / (c + d) AS e2
      FROM ab, tot WHERE c > 0 AND d > 0 AND coalesce(a, 0) + coalesce(b, 0) >= ${a.minFreq})
    SELECT term, a::INTEGER AS freq_a, a * 10000.0 / c AS rate_a, b::INTEGER AS freq_b, b * 10000.0 / d AS rate_b,
           2 * ((CASE WHEN a > 0 THEN a * ln(a / e1) ELSE 0 END) + (CASE WHEN b > 0 THEN b * ln(b / e2) ELSE 0 END)) AS g2,
           log2((greatest(a, 0.5) / c) / (greatest(b, 0.5) / d)) AS log_ratio,
           CASE WHEN a / c >= b / d THEN 'rising' ELSE 'falling' END AS direction,
           (a > 0 AND first_year = ${a.yearA}::INTEGER AND min_year < ${a.yearA}::INTEGER) AS is_new
    FROM k
    QUALIFY row_number() OVER (PARTITION BY direction ORDER BY g2 DESC, term) <= ${a.limit}
    ORDER BY g2 DESC, term`,
  );
}
