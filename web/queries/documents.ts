/** Queries of the Documents view: the document table, one document's text, hits, reuse and cleaning. */
import { filteredDocs, type Filters } from './filters';
import { pageOrder } from './paging';
import { defineQuery, type Query } from './query';
import { ident, raw, sql, textList } from './sql';
import { tbl } from './tables';

/** Metadata of one document as listed in the table. */
export interface DocListRow {
  doc_id: number;
  title: string;
  year: number | null;
  doc_type: string;
  org: string | null;
  unit_type: string | null;
  char_count: number;
  token_count: number;
  source_path: string;
  share: number | null;
  /** `documents.home_path`: the home its place names settle on. */
  home_path: string | null;
}

/** The document table's columns the database can sort by. */
export const DOC_SORT_KEYS = [
  'doc_id',
  'title',
  'year',
  'doc_type',
  'org',
  'unit_type',
  'home_path',
  'char_count',
  'token_count',
  'share',
  'source_path',
] as const;
/** One of {@link DOC_SORT_KEYS}. */
export type DocSortKey = (typeof DOC_SORT_KEYS)[number];

/** A page of the document table: its rows, and how many rows the whole table has. */
export interface DocPageRow extends DocListRow {
  total: number;
}

/**
 * The filtered documents whose title, unit or source file contains `search` (lower case; empty: all),
 * sorted and paged in the database: the first `limit` rows (null: all, for an export) in the order
 * of `sort` (text by code point; NULLs last ascending and first descending, ties by document in the
 * same direction), each carrying the table's size in `total`.
 */
export function documentPage(f: Filters, search: string, sort: { key: string; desc: boolean }, limit: number | null): Query<DocPageRow> {
  const key: DocSortKey = (DOC_SORT_KEYS as readonly string[]).includes(sort.key) ? (sort.key as DocSortKey) : 'doc_id';
  return defineQuery(
    'documentPage',
    sql`WITH ${filteredDocs(f)}
    SELECT fd.doc_id, fd.title, fd.year, fd.doc_type, fd.org, fd.unit_type, fd.home_path, fd.char_count, fd.token_count,
           fd.source_path, r.share, (count(*) OVER ())::INTEGER AS total
    FROM fd LEFT JOIN ${tbl('doc_reuse')} r USING (doc_id)
    WHERE ${search} = '' OR contains(lower(fd.title), ${search}) OR contains(lower(coalesce(fd.org, '')), ${search}) OR contains(lower(fd.source_path), ${search})
    ${pageOrder(ident(key === 'share' ? 'r' : 'fd', key), sort.desc, raw('fd.doc_id'), limit)}`,
  );
}

/** The listed documents (any filter aside), with their metadata and recycled share, by id. */
export function documentsByIds(ids: readonly number[]): Query<DocListRow> {
  return defineQuery(
    'documentsByIds',
    sql`SELECT d.doc_id, d.title, d.year, d.doc_type, d.org, d.unit_type, d.home_path, d.char_count, d.token_count, d.source_path, r.share
    FROM ${tbl('documents')} d LEFT JOIN ${tbl('doc_reuse')} r USING (doc_id)
    WHERE d.doc_id IN (SELECT try_cast(unnest(${textList(ids.map(String))}) AS INTEGER))
    ORDER BY d.doc_id`,
  );
}

/** A document of the filtered corpus with everything known about it, for the corpus export. */
export interface CorpusExportRow {
  doc_id: number;
  title: string;
  year: number | null;
  year_source: string | null;
  doc_type: string;
  unit_type: string | null;
  org: string | null;
  home_code: string | null;
  home_path: string | null;
  home_evidence: string | null;
  char_count: number;
  token_count: number;
  share: number | null;
  reused_chars: number | null;
  formula_chars: number | null;
  top_partner: number | null;
  top_partner_chars: number | null;
  direction: string | null;
  corrected: string | null;
  source_path: string;
  part_no: number;
}

/** Every filtered document with its metadata and recycled shares (the "whole filtered corpus" export). */
export function corpusExport(f: Filters): Query<CorpusExportRow> {
  return defineQuery(
    'corpusExport',
    sql`WITH ${filteredDocs(f)}
    SELECT d.doc_id, d.title, d.year, d.year_source, d.doc_type, d.unit_type, d.org, d.home_code, d.home_path, d.home_evidence, d.char_count, d.token_count,
           r.share, r.reused_chars, r.formula_chars, r.top_partner, r.top_partner_chars, r.direction, d.corrected, d.source_path, d.part_no
    FROM fd JOIN ${tbl('documents')} d USING (doc_id) LEFT JOIN ${tbl('doc_reuse')} r USING (doc_id)
    ORDER BY d.doc_id`,
  );
}

