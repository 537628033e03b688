/**
 * Queries of the KWIC view: every occurrence of a phrase in `documents.text` with its context.
 * Chinese needs no word boundaries: a phrase is found wherever its characters occur. Offsets here
 * count characters (code points), as DuckDB's string functions do.
 */
import { filteredDocs, type Filters } from './filters';
import { pageOrder } from './paging';
import { defineQuery, type Query } from './query';
import { ident, raw, sql, textList, type Sql } from './sql';
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

/** The order of concordance lines: by document and position, or by the context left (read backwards) or right of the match. */
export type KwicSort = 'pos' | 'left' | 'right';

/**
 * Concordance lines in the filtered documents, `context` characters either side, the first `limit`
 * in the order `sort` (contexts compared by code point), so that a table pages them in the
 * database. One term: every occurrence. Several terms: every sentence (`sentences` table) containing all of them, anchored on
 * the first term's first occurrence, the right context running to the sentence's end (at most 200
 * characters). Terms come normalised (`text/search-query.ts`, lower case): the text is matched in
 * lower case, which keeps code-point offsets for Chinese and Latin letters.
 */
export function kwicLines(f: Filters, terms: string | readonly string[], context: number, limit: number, sort: KwicSort = 'pos'): Query<KwicLine> {
  const list = typeof terms === 'string' ? [terms] : terms;
  const phrase = list[0] ?? '';
  const order = sort === 'left' ? raw('reverse("left"), ') : sort === 'right' ? raw('"right", ') : raw('');
  if (list.length > 1) {
    return defineQuery(
      'kwicSentenceLines',
      sql`WITH ${matchingSentences(f, list)}
      SELECT doc_id, title, year, pos,
             substring(text, greatest(pos - ${context}, 0) + 1, pos - greatest(pos - ${context}, 0)) AS "left",
             substring(text, pos + 1, length(${phrase})) AS "match",
             substring(text, pos + length(${phrase}) + 1, greatest(${context}, least("end" - pos - length(${phrase}), 200))) AS "right"
      FROM (SELECT m.*, (m."start" + instr(m.st, ${phrase}) - 1)::INTEGER AS pos FROM m)
      ORDER BY ${order}year NULLS LAST, doc_id, pos LIMIT ${limit}`,
    );
  }
  return defineQuery(
    'kwicLines',
    sql`WITH ${filteredDocs(f)},
    d AS (SELECT fd.doc_id, fd.title, fd.year, x.text, string_split(lower(x.text), ${phrase}) AS parts
          FROM fd JOIN ${tbl('documents')} x USING (doc_id)
          WHERE length(${phrase}) > 0 AND contains(lower(x.text), ${phrase})),
    p AS (SELECT doc_id, title, year, text, len(parts) AS n, unnest(parts) AS part, unnest(range(1, len(parts) + 1)) AS i FROM d),
    h AS (SELECT doc_id, title, year, text, n, i,
                 (sum(length(part)) OVER (PARTITION BY doc_id ORDER BY i) + (i - 1) * length(${phrase}))::INTEGER AS pos
          FROM p)
    SELECT doc_id, title, year, pos, ${concordanceColumns(raw('text'), raw('pos'), sql`pos + length(${phrase})`, context)}
    FROM h WHERE i < n
    ORDER BY ${order}year NULLS LAST, doc_id, pos LIMIT ${limit}`,
  );
}

