/**
 * `--update`: what the last database says about each file, and copying an unchanged file's rows from it
 * with SQL (INSERT … SELECT, document ids remapped through a mapping table) instead of processing the
 * file again. The last database is ATTACHed read-only to the new one; it is never written.
 */
import { existsSync } from 'node:fs';
import { INTEGER, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { quoteIdent, SCHEMA_VERSION, TABLES, type PlaceLevel, type RowOf, type TableName, type UnitKind } from '../common/schema';
import type { IngestConfig } from './config';
import { fingerprintChanges, type Fingerprint } from './fingerprint';
import { chromeKey, type ChromeLine } from './stages/clean/chrome';
import type { DatabaseWriter } from './stages/write';

/**
 * Where each table's rows come from in an update: copied from the last database with their documents
 * (`doc_id` remapped) or with their file (`source_path`), or written anew by the run (the tables across
 * documents, the run's own facts, and tables the pipeline writes for every file from what it holds).
 * Every table must be listed: a new table is a decision about updates.
 */
const ORIGIN: Record<TableName, 'document' | 'file' | 'run'> = {
  documents: 'document',
  paragraphs: 'document',
  sentences: 'document',
  doc_terms: 'document',
  theme_freq: 'document',
  theme_hits: 'document',
  places: 'document',
  cleaning_log: 'file',
  // skipped_files: the pipeline carries a copied file's reason in its summary and writes them all
  skipped_files: 'run',
  source_files: 'run',
  chrome_lines: 'run',
  themes: 'run',
  synonyms: 'run',
  ingest_meta: 'run',
  reuse: 'run',
  reuse_clusters: 'run',
  doc_reuse: 'run',
  reuse_pairs: 'run',
  divisions: 'run',
  unlocalised: 'run',
  reference_texts: 'run',
  quotations: 'run',
  formulations: 'run',
  formulation_docs: 'run',
  formulation_years: 'run',
  formulation_events: 'run',
};

/** A file's {@link ChromeLine}s as `chrome_lines` rows: the key is not stored, {@link chromeKey} gives it back from the line (and from itself). */
export function chromeLineRows(sourcePath: string, lines: readonly ChromeLine[]): RowOf<'chrome_lines'>[] {
  return lines.map((l) => ({ source_path: sourcePath, line: l.text ?? l.key, counted: l.text !== null, outside: l.outside }));
}

/** The {@link ChromeLine} a `chrome_lines` row stores. */
export function chromeLineOf(row: RowOf<'chrome_lines'>): ChromeLine {
  return { key: chromeKey(row.line), text: row.counted ? row.line : null, outside: row.outside };
}

/** The schema name of the last database, ATTACHed to the new one. */
const PREV = 'previous';

const table = (name: TableName, catalog: string | null = null): string => `${catalog ? `${quoteIdent(catalog)}.` : ''}${quoteIdent(TABLES[name].name)}`;

/** A file as the last ingest recorded it. */
export interface PreviousFile {
  readonly hash: string | null;
  readonly firstDocId: number | null;
  readonly docCount: number;
}

/** What the last database says about its files, read once at the start of an update. */
export interface Previous {
  readonly files: ReadonlyMap<string, PreviousFile>;
  /** Each file's {@link ChromeLine}s. */
  readonly chromeLines: ReadonlyMap<string, ChromeLine[]>;
  /** The chrome it learned: line key → files it was seen in. */
  readonly chrome: ReadonlyMap<string, number>;
  /** Why each skipped file was skipped. */
  readonly skipped: ReadonlyMap<string, string>;
}

/** `ingest_meta` keys this module reads and the pipeline writes. */
export const META_KEYS = { schemaVersion: 'schema_version', config: 'config', chrome: 'chrome_profile' } as const;

/** A learned chrome profile as stored in `ingest_meta` (`chrome_profile`): `[key, files]` pairs sorted by key. */
export function chromeProfileJson(keys: ReadonlyMap<string, number>): string {
  return JSON.stringify([...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * ATTACH the database at `config.db` read-only and read what an update needs of it (it stays attached
 * for {@link copyUnchanged} until {@link detachPrevious}); or, when it cannot be updated (none yet,
 * unreadable, another schema version, a data file, setting or the code changed), the reason, and the
 * pipeline processes every file.
 */
export async function openPrevious(db: DatabaseWriter, config: IngestConfig, fingerprint: Fingerprint): Promise<Previous | string> {
  if (!existsSync(config.db)) return `no database at ${config.db} yet`;
  try {
    await db.run(`ATTACH '${config.db.replaceAll("'", "''")}' AS ${quoteIdent(PREV)} (READ_ONLY)`);
  } catch (err) {
    return `cannot open ${config.db}: ${(err as Error).message.split('\n')[0]}`;
  }
  let ok = false;
  try {
    const meta = new Map((await db.rows<RowOf<'ingest_meta'>>(`SELECT * FROM ${table('ingest_meta', PREV)}`)).map((r) => [r.key, r.value]));
    const version = meta.get(META_KEYS.schemaVersion);
    if (version !== String(SCHEMA_VERSION)) return `${config.db} was written by schema version ${version ?? '1'}; this ingest writes version ${SCHEMA_VERSION}`;
    const changed = fingerprintChanges(JSON.parse(meta.get(META_KEYS.config) ?? '{}') as Fingerprint, fingerprint, config);
    if (changed.length) return `changed since the last ingest: ${changed.join(', ')}`;
    const files = new Map<string, PreviousFile>();
    for (const r of await db.rows<RowOf<'source_files'>>(`SELECT * FROM ${table('source_files', PREV)}`))
      files.set(r.source_path, { hash: r.content_hash, firstDocId: r.first_doc_id, docCount: r.doc_count });
    const chromeLines = new Map<string, ChromeLine[]>();
    for (const r of await db.rows<RowOf<'chrome_lines'>>(`SELECT * FROM ${table('chrome_lines', PREV)}`)) {
      let lines = chromeLines.get(r.source_path);
      if (!lines) chromeLines.set(r.source_path, (lines = []));
      lines.push(chromeLineOf(r));
    }
    const skipped = new Map((await db.rows<RowOf<'skipped_files'>>(`SELECT * FROM ${table('skipped_files', PREV)}`)).map((r) => [r.source_path, r.reason]));
    const chrome = new Map(JSON.parse(meta.get(META_KEYS.chrome) ?? '[]') as [string, number][]);
    ok = true;
    return { files, chromeLines, chrome, skipped };
  } catch (err) {
    return `cannot read ${config.db}: ${(err as Error).message.split('\n')[0]}`;
  } finally {
    if (!ok) await detachPrevious(db);
  }
}

/** Detach the last database, if attached. */
export async function detachPrevious(db: DatabaseWriter): Promise<void> {
  await db.run(`DETACH DATABASE IF EXISTS ${quoteIdent(PREV)}`);
}

/** The files an update compared with the last database. */
export interface UpdateSummary {
  /** Why the update processed every file (no database yet, another schema version, a data file, setting or the code changed); null when it went ahead. */
  fullRunReason: string | null;
  unchanged: number;
  added: number;
  changed: number;
  removed: number;
  /** Unchanged files processed again: the learned chrome they hold changed, or they cannot be read. */
  unchangedReprocessed: number;
}

/** An update that processed every file, and why. */
export const fullRun = (reason: string): UpdateSummary => ({ fullRunReason: reason, unchanged: 0, added: 0, changed: 0, removed: 0, unchangedReprocessed: 0 });

/** Compare the files found (their path, their hash, and what the last database recorded of them) with the last database; `copied` of them were copied. */
export function compareFiles(
  files: readonly { readonly file: { readonly relPath: string }; readonly hash: string | null; readonly previous: PreviousFile | undefined }[],
  previous: Previous,
  copied: number,
): UpdateSummary {
  const u: UpdateSummary = { ...fullRun(''), fullRunReason: null };
  for (const f of files) {
    if (!f.previous) u.added++;
    else if (f.previous.hash === f.hash) u.unchanged++;
    else u.changed++;
  }
  u.unchangedReprocessed = u.unchanged - copied;
  const paths = new Set(files.map((f) => f.file.relPath));
  u.removed = [...previous.files.keys()].filter((p) => !paths.has(p)).length;
  return u;
}

/** A copied document as the reuse stage and the summary need it, under its new id. */
export interface CopiedDocument {
  readonly docId: number;
  readonly text: string;
  readonly year: number | null;
  readonly org: string | null;
  readonly unitType: UnitKind;
  readonly homeCode: string | null;
  readonly homeLevel: PlaceLevel | null;
  readonly charCount: number;
  readonly tokenCount: number;
}

/** What {@link copyUnchanged} copied. */
export interface Copied {
  /** The copied documents in new-id order. */
  readonly documents: CopiedDocument[];
  /** Their distinct terms. */
  readonly terms: string[];
  /** Their files' cleaning-log rows and characters. */
  readonly removals: number;
  readonly charsRemoved: number;
}

/**
 * Copy the rows of unchanged files from the last database (attached by {@link openPrevious}) into the
 * new one: the documents whose old ids are `oldIds` under `newIds`, with their paragraphs, sentences,
 * terms and theme rows, and the cleaning log of the files at `paths`; returns what the rest of the run
 * needs of them.
 */
export async function copyUnchanged(db: DatabaseWriter, oldIds: number[], newIds: number[], paths: string[]): Promise<Copied> {
  await db.run(
    'CREATE OR REPLACE TEMP TABLE doc_map AS SELECT unnest($1) AS old_id, unnest($2) AS new_id',
    [listValue(oldIds), listValue(newIds)],
    [LIST(INTEGER), LIST(INTEGER)],
  );
  await db.run('CREATE OR REPLACE TEMP TABLE copied_files AS SELECT unnest($1) AS source_path', [listValue(paths)], [LIST(VARCHAR)]);
  for (const name of Object.keys(ORIGIN) as TableName[]) {
    const origin = ORIGIN[name];
    if (origin === 'run') continue;
    const columns = TABLES[name].columns.map((c) => c.name as string);
    const key = origin === 'document' ? 'doc_id' : 'source_path';
    if (!columns.includes(key)) throw new Error(`table ${name} has no ${key} column to copy it by`);
    const select = columns.map((c) => (origin === 'document' && c === 'doc_id' ? `m.new_id AS ${quoteIdent(c)}` : `r.${quoteIdent(c)}`));
    const from =
      origin === 'document'
        ? `${table(name, PREV)} AS r JOIN doc_map AS m ON r.${quoteIdent(key)} = m.old_id`
        : `${table(name, PREV)} AS r WHERE r.${quoteIdent(key)} IN (SELECT source_path FROM copied_files)`;
    await db.run(`INSERT INTO ${table(name)} (${columns.map(quoteIdent).join(', ')}) SELECT ${select.join(', ')} FROM ${from}`);
  }
  const documents = await db.rows<CopiedDocument>(
    `SELECT m.new_id AS "docId", d.text, d.year, d.org, d.unit_type AS "unitType", d.home_code AS "homeCode", d.home_level AS "homeLevel",
            d.char_count AS "charCount", d.token_count AS "tokenCount"
       FROM ${table('documents', PREV)} AS d JOIN doc_map AS m ON d.doc_id = m.old_id ORDER BY m.new_id`,
  );
  const terms = await db.rows<{ term: string }>(`SELECT DISTINCT t.term FROM ${table('doc_terms', PREV)} AS t JOIN doc_map AS m ON t.doc_id = m.old_id`);
  const [log] = await db.rows<{ n: number; chars: number }>(
    `SELECT count(*)::INTEGER AS n, coalesce(sum(chars_removed), 0)::DOUBLE AS chars FROM ${table('cleaning_log', PREV)}
       WHERE source_path IN (SELECT source_path FROM copied_files)`,
  );
  return { documents, terms: terms.map((t) => t.term), removals: log?.n ?? 0, charsRemoved: log?.chars ?? 0 };
}