/** One document with its text (the columns of `documents` the dashboard reads). */
export interface DocumentRow {
  doc_id: number;
  source_path: string;
  title: string;
  year: number | null;
  doc_type: string;
  org: string | null;
  text: string;
  char_count: number;
  token_count: number;
  unit_type: string | null;
  /** Where the year came from (title, opening, body, landmark), as the ingest stored it. */
  year_source: string | null;
  /** Fields an analyst corrected in data/overrides.csv (comma-separated), or null. */
  corrected: string | null;
  /** `doc_reuse.share`: the recycled share the ingest computed (the documents table shows the same). */
  share: number | null;
  /** The home the ingest found (`documents.home_path`), and the place names that placed it. */
  home_path: string | null;
  home_evidence: string | null;
}

/** One document, text included. */
export function documentById(docId: number): Query<DocumentRow> {
  return defineQuery(
    'documentById',
    sql`SELECT d.doc_id, d.source_path, d.title, d.year, d.doc_type, d.org, d.text, d.char_count, d.token_count,
      d.unit_type, d.year_source, d.corrected, r.share, d.home_path, d.home_evidence
    FROM ${tbl('documents')} d LEFT JOIN ${tbl('doc_reuse')} r USING (doc_id) WHERE d.doc_id = ${docId}`,
  );
}

/** A theme term occurrence inside a document. */
export interface DocThemeHit {
  theme: string;
  term: string;
  start: number;
  end: number;
}

/** Theme hits of one document in text order. */
export function documentThemeHits(docId: number): Query<DocThemeHit> {
  return defineQuery(
    'documentThemeHits',
    sql`SELECT theme, term, "start", "end" FROM ${tbl('theme_hits')} WHERE doc_id = ${docId} ORDER BY "start", "end" DESC`,
  );
}

/** A reused span of one document and where else it occurs. */
export interface DocReuseSpan {
  start: number;
  end: number;
  partner: number;
  partner_title: string | null;
  similarity: number;
  cluster_id: number | null;
  kind: string | null;
}

/** Reused spans of one document (either side of a `reuse` row), in text order. */
export function documentReuseSpans(docId: number): Query<DocReuseSpan> {
  return defineQuery(
    'documentReuseSpans',
    sql`WITH s AS (
      SELECT start_a AS s, end_a AS e, doc_b AS partner, similarity, cluster_id FROM ${tbl('reuse')} WHERE doc_a = ${docId}
      UNION ALL
      SELECT start_b, end_b, doc_a, similarity, cluster_id FROM ${tbl('reuse')} WHERE doc_b = ${docId} AND doc_a <> doc_b)
    SELECT s.s AS "start", s.e AS "end", s.partner, d.title AS partner_title, s.similarity, s.cluster_id, c.kind
    FROM s LEFT JOIN ${tbl('documents')} d ON d.doc_id = s.partner
    LEFT JOIN ${tbl('reuse_clusters')} c USING (cluster_id)
    ORDER BY s.s, s.e DESC`,
  );
}

/** One thing cleaning removed or rewrote. */
export interface CleaningRow {
  source_path: string;
  rule: string;
  chars_removed: number;
  sample: string;
  line_no: number | null;
}

/** What cleaning removed from a source file. */
export function cleaningLog(sourcePath: string): Query<CleaningRow> {
  return defineQuery(
    'cleaningLog',
    sql`SELECT source_path, rule, chars_removed, sample, line_no FROM ${tbl('cleaning_log')} WHERE source_path = ${sourcePath} ORDER BY line_no NULLS LAST, rule`,
  );
}

/** A place name of another jurisdiction that a document kept in text it shares with `source_doc`. */
export interface UnlocalisedName {
  name: string;
  start: number;
  source_doc: number;
  source_home: string | null;
}

/** The names `unlocalised` flags in one document, in text order. */
export function documentUnlocalised(docId: number): Query<UnlocalisedName> {
  return defineQuery(
    'documentUnlocalised',
    sql`SELECT u.name, u.start, u.source_doc, s.home_path AS source_home
    FROM ${tbl('unlocalised')} u JOIN ${tbl('documents')} s ON s.doc_id = u.source_doc
    WHERE u.doc_id = ${docId} ORDER BY u.start`,
  );
}

/** A passage of a document quoted from a reference text. */
export interface DocQuotation {
  start: number;
  end: number;
  ref_id: number;
  title: string;
}

/** The quotations of one document, in text order. */
export function documentQuotations(docId: number): Query<DocQuotation> {
  return defineQuery(
    'documentQuotations',
    sql`SELECT q.start, q."end", q.ref_id, r.title FROM ${tbl('quotations')} q JOIN ${tbl('reference_texts')} r USING (ref_id)
    WHERE q.doc_id = ${docId} ORDER BY q.start`,
  );
}
