/**
 * The sample corpus as the reuse stage sees it: the real CLI ingests `data/raw` into a temporary
 * database and its cleaned `documents` (and the reuse tables it wrote) are read back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent, TABLES } from '../../common/schema';
import type { ReuseDoc } from '../../ingest/stages/reuse';
import { RAW_DIR, ROOT } from './fixtures';

/** The reuse tables the pipeline wrote, rows in schema column order. */
export type ReuseTables = Record<'reuse' | 'reuse_clusters' | 'doc_reuse', Record<string, unknown>[]>;

async function readTable(conn: DuckDBConnection, name: keyof ReuseTables): Promise<Record<string, unknown>[]> {
  const cols = TABLES[name].columns.map((c) => quoteIdent(c.name)).join(', ');
  return (await conn.runAndReadAll(`SELECT ${cols} FROM ${quoteIdent(name)}`)).getRowObjectsJS();
}

async function readCorpus(dbPath: string): Promise<{ docs: ReuseDoc[]; tables: ReuseTables }> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll('SELECT doc_id, text, year, org FROM documents ORDER BY doc_id');
    const docs = reader.getRowObjectsJS().map((r) => ({
      docId: Number(r.doc_id),
      text: String(r.text),
      year: r.year === null ? null : Number(r.year),
      org: r.org === null ? null : String(r.org),
    }));
    const tables = {
      reuse: await readTable(conn, 'reuse'),
      reuse_clusters: await readTable(conn, 'reuse_clusters'),
      doc_reuse: await readTable(conn, 'doc_reuse'),
    };
    return { docs, tables };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Ingest the sample with the real CLI into a temporary database; its documents and reuse tables. */
export async function ingestSample(): Promise<{ docs: ReuseDoc[]; tables: ReuseTables }> {
  const dir = mkdtempSync(join(tmpdir(), 'reuse-sample-'));
  const db = join(dir, 'corpus.duckdb');
  try {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, ['ingest/cli.ts', '--input', RAW_DIR, '--db', db], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ingest CLI failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
    return await readCorpus(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
