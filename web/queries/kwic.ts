/**
 * Queries of the KWIC view: every occurrence of a phrase in `documents.text` with its context.
 * Chinese needs no word boundaries: a phrase is found wherever its characters occur. Offsets here
 * count characters (code points), as DuckDB's string functions do.
 */
import { filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { raw, sql, type Sql } from './sql';
import { tbl } from './tables';

/** One concordance line. */
export interface KwicLine {
  doc_id: number;
  title: string;
  year: number | null;
  pos: number;
  left: string;
  match: string;
  right: string;
}

/**
 * The `"left"`, `"match"` and `"right"` columns of a concordance line: the span [`start`, `end`) of
 * `text` (character offsets from 0) and up to `context` characters either side of it.
 */
export function concordanceColumns(text: Sql, start: Sql, end: Sql, context: number): Sql {
  return sql`substring(${text}, greatest(${start} - ${context}, 0) + 1, ${start} - greatest(${start} - ${context}, 0)) AS "left",
           substring(${text}, ${start} + 1, ${end} - ${start}) AS "match",
           substring(${text}, ${end} + 1, ${context}) AS "right"`;
}

/** Concordance lines of `phrase` in the filtered documents, `context` characters either side. */
export function kwicLines(f: Filters, phrase: string, context: number, limit: number): Query<KwicLine> {
  return defineQuery(
    'kwicLines',
    sql`WITH ${filteredDocs(f)},
    d AS (SELECT fd.doc_id, fd.title, fd.year, x.text, string_split(x.text, ${phrase}) AS parts
          FROM fd JOIN ${tbl('documents')} x USING (doc_id)
          WHERE length(${phrase}) > 0 AND contains(x.text, ${phrase})),
    p AS (SELECT doc_id, title, year, text, len(parts) AS n, unnest(parts) AS part, unnest(range(1, len(parts) + 1)) AS i FROM d),
    h AS (SELECT doc_id, title, year, text, n, i,
                 (sum(length(part)) OVER (PARTITION BY doc_id ORDER BY i) + (i - 1) * length(${phrase}))::INTEGER AS pos
          FROM p)
    SELECT doc_id, title, year, pos, ${concordanceColumns(raw('text'), raw('pos'), sql`pos + length(${phrase})`, context)}
    FROM h WHERE i < n
    ORDER BY year NULLS LAST, doc_id, pos LIMIT ${limit}`,
  );
}

/** How often a phrase occurs in one document. */
export interface KwicDocCount {
  doc_id: number;
  title: string;
  year: number | null;
  char_count: number;
  hits: number;
}

/** Occurrences of `phrase` per filtered document (documents without it left out). */
export function kwicDocCounts(f: Filters, phrase: string): Query<KwicDocCount> {
  return defineQuery(
    'kwicDocCounts',
    sql`WITH ${filteredDocs(f)}
    SELECT fd.doc_id, fd.title, fd.year, fd.char_count,
           ((length(x.text) - length(replace(x.text, ${phrase}, ''))) // length(${phrase}))::INTEGER AS hits
    FROM fd JOIN ${tbl('documents')} x USING (doc_id)
    WHERE length(${phrase}) > 0 AND contains(x.text, ${phrase})
    ORDER BY fd.year NULLS LAST, fd.doc_id`,
  );
}
