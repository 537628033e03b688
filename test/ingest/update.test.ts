/**
 * `--update` on a real DuckDB file, with the real pipeline, on the sample's own text: a full run on a
 * collection A, then edits, additions and removals to make B and an update, gives the very same tables
 * as a full run on B; unchanged files are copied and not processed; a failed update leaves the last
 * database as it was.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, TABLES } from '../../common/schema';
import { defaultConfig, type IngestConfig } from '../../ingest/config';
import { runIngest, type IngestSummary } from '../../ingest/pipeline';
import type { Reporter } from '../../ingest/progress';
import { queryDb, RAW, ROOT } from './helpers';
import { tempDir } from '../fixtures/temp';

/** Keys of `ingest_meta` that say when and how fast a run was, not what it wrote. */
const RUN_KEYS = ['created_at', 'stage_ms', 'run'];

/** Every table's rows, each sorted by all its columns; `ingest_meta` without {@link RUN_KEYS}. */
async function dump(db: string): Promise<Record<string, unknown[]>> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of Object.values(TABLES)) {
      const where = t.name === 'ingest_meta' ? ` WHERE key NOT IN (${RUN_KEYS.map((k) => `'${k}'`).join(', ')})` : '';
      out[t.name] = (await conn.runAndReadAll(`SELECT * FROM ${quoteIdent(t.name)}${where} ORDER BY ALL`)).getRowObjectsJS();
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const dir = tempDir('update');
const input = join(dir, 'in');
const raw = (name: string): string => readFileSync(join(RAW, name), 'utf8');
const put = (name: string, text: string | Uint8Array): void => {
  mkdirSync(join(input, name, '..'), { recursive: true });
  writeFileSync(join(input, name), text);
};

/** A site's footer line, not in any rule: learned as chrome once three files end with it. */
const FOOTER = '桐城先锋网 理论学习专栏';
const P2021 = '002_037b8862a6aab3ed.txt';
const PLAN2024 = '000_b8053b4a706e5b40.txt';
const PLAN2023 = '001_2ed66e526de68ea1.txt';
const TRADITIONAL = '004_c3fbbc4332145b22.txt';
const COMPILATION = '003_08b7daba70b35e86.txt';

/** Collection A: the sample, two of its files with the footer, a page copying most of the 2024 plan, and a binary file. */
function writeA(): void {
  for (const f of readdirSync(RAW)) copyFileSync(join(RAW, f), join(input, f));
  for (const f of [PLAN2024, TRADITIONAL]) appendFileSync(join(input, f), `\n${FOOTER}\n`);
  const body = raw(PLAN2024).split('\n').slice(1).join('\n').slice(0, 2400);
  put('extra/copy.txt', `县文化馆2024年宣传思想工作要点\n${body}\n`);
  put(
    'extra/scan.txt',
    Uint8Array.from({ length: 4000 }, (_, i) => (i * 37) % 256),
  );
}

/** A → B: one file edited, the copying page removed, a new page with the footer added (the third: the footer becomes chrome). */
function editToB(): void {
  const text = raw(COMPILATION);
  const edited = text.replace('牢牢掌握意识形态工作主动权和领导权', '牢牢掌握意识形态工作的领导权、管理权、话语权');
  expect(edited).not.toBe(text);
  writeFileSync(join(input, COMPILATION), edited);
  rmSync(join(input, 'extra/copy.txt'));
  const report = raw(P2021).split('\n').slice(19, 33).join('\n');
  put('extra/new.txt', `${report}\n${FOOTER}\n`);
}

const overrides = join(dir, 'overrides.csv');
const config = (db: string, extra: Partial<IngestConfig> = {}): IngestConfig => defaultConfig(ROOT, { input, db, overrides, ...extra });
const dbA = join(dir, 'update', 'corpus.duckdb');
const dbFull = join(dir, 'full', 'corpus.duckdb');
const learned = (db: string): Promise<{ source_path: string }[]> =>
  queryDb(db, `SELECT DISTINCT source_path FROM cleaning_log WHERE rule = 'learned_chrome' AND sample LIKE '${FOOTER}%' ORDER BY 1`);

let full: IngestSummary;
let update: IngestSummary;
let before: Record<string, unknown[]>;
const warnings: string[] = [];
const collecting: Reporter = { log() {}, progress() {}, warn: (m) => warnings.push(m) };

beforeAll(async () => {
  mkdirSync(join(dir, 'update'));
  mkdirSync(join(dir, 'full'));
  mkdirSync(input);
  // a correction of a document of a file the update copies
  writeFileSync(overrides, `source_path,part_no,year\n${P2021},2,2019\n`);
  writeA();
  await runIngest(config(dbA));
  before = await dump(dbA);
  editToB();
  update = await runIngest(config(dbA, { update: true }), collecting);
  full = await runIngest(config(dbFull));
});

describe('ingest --update', () => {
  it('starts from a collection whose copying page has documents and reuse rows, and whose footer is not yet chrome', () => {
    const copies = before['documents']!.filter((d) => (d as { source_path: string }).source_path === 'extra/copy.txt') as { doc_id: number }[];
    expect(copies.length).toBeGreaterThan(0);
    const reuse = before['reuse'] as { doc_a: number; doc_b: number }[];
    expect(reuse.filter((r) => copies.some((c) => c.doc_id === r.doc_a || c.doc_id === r.doc_b)).length).toBeGreaterThan(0);
    expect(before['skipped_files']).toEqual([expect.objectContaining({ source_path: 'extra/scan.txt' })]);
    const withFooter = (before['documents'] as { source_path: string; text: string }[]).filter((d) => d.text.includes(FOOTER)).map((d) => d.source_path);
    expect(withFooter).toEqual([PLAN2024, TRADITIONAL]);
  });

  it('writes the same tables as a full run on the final files, table by table', async () => {
    const updated = await dump(dbA);
    const fresh = await dump(dbFull);
    for (const t of Object.keys(TABLES)) expect(updated[t], t).toEqual(fresh[t]);
    expect(updated['documents']!.length).toBe(full.documents);
    expect(updated['reuse']!.length).toBeGreaterThan(0);
  });

  it('says what changed and processes only the new, the changed and the files whose learned chrome changed', () => {
    expect(update.update).toEqual({ fullRunReason: null, unchanged: 5, added: 1, changed: 1, removed: 1, unchangedReprocessed: 2 });
    expect(update.reprocessed).toBe(4); // new.txt, the edited compilation, and the two files ending with the footer
    expect(update.copied).toBe(3); // the 2023 plan, the 2021 reports and the binary file (its skip reason)
    expect(full.reprocessed).toBe(7);
    const counts = (s: IngestSummary) => ({ ...s, stageMs: {}, ms: 0, db: '', update: null, reprocessed: 0, copied: 0 });
    expect(counts(update)).toEqual(counts(full));
    expect(warnings.filter((w) => w.includes('not applied'))).toEqual([]);
  });

  it('learns the footer once a third file ends with it and strips it from the unchanged files too', async () => {
    expect(await learned(dbA)).toEqual([{ source_path: PLAN2024 }, { source_path: TRADITIONAL }, { source_path: 'extra/new.txt' }]);
    const texts = await queryDb<{ n: number }>(dbA, `SELECT count(*)::INTEGER AS n FROM documents WHERE text LIKE '%桐城先锋网%'`);
    expect(texts).toEqual([{ n: 0 }]);
  });

  it("drops a removed file's documents, cleaning log, reuse rows and file row", async () => {
    const rows = await queryDb<{ n: number }>(
      dbA,
      `SELECT (SELECT count(*) FROM documents WHERE source_path = 'extra/copy.txt')
            + (SELECT count(*) FROM cleaning_log WHERE source_path = 'extra/copy.txt')
            + (SELECT count(*) FROM source_files WHERE source_path = 'extra/copy.txt')
            + (SELECT count(*) FROM reuse WHERE doc_a NOT IN (SELECT doc_id FROM documents) OR doc_b NOT IN (SELECT doc_id FROM documents))
            + (SELECT count(*) FROM doc_reuse WHERE doc_id NOT IN (SELECT doc_id FROM documents)) AS n`,
    );
    expect(rows).toEqual([{ n: 0n }]);
  });

  it('keeps the ids of documents 1 … n in file order, and the correction of a copied document', async () => {
    const files = await queryDb<{ source_path: string; first_doc_id: number | null; doc_count: number }>(
      dbA,
      'SELECT source_path, first_doc_id, doc_count FROM source_files ORDER BY first_doc_id NULLS LAST',
    );
    let next = 1;
    for (const f of files.filter((r) => r.doc_count > 0)) {
      expect(f.first_doc_id, f.source_path).toBe(next);
      next += f.doc_count;
    }
    expect(await queryDb(dbA, `SELECT year, year_source FROM documents WHERE source_path = '${P2021}' AND part_no = 2`)).toEqual([
      { year: 2019, year_source: 'override' },
    ]);
  });

  it('copies every file of an unchanged collection and processes none', async () => {
    const updated = await dump(dbA);
    const again = await runIngest(config(dbA, { update: true }));
    expect(again.update).toEqual({ fullRunReason: null, unchanged: 7, added: 0, changed: 0, removed: 0, unchangedReprocessed: 0 });
    expect(again.reprocessed).toBe(0);
    expect(again.copied).toBe(7);
    expect(again.stageMs['tokenize'] ?? 0).toBe(0);
    expect(await dump(dbA)).toEqual(updated);
  });

  it('leaves the last database as it was when the update fails part way', async () => {
    const hash = sha(dbA);
    writeFileSync(join(input, 'extra/another.txt'), raw(PLAN2023));
    const failing: Reporter = {
      log() {},
      warn() {},
      progress(stage) {
        if (stage === 'reuse') throw new Error('disk full');
      },
    };
    await expect(runIngest(config(dbA, { update: true }), failing)).rejects.toThrow('disk full');
    expect(sha(dbA)).toBe(hash);
    expect(readdirSync(join(dir, 'update'))).toEqual(['corpus.duckdb']);
    rmSync(join(input, 'extra/another.txt'));
  });

  it('runs in full, and says why, when there is no database yet, a setting changed or the database is of another schema version', async () => {
    const fresh = join(dir, 'fresh', 'corpus.duckdb');
    mkdirSync(join(dir, 'fresh'));
    const none = await runIngest(config(fresh, { update: true }));
    expect(none.update?.fullRunReason).toMatch(/^no database at .*fresh\/corpus\.duckdb yet$/);
    expect(none.reprocessed).toBe(7);

    const setting = await runIngest(config(fresh, { update: true, chromeMinFiles: 4 }));
    expect(setting.update?.fullRunReason).toBe('changed since the last ingest: the chromeMinFiles setting');
    expect(setting.reprocessed).toBe(7);
    expect(await learned(fresh)).toEqual([]); // the footer is in three files only

    writeFileSync(overrides, `source_path,part_no,year\n${P2021},2,2018\n`);
    const data = await runIngest(config(fresh, { update: true, chromeMinFiles: 4 }));
    expect(data.update?.fullRunReason).toBe(`changed since the last ingest: the overrides file (${overrides})`);

    const instance = await DuckDBInstance.create(fresh);
    const conn = await instance.connect();
    await conn.run(`UPDATE ingest_meta SET value = '2' WHERE key = 'schema_version'`);
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    const old = await runIngest(config(fresh, { update: true, chromeMinFiles: 4 }));
    expect(old.update?.fullRunReason).toMatch(/was written by schema version 2; this ingest writes version \d+$/);
    expect(old.reprocessed).toBe(7);
  });
});

describe('memory between the passes', () => {
  it('writes the same tables when no prepared file is kept in memory between the passes (each waits on disk)', async () => {
    const [kept, again] = [join(dir, 'kept', 'corpus.duckdb'), join(dir, 'again', 'corpus.duckdb')];
    for (const db of [kept, again]) mkdirSync(join(db, '..'));
    const one = await runIngest(config(kept));
    const two = await runIngest(config(again, { keepPreparedChars: 0 }));
    expect(two.documents).toBe(one.documents);
    expect(one.documents).toBeGreaterThan(10);
    // every file that could be read waited on disk (the binary file is skipped and kept as is), none by default
    expect(one.preparedSpilled).toBe(0);
    expect(two.preparedSpilled).toBe(two.files - two.skipped.filter((f) => !/no document left/.test(f.reason)).length);
    expect(two.preparedSpilled).toBeGreaterThan(5);
    const [a, b] = [await dump(kept), await dump(again)];
    for (const t of Object.keys(TABLES)) expect(b[t], t).toEqual(a[t]);
  });
});

describe('the per-file passes on worker threads', () => {
  it('write the same tables as one thread, in a full run and in an update', async () => {
    const [one, two] = [join(dir, 'one-thread', 'corpus.duckdb'), join(dir, 'two-threads', 'corpus.duckdb')];
    for (const db of [one, two]) mkdirSync(join(db, '..'));
    const threads = { fileThreads: 2, parallelMinFiles: 0 };
    const single = await runIngest(config(one, { fileThreads: 1 }));
    // some prepared files wait in memory, the rest on disk
    const pooled = await runIngest(config(two, { ...threads, keepPreparedChars: 40_000 }));
    expect(pooled.preparedSpilled).toBeGreaterThan(0);
    expect(pooled.preparedSpilled).toBeLessThan(pooled.files - 1);
    expect(pooled.documents).toBe(single.documents);
    // the workers' stage times are counted: tokenizing the sample takes time on some thread
    expect(pooled.stageMs['tokenize']).toBeGreaterThan(0);
    const expected = await dump(one);
    const tables = await dump(two);
    for (const t of Object.keys(TABLES)) expect(tables[t], t).toEqual(expected[t]);
    // an update on the workers: every file hashed there, found unchanged and copied
    const again = await runIngest(config(two, { ...threads, update: true }));
    expect(again.update?.fullRunReason).toBeNull();
    expect(again.copied).toBe(again.files);
    expect(again.reprocessed).toBe(0);
    const updated = await dump(two);
    for (const t of Object.keys(TABLES)) expect(updated[t], t).toEqual(expected[t]);
  });
});
