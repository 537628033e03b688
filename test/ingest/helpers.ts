import { readdirSync, readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { join, resolve } from 'node:path';
import { fileDocuments } from '../../ingest/file-work';
import { loadWrapperRules } from '../../ingest/stages/clean/wrappers';
import { decodeText } from '../../ingest/stages/decode';
import { loadLexicon } from '../../ingest/lexicon';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The bundled sample corpus. */
export const RAW = join(ROOT, 'data/raw');
/** The project's own site-wrapper rules. */
export const RULES = loadWrapperRules(join(ROOT, 'data/rules/site-wrappers.json'));
/** The project's genre lexicon. */
export const LEXICON = loadLexicon(join(ROOT, 'data/lexicon.txt'));

/** Clean and segment one sample file exactly as the pipeline does; its documents with their text. */
export function documentsOf(file: string) {
  const decoded = decodeText(new Uint8Array(readFileSync(join(RAW, file))));
  if (!decoded.ok) throw new Error(decoded.reason);
  return fileDocuments(decoded.text, { wrapperRules: RULES, minRepeatChars: 80, nowYear: 2026, lexicon: LEXICON }).documents;
}

/**
 * Bodies of the sample corpus's documents as the ingest segments them (title paragraph dropped), with
 * their type: what the generator of invented sites builds pages around.
 */
export function sampleBodies(): { paragraphs: string[]; hint?: 'plan' | 'summary' | 'commentary' }[] {
  return readdirSync(RAW)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) =>
      documentsOf(f).map((d) => ({
        paragraphs: d.titleInferred ? d.paragraphs : d.paragraphs.slice(1),
        ...(d.docType === 'other' ? {} : { hint: d.docType }),
      })),
    )
    .filter((b) => b.paragraphs.join('').length >= 400);
}

/** The rows of `sql` on the database file at `db`, opened read-only for the one query. */
export async function queryDb<T = Record<string, unknown>>(db: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