/** `m AS (…)`: the sentences of the filtered documents that contain every term (lower-cased text in `st`). */
function matchingSentences(f: Filters, terms: readonly string[]): Sql {
  return sql`${filteredDocs(f)},
    s AS (SELECT s.doc_id, s.sent_no, s."start", s."end", lower(substring(x.text, s."start" + 1, s."end" - s."start")) AS st
          FROM ${tbl('sentences')} s JOIN fd USING (doc_id) JOIN ${tbl('documents')} x USING (doc_id)),
    hit AS (SELECT s.doc_id, s.sent_no FROM s CROSS JOIN (SELECT DISTINCT unnest(${textList(terms)}) AS term) q
            WHERE length(q.term) > 0 AND contains(s.st, q.term) GROUP BY ALL HAVING count(*) = ${terms.length}),
    m AS (SELECT s.*, fd.title, fd.year, fd.source_path, fd.char_count, x.text
          FROM s JOIN hit USING (doc_id, sent_no) JOIN fd USING (doc_id) JOIN ${tbl('documents')} x USING (doc_id))`;
}

/** How often a phrase occurs in one document (or, for several terms, how many sentences hold them all). */
export interface KwicDocCount {
  doc_id: number;
  title: string;
  year: number | null;
  char_count: number;
  source_path: string;
  hits: number;
}

/** `c AS (…)`: each filtered document holding the terms, with its hits (several terms: sentences holding them all). */
function docHits(f: Filters, list: readonly string[]): Sql {
  const phrase = list[0] ?? '';
  if (list.length > 1) {
    return sql`${matchingSentences(f, list)},
    c AS (SELECT doc_id, any_value(title) AS title, any_value(year) AS year, any_value(char_count) AS char_count,
                 any_value(source_path) AS source_path, count(*)::INTEGER AS hits
          FROM m GROUP BY doc_id)`;
  }
  return sql`${filteredDocs(f)},
    c AS (SELECT fd.doc_id, fd.title, fd.year, fd.char_count, fd.source_path,
                 ((length(x.text) - length(replace(lower(x.text), ${phrase}, ''))) // length(${phrase}))::INTEGER AS hits
          FROM fd JOIN ${tbl('documents')} x USING (doc_id)
          WHERE length(${phrase}) > 0 AND contains(lower(x.text), ${phrase}))`;
}

/** The columns of KWIC's document table the database can sort by. */
export const KWIC_DOC_SORT_KEYS = ['doc_id', 'title', 'year', 'hits', 'per10k'] as const;

/** A page of the documents holding the terms, with the number of such documents in `total`. */
export interface KwicDocPageRow extends KwicDocCount {
  total: number;
}

/**
 * The filtered documents holding the terms with their hits, the first `limit` (null: all) in the
 * order of `sort` (`per10k`: hits per 10,000 characters; ties by document in the same direction).
 */
export function kwicDocCounts(
  f: Filters,
  terms: string | readonly string[],
  sort: { key: string; desc: boolean },
  limit: number | null,
): Query<KwicDocPageRow> {
  const list = typeof terms === 'string' ? [terms] : terms;
  const key = (KWIC_DOC_SORT_KEYS as readonly string[]).includes(sort.key) ? sort.key : 'hits';
  const by = key === 'per10k' ? raw('hits * 1e4 / greatest(1, char_count)') : ident(key);
  return defineQuery(
    list.length > 1 ? 'kwicSentenceCounts' : 'kwicDocCounts',
    sql`WITH ${docHits(f, list)}
    SELECT c.*, (count(*) OVER ())::INTEGER AS total FROM c
    ${pageOrder(by, sort.desc, raw('doc_id'), limit)}`,
  );
}

/** Hits and documents holding the terms in one year (null: unknown). */
export interface KwicYearCount {
  year: number | null;
  hits: number;
  docs: number;
}

/** Hits and documents holding the terms, by year (unknown year last): the totals and the chart of the KWIC view. */
export function kwicYearCounts(f: Filters, terms: string | readonly string[]): Query<KwicYearCount> {
  const list = typeof terms === 'string' ? [terms] : terms;
  return defineQuery(
    'kwicYearCounts',
    sql`WITH ${docHits(f, list)}
    SELECT year, sum(hits)::INTEGER AS hits, count(*)::INTEGER AS docs FROM c GROUP BY year ORDER BY year NULLS LAST`,
  );
}
