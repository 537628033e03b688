import { UNIT_KINDS } from './lexicon';

/**
 * The one description of the corpus database, shared by the ingest (Node) and the dashboard (browser).
 * Column names listed in ../shared/CONTRACT.md are stable; the rest may grow.
 * Offsets are JavaScript string indices into `documents.text`, half-open `[start, end)`.
 */

/** A column: its name, its DuckDB type and what it means. */
export interface Column {
  readonly name: string;
  readonly type: 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';
  readonly doc: string;
}

/** A table of the corpus database. */
export interface Table {
  readonly name: string;
  readonly doc: string;
  readonly columns: readonly Column[];
}

const col = (name: string, type: Column['type'], doc: string): Column => ({ name, type, doc });

/** Every table the ingest writes, in the order it writes them. */
export const TABLES = {
  documents: {
    name: 'documents',
    doc: 'One row per document after cleaning; one source file may hold several.',
    columns: [
      col('doc_id', 'INTEGER', 'stable within one database, 1-based in ingest order'),
      col('source_path', 'VARCHAR', 'path of the source file relative to the input folder'),
      col('title', 'VARCHAR', 'title as written, or a title inferred from the opening'),
      col('year', 'INTEGER', 'the year the document is about; NULL when unknown'),
      col('doc_type', 'VARCHAR', 'plan | summary | commentary | other'),
      col('org', 'VARCHAR', 'issuing unit as written (may be a placeholder such as __社区); NULL when unknown'),
      col('text', 'VARCHAR', 'cleaned Simplified-Chinese text that every offset refers to'),
      col('char_count', 'INTEGER', 'characters of text excluding whitespace'),
      col('token_count', 'INTEGER', 'tokens kept after stopwords, punctuation and placeholders are removed'),
      col('year_source', 'VARCHAR', 'where year came from: title | opening | body (the year the body names most) | landmark (a dated event: 建党100周年 → 2021, data/lexicon.txt) | NULL; a posting date never dates a document'),
      col('unit_type', 'VARCHAR', `${UNIT_KINDS.join(' | ')}: from org's unit word, else from how the text names itself (我局, 本社区, 我院 …), per data/lexicon.txt`),
      col('part_no', 'INTEGER', '1-based position of the document inside its source file'),
      col('source_encoding', 'VARCHAR', 'encoding the source file was decoded from'),
      col('title_inferred', 'BOOLEAN', 'true when the document had no title and one was made from its opening'),
    ],
  },
  paragraphs: {
    name: 'paragraphs',
    doc: 'Paragraph spans of each document.',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('para_no', 'INTEGER', '1-based paragraph number'),
      col('start', 'INTEGER', 'offset of the first character'),
      col('end', 'INTEGER', 'offset after the last character'),
    ],
  },
  sentences: {
    name: 'sentences',
    doc: 'Sentence spans of each document (split after the lexicon\'s sentence ends and at paragraph ends).',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('sent_no', 'INTEGER', '1-based sentence number within the document'),
      col('para_no', 'INTEGER', 'paragraph holding the sentence'),
      col('start', 'INTEGER', 'offset of the first character'),
      col('end', 'INTEGER', 'offset after the last character'),
    ],
  },
  doc_terms: {
    name: 'doc_terms',
    doc: 'Term counts per document after tokenization (stopwords, punctuation, placeholders excluded).',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('term', 'VARCHAR', 'the term'),
      col('freq', 'INTEGER', 'occurrences in the document'),
    ],
  },
  themes: {
    name: 'themes',
    doc: 'The theme lexicon used by this ingest.',
    columns: [
      col('theme', 'VARCHAR', 'theme id (stable, used in URLs)'),
      col('term', 'VARCHAR', 'a term or variant counted for the theme'),
      col('label_zh', 'VARCHAR', 'Chinese display name of the theme'),
      col('label_en', 'VARCHAR', 'English display name of the theme'),
    ],
  },
  theme_freq: {
    name: 'theme_freq',
    doc: 'Occurrences of each theme\'s terms per document (longest match, no overlaps within a theme).',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('theme', 'VARCHAR', 'theme id'),
      col('freq', 'INTEGER', 'occurrences'),
    ],
  },
  theme_hits: {
    name: 'theme_hits',
    doc: 'Every theme-term occurrence with its offsets, for concordances and highlighting.',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('theme', 'VARCHAR', 'theme id'),
      col('term', 'VARCHAR', 'the lexicon term that matched'),
      col('start', 'INTEGER', 'offset of the match'),
      col('end', 'INTEGER', 'offset after the match'),
    ],
  },
  cleaning_log: {
    name: 'cleaning_log',
    doc: 'Every removal or rewrite that cleaning made, so nothing disappears silently.',
    columns: [
      col('source_path', 'VARCHAR', 'source file'),
      col('rule', 'VARCHAR', 'name of the cleaning rule'),
      col('chars_removed', 'INTEGER', 'characters removed (0 for a rewrite such as script conversion)'),
      col('sample', 'VARCHAR', 'the removed text, cut to 200 characters'),
      col('line_no', 'INTEGER', '1-based line in the decoded source file, NULL when not line-bound'),
    ],
  },
  skipped_files: {
    name: 'skipped_files',
    doc: 'Files that were not ingested, with the reason.',
    columns: [
      col('source_path', 'VARCHAR', 'source file'),
      col('reason', 'VARCHAR', 'why it was skipped'),
    ],
  },
  ingest_meta: {
    name: 'ingest_meta',
    doc: 'Facts about the ingest run (key/value): version, created_at, input, counts, stage timings.',
    columns: [
      col('key', 'VARCHAR', 'name'),
      col('value', 'VARCHAR', 'value as text'),
    ],
  },
  synonyms: {
    name: 'synonyms',
    doc: 'The synonym table used to see through spun copies: variant -> canonical form.',
    columns: [
      col('variant', 'VARCHAR', 'a spun form, e.g. 进取'),
      col('canonical', 'VARCHAR', 'the form it stands for, e.g. 积极'),
    ],
  },
  reuse: {
    name: 'reuse',
    doc: 'Aligned pairs of reused passages (exact or near), merged to maximal spans.',
    columns: [
      col('doc_a', 'INTEGER', 'first document (the earlier one when years differ, else the lower doc_id)'),
      col('start_a', 'INTEGER', 'offset in doc_a'),
      col('end_a', 'INTEGER', 'offset after the passage in doc_a'),
      col('doc_b', 'INTEGER', 'second document; equal to doc_a for repetition inside one document'),
      col('start_b', 'INTEGER', 'offset in doc_b'),
      col('end_b', 'INTEGER', 'offset after the passage in doc_b'),
      col('similarity', 'DOUBLE', '0..1 similarity of the normalised passages (1 = identical after normalisation)'),
      col('cluster_id', 'INTEGER', 'passages recurring together share a cluster'),
    ],
  },
  reuse_clusters: {
    name: 'reuse_clusters',
    doc: 'Groups of recurring passages, classified as mandated formula or copying.',
    columns: [
      col('cluster_id', 'INTEGER', 'cluster'),
      col('representative', 'VARCHAR', 'a representative text of the passage'),
      col('n_docs', 'INTEGER', 'documents in which the passage occurs'),
      col('first_year', 'INTEGER', 'earliest year among them'),
      col('last_year', 'INTEGER', 'latest year among them'),
      col('total_chars', 'INTEGER', 'characters covered across all occurrences'),
      col('kind', 'VARCHAR', 'formula | copy'),
      col('n_units', 'INTEGER', 'distinct issuing units among the documents (unknown or placeholder units count once per document)'),
      col('reason', 'VARCHAR', 'which clause of the rule decided kind: spread | mandated (formula), pair | repeat (copy)'),
    ],
  },
  doc_reuse: {
    name: 'doc_reuse',
    doc: 'Per-document recycled share (like 复制比), formulas excluded.',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('reused_chars', 'INTEGER', 'characters covered by copy passages shared with other documents'),
      col('share', 'DOUBLE', 'reused_chars / char_count'),
      col('top_partner', 'INTEGER', 'the document it shares most with; NULL when none'),
      col('top_partner_chars', 'INTEGER', 'characters shared with top_partner'),
      col('direction', 'VARCHAR', 'source | copy | unknown: whether this document is the likely source or the copy of top_partner; NULL when there is no partner'),
      col('formula_chars', 'INTEGER', 'characters covered by formula passages (mandated or widespread wording), not counted in reused_chars'),
    ],
  },
} as const satisfies Record<string, Table>;

/** Name of any table in the corpus database. */
export type TableName = keyof typeof TABLES;

/** Quote an SQL identifier (`end` and `start` are keywords in DuckDB). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `CREATE TABLE` statement for one table. */
export function createTableSql(table: Table): string {
  const cols = table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
  return `CREATE TABLE ${quoteIdent(table.name)} (${cols})`;
}

/** DDL for the whole database, one statement per table. */
export function schemaSql(): string[] {
  return Object.values(TABLES).map((t) => createTableSql(t));
}

/** The document types a document may have. */
export const DOC_TYPES = ['plan', 'summary', 'commentary', 'other'] as const;
/** One of {@link DOC_TYPES}. */
export type DocType = (typeof DOC_TYPES)[number];

/** Where a document's year came from, in order of trust (`documents.year_source`). */
export const YEAR_SOURCES = ['title', 'opening', 'body', 'landmark'] as const;
/** One of {@link YEAR_SOURCES}. */
export type YearSource = (typeof YEAR_SOURCES)[number];
