/** Queries of the Themes view: theme × year and theme × group rates, and concordances of hits. */
import { cellFilter, filteredCells, filteredDocs, type Filters } from './filters';
import { concordanceColumns } from './kwic';
import { defineQuery, type Query } from './query';
import { ident, raw, sql, type Sql } from './sql';
import { tbl } from './tables';

/** Theme occurrences in one cell, raw and per 10,000 characters of the cell's documents. */
export interface ThemeCell {
  /** The grouping the cell belongs to. */
  by: ThemeGroup;
  theme: string;
  key: string;
  hits: number;
  chars: number;
  docs: number;
  per10k: number;
}

/** Document fields a theme table can be grouped by. */
export type ThemeGroup = 'year' | 'doc_type' | 'unit_type' | 'org';

/** Join SQL pieces with a separator written in the source. */
function joined(parts: readonly Sql[], separator: string): Sql {
  return parts.reduce((acc, part, i) => (i === 0 ? part : sql`${acc}${raw(separator)}${part}`), raw(''));
}

/**
 * Every theme × group cell of each grouping of `groups` (groups with no documents left out, themes
 * with no hits kept at 0): hits per 10,000 characters of all filtered documents in the group, summed
 * from the aggregates `agg_docs` and `agg_themes` in one pass (grouping sets), so that the heatmaps
 * of a page share one query.
 */
export function themeRates(f: Filters, groups: readonly ThemeGroup[]): Query<ThemeCell> {
  const gs = [...new Set(groups)];
  // which grouping a row belongs to, and its key there (group names are the literals of ThemeGroup)
  const by = sql`CASE ${joined(
    gs.map((g) => sql`WHEN GROUPING(${ident(g)}) = 0 THEN ${raw(`'${g}'`)}`),
    ' ',
  )} END`;
  const key = sql`CASE ${joined(
    gs.map((g) => sql`WHEN GROUPING(${ident(g)}) = 0 THEN ${ident(g)}::VARCHAR`),
    ' ',
  )} END`;
  const sets = (extra: string) =>
    joined(
      gs.map((g) => sql`(${ident(g)}${raw(extra)})`),
      ', ',
    );
  return defineQuery(
    `themeRates:${gs.join(',')}`,
    sql`WITH ${filteredCells(f)},
    grp AS (SELECT ${by} AS by, ${key} AS key, sum(chars)::DOUBLE AS chars, sum(docs)::INTEGER AS docs
            FROM fc GROUP BY GROUPING SETS (${sets('')})),
    hit AS (SELECT ${by} AS by, ${key} AS key, theme, sum(hits)::DOUBLE AS hits
            FROM ${tbl('agg_themes')} a WHERE ${cellFilter('a', f)} GROUP BY GROUPING SETS (${sets(', theme')})),
    th AS (SELECT DISTINCT theme FROM ${tbl('themes')})
    SELECT grp.by, th.theme, grp.key, coalesce(hit.hits, 0)::INTEGER AS hits, grp.chars, grp.docs,
           coalesce(hit.hits, 0) * 10000.0 / nullif(grp.chars, 0) AS per10k
    FROM th CROSS JOIN grp LEFT JOIN hit ON hit.by = grp.by AND hit.theme = th.theme AND hit.key = grp.key
    WHERE grp.key IS NOT NULL
    ORDER BY grp.by, th.theme, grp.key`,
  );
}

/** One concordance line of a theme hit. */
export interface ThemeHitLine {
  doc_id: number;
  title: string;
  year: number | null;
  term: string;
  start: number;
  left: string;
  match: string;
  right: string;
}

/** Which cell of a theme table was clicked. */
export interface ThemeCellRef {
  theme: string;
  by: ThemeGroup;
  key: string | null;
}

/**
 * Concordance lines behind one cell: each hit of the theme in the filtered documents of the group,
 * with `context` characters either side.
 */
export function themeHitLines(f: Filters, cell: ThemeCellRef, context: number, limit: number): Query<ThemeHitLine> {
  const g = ident(cell.by);
  return defineQuery(
    'themeHitLines',
    sql`WITH ${filteredDocs(f)},
    h AS (SELECT h.doc_id, h.term, h."start", h."end", fd.title, fd.year
          FROM ${tbl('theme_hits')} h JOIN fd USING (doc_id)
          WHERE h.theme = ${cell.theme} AND (${cell.key}::VARCHAR IS NULL OR fd.${g}::VARCHAR = ${cell.key}::VARCHAR)
          ORDER BY fd.year NULLS LAST, h.doc_id, h."start" LIMIT ${limit})
    SELECT h.doc_id, h.title, h.year, h.term, h."start", ${concordanceColumns(raw('d.text'), raw('h."start"'), raw('h."end"'), context)}
    FROM h JOIN ${tbl('documents')} d USING (doc_id)
    ORDER BY h.year NULLS LAST, h.doc_id, h."start"`,
  );
}

/** Number of hits of each term of a theme in the filtered documents. */
export interface ThemeTermCount {
  term: string;
  hits: number;
  docs: number;
}

/** Which terms of a theme account for its hits. */
export function themeTermCounts(f: Filters, theme: string): Query<ThemeTermCount> {
  return defineQuery(
    'themeTermCounts',
    sql`WITH ${filteredDocs(f)}
    SELECT h.term, count(*)::INTEGER AS hits, count(DISTINCT h.doc_id)::INTEGER AS docs
    FROM ${tbl('theme_hits')} h JOIN fd USING (doc_id)
    WHERE h.theme = ${theme} GROUP BY h.term ORDER BY hits DESC, h.term`,
  );
}
