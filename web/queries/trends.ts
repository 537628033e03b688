/** Queries of the Trends view: rates by year of chosen themes and terms, and keyness between years. */
import { byTermCells, cellFilter, filteredCells, filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { ident, sql, textList } from './sql';
import { tbl } from './tables';
import { isUp, keynessOf, type Direction } from '../stats/keyness';
import type { YearSize } from '../stats/sample';

/** One point of a trend line. */
export interface SeriesPoint {
  kind: 'theme' | 'term';
  name: string;
  year: number;
  hits: number;
  chars: number;
  docs: number;
  per10k: number;
}

/**
 * A custom trend series: one term (its occurrences in the text), or several (sentences holding all of
 * them), normalised as documents are (`text/search-query.ts`); `name` is how the series is labelled.
 */
export interface TermSeries {
  name: string;
  terms: readonly string[];
}

/**
 * For each chosen theme (from the aggregate `agg_themes`) and custom term series (searched in the
 * text, as the KWIC view does), occurrences per 10,000 characters of the filtered documents of each
 * year, with the documents and characters each year rests on (`agg_docs`); years without hits give 0.
 * Without custom terms the documents are not read at all.
 */
export function seriesByYear(f: Filters, themes: readonly string[], terms: readonly (string | TermSeries)[]): Query<SeriesPoint> {
  const series = terms.map((x): TermSeries => (typeof x === 'string' ? { name: x, terms: [x] } : x)).filter((x) => x.terms.length > 0);
  const entries = series.flatMap((x, i) => x.terms.map((term) => `${i}\u001e${term}`));
  const termHits = series.length
    ? sql`,
    ${filteredDocs(f)},
    ts AS (SELECT split_part(e, chr(30), 1)::INTEGER AS i, split_part(e, chr(30), 2) AS term
           FROM (SELECT unnest(${textList(entries)}) AS e) WHERE e <> '' AND split_part(e, chr(30), 2) <> ''),
    tk AS (SELECT i, count(DISTINCT term) AS k, (${textList(series.map((x) => x.name))})[i + 1] AS name FROM ts GROUP BY i),
    one AS (
      SELECT tk.name, fd.year, sum((length(x.text) - length(replace(lower(x.text), ts.term, ''))) // length(ts.term))::DOUBLE AS hits
      FROM ts JOIN tk USING (i) CROSS JOIN fd JOIN ${tbl('documents')} x ON x.doc_id = fd.doc_id
      WHERE tk.k = 1 AND fd.year IS NOT NULL AND contains(lower(x.text), ts.term) GROUP BY ALL),
    sl AS (SELECT s.doc_id, s.sent_no, fd.year, lower(substring(x.text, s."start" + 1, s."end" - s."start")) AS st
           FROM ${tbl('sentences')} s JOIN fd USING (doc_id) JOIN ${tbl('documents')} x USING (doc_id)
           WHERE fd.year IS NOT NULL AND (SELECT max(k) FROM tk) > 1),
    several AS (
      SELECT name, year, count(*)::DOUBLE AS hits FROM (
        SELECT tk.name, sl.doc_id, sl.sent_no, any_value(sl.year) AS year
        FROM ts JOIN tk USING (i) JOIN sl ON contains(sl.st, ts.term)
        WHERE tk.k > 1 GROUP BY tk.name, sl.doc_id, sl.sent_no HAVING count(DISTINCT ts.term) = any_value(tk.k))
      GROUP BY ALL)`
    : sql``;
  return defineQuery(
    'seriesByYear',
    sql`WITH ${filteredCells(f)},
    yc AS (SELECT year, sum(chars)::DOUBLE AS chars, sum(docs)::INTEGER AS docs FROM fc WHERE year IS NOT NULL GROUP BY year)${termHits},
    names AS (
      SELECT 'theme' AS kind, unnest(${textList(themes)}) AS name${
        series.length
          ? sql`
      UNION ALL SELECT 'term', name FROM tk`
          : sql``
      }),
    s AS (
      SELECT 'theme' AS kind, a.theme AS name, a.year, sum(a.hits)::DOUBLE AS hits
      FROM ${tbl('agg_themes')} a
      WHERE ${cellFilter('a', f)} AND a.year IS NOT NULL AND list_contains(${textList(themes)}, a.theme) GROUP BY ALL${
        series.length
          ? sql`
      UNION ALL SELECT 'term', name, year, hits FROM one
      UNION ALL SELECT 'term', name, year, hits FROM several`
          : sql``
      })
    SELECT names.kind, names.name, yc.year, coalesce(s.hits, 0)::INTEGER AS hits, yc.chars, yc.docs,
           coalesce(s.hits, 0) * 10000.0 / nullif(yc.chars, 0) AS per10k
    FROM names CROSS JOIN yc LEFT JOIN s ON s.kind = names.kind AND s.name = names.name AND s.year = yc.year
    WHERE names.name <> ''
    ORDER BY names.kind, names.name, yc.year`,
  );
}

/** One term's counts in the focus year and the reference, with both corpora's sizes in characters. */
export interface KeynessCount {
  term: string;
  /** Occurrences in the focus year and in the reference. */
  freq_a: number;
  freq_b: number;
  /** Characters of the filtered documents of the focus year and of the reference. */
  chars_a: number;
  chars_b: number;
  /** Documents of the focus year and of the reference. */
  docs_a: number;
  docs_b: number;
  /** The term occurs in the focus year and in no earlier year of the filtered corpus. */
  is_new: boolean;
}

/** What the focus year is compared with. */
export interface KeynessArgs {
  yearA: number;
  /** A reference year, or null for all other years. */
  yearB: number | null;
  minFreq: number;
}

/**
 * Counts of every term occurring at least `minFreq` times in the focus year and the reference
 * together; the scores come from `web/stats/keyness.ts` ({@link scoreKeyness}), the one definition
 * the themes use too, on the same unit (characters). Summed from the aggregate `agg_terms` (every
 * term per year × type × unit kind), or from `doc_terms` when a unit is chosen (the term
 * aggregates have no org).
 */
export function keyness(f: Filters, a: KeynessArgs): Query<KeynessCount> {
  const counts = byTermCells(f)
    ? sql`tf AS (SELECT t.term, sum(t.freq) FILTER (WHERE is_a) AS a, sum(t.freq) FILTER (WHERE is_b) AS b, min(t.year) AS first_year
           FROM ${tbl('agg_terms')} t JOIN yc USING (year) WHERE ${cellFilter('t', f, { org: false })} GROUP BY t.term)`
    : sql`${filteredDocs(f)},
    tf AS (SELECT t.term, sum(t.freq) FILTER (WHERE is_a) AS a, sum(t.freq) FILTER (WHERE is_b) AS b, min(yc.year) AS first_year
           FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id) JOIN yc USING (year) GROUP BY t.term)`;
  return defineQuery(
    'keyness',
    sql`WITH ${filteredCells(f)},
    yc AS (SELECT year, sum(chars) AS chars, sum(docs) AS docs, year = ${a.yearA}::INTEGER AS is_a,
                  CASE WHEN ${a.yearB}::INTEGER IS NULL THEN year <> ${a.yearA}::INTEGER ELSE year = ${a.yearB}::INTEGER END AS is_b
           FROM fc WHERE year IS NOT NULL GROUP BY year),
    tot AS (SELECT coalesce(sum(chars) FILTER (WHERE is_a), 0)::DOUBLE AS c, coalesce(sum(chars) FILTER (WHERE is_b), 0)::DOUBLE AS d,
                   coalesce(sum(docs) FILTER (WHERE is_a), 0)::INTEGER AS na, coalesce(sum(docs) FILTER (WHERE is_b), 0)::INTEGER AS nb,
                   min(year) AS min_year FROM yc),
    ${counts}
    SELECT term, coalesce(a, 0)::INTEGER AS freq_a, coalesce(b, 0)::INTEGER AS freq_b, c AS chars_a, d AS chars_b, na AS docs_a, nb AS docs_b,
           (coalesce(a, 0) > 0 AND first_year = ${a.yearA}::INTEGER AND min_year < ${a.yearA}::INTEGER) AS is_new
    FROM tf, tot WHERE c > 0 AND d > 0 AND coalesce(a, 0) + coalesce(b, 0) >= ${a.minFreq}
    ORDER BY term`,
  );
}

/** Which two groups of documents to compare: two unit kinds or two units (`b` null: every other one). */
export interface GroupKeynessArgs {
  by: 'unit_type' | 'org';
  a: string;
  b: string | null;
  minFreq: number;
}

/**
 * Term counts of two groups of the filtered documents, by unit kind or by unit, scored like the year
 * comparison ({@link scoreKeyness}): from `agg_terms` by unit kind when the filters allow, else from
 * `doc_terms` (a unit, a place or a comparison of units). `is_new` is false: there is no time order.
 */
export function groupKeyness(f: Filters, g: GroupKeynessArgs): Query<KeynessCount> {
  const inA = (alias: string) => sql`${ident(alias, g.by)} = ${g.a}`;
  const inB = (alias: string) => sql`(CASE WHEN ${g.b}::VARCHAR IS NULL THEN ${ident(alias, g.by)} <> ${g.a} ELSE ${ident(alias, g.by)} = ${g.b}::VARCHAR END)`;
  const cells = g.by === 'unit_type' && byTermCells(f);
  const counts = cells
    ? sql`tf AS (SELECT t.term, sum(t.freq) FILTER (WHERE ${inA('t')}) AS a, sum(t.freq) FILTER (WHERE ${inB('t')}) AS b
           FROM ${tbl('agg_terms')} t WHERE ${cellFilter('t', f, { org: false })} GROUP BY t.term)`
    : sql`tf AS (SELECT t.term, sum(t.freq) FILTER (WHERE ${inA('fd')}) AS a, sum(t.freq) FILTER (WHERE ${inB('fd')}) AS b
           FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id) GROUP BY t.term)`;
  return defineQuery(
    'groupKeyness',
    sql`WITH ${filteredDocs(f)}, ${filteredCells(f)},
    tot AS (SELECT coalesce(sum(chars) FILTER (WHERE ${inA('fc')}), 0)::DOUBLE AS c, coalesce(sum(chars) FILTER (WHERE ${inB('fc')}), 0)::DOUBLE AS d,
                   coalesce(sum(docs) FILTER (WHERE ${inA('fc')}), 0)::INTEGER AS na, coalesce(sum(docs) FILTER (WHERE ${inB('fc')}), 0)::INTEGER AS nb
            FROM fc),
    ${counts}
    SELECT term, coalesce(a, 0)::INTEGER AS freq_a, coalesce(b, 0)::INTEGER AS freq_b, c AS chars_a, d AS chars_b, na AS docs_a, nb AS docs_b, false AS is_new
    FROM tf, tot WHERE c > 0 AND d > 0 AND coalesce(a, 0) + coalesce(b, 0) >= ${g.minFreq}
    ORDER BY term`,
  );
}

/** One term's keyness between a focus year and a reference. */
export interface KeynessRow {
  term: string;
  /** Occurrences in the focus year, and per 10,000 characters. */
  freq_a: number;
  rate_a: number;
  /** Occurrences in the reference, and per 10,000 characters. */
  freq_b: number;
  rate_b: number;
  /** Log-likelihood G² (1 degree of freedom: 3.84 ≈ p < 0.05, 10.83 ≈ p < 0.001). */
  g2: number;
  /** log2 of the ratio of relative frequencies (Hardie's log ratio; small counts as in `stats/keyness.ts`). */
  log_ratio: number;
  /** From the raw rates: rising / falling, new (absent from the reference), gone (absent from the focus year). */
  direction: Direction;
  /** The term occurs in the focus year and in no earlier year of the filtered corpus. */
  is_new: boolean;
}

/** Score term counts (one definition: `stats/keyness.ts`); keep the `limit` strongest per side (up / down) by G². */
export function scoreKeyness(counts: readonly KeynessCount[], limit: number): KeynessRow[] {
  const scored = counts
    .map((r): KeynessRow => {
      const k = keynessOf(r.freq_a, r.freq_b, r.chars_a, r.chars_b);
      return {
        term: r.term,
        freq_a: r.freq_a,
        rate_a: k.rateA,
        freq_b: r.freq_b,
        rate_b: k.rateB,
        g2: k.g2,
        log_ratio: k.logRatio,
        direction: k.direction,
        is_new: r.is_new,
      };
    })
    .sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : 1));
  const up = scored.filter((r) => isUp(r.direction)).slice(0, limit);
  const down = scored.filter((r) => !isUp(r.direction)).slice(0, limit);
  return [...up, ...down].sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : 1));
}

/** Documents and characters of each year of the filtered corpus (unknown years left out). */
export function yearSizes(f: Filters): Query<YearSize> {
  return defineQuery(
    'yearSizes',
    sql`WITH ${filteredCells(f)}
    SELECT year::INTEGER AS year, sum(docs)::INTEGER AS docs, sum(chars)::INTEGER AS chars FROM fc WHERE year IS NOT NULL GROUP BY year ORDER BY year`,
  );
}
