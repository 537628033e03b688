/**
 * The sample corpus as the reuse stage will see it. When the ingest pipeline exists
 * (`ingest/pipeline.ts` and `ingest/cli.ts`), the real CLI ingests `data/raw` into a temporary
 * database and its cleaned `documents` are read back; until then the crude fixture loader stands in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ReuseDoc } from '../../ingest/stages/reuse';
import { loadFixtureDocs, RAW_DIR, ROOT } from './fixtures';

/** Where the documents came from. */
export type SampleSource = 'pipeline' | 'fixtures';

/** Whether the ingest pipeline has landed. */
export function pipelineAvailable(): boolean {
  return existsSync(join(ROOT, 'ingest', 'pipeline.ts')) && existsSync(join(ROOT, 'ingest', 'cli.ts'));
}

async function readDocuments(dbPath: string): Promise<ReuseDoc[]> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll('SELECT doc_id, text, year, org FROM documents ORDER BY doc_id');
    return reader.getRowObjectsJS().map((r) => ({
      docId: Number(r.doc_id),
      text: String(r.text),
      year: r.year === null ? null : Number(r.year),
      org: r.org === null ? null : String(r.org),
    }));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Ingest the sample with the real CLI into a temporary database and read its documents. */
export async function ingestSample(): Promise<ReuseDoc[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reuse-sample-'));
  const db = join(dir, 'corpus.duckdb');
  try {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, ['ingest/cli.ts', '--input', RAW_DIR, '--db', db], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ingest CLI failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
    return await readDocuments(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sample's documents: cleaned by the pipeline when it exists, else by the fixture loader. */
export async function loadSampleDocs(): Promise<{ docs: ReuseDoc[]; source: SampleSource }> {
  if (pipelineAvailable()) return { docs: await ingestSample(), source: 'pipeline' };
  return { docs: loadFixtureDocs(), source: 'fixtures' };
}
