/**
 * What killed runs leave beside the database: a stale `<db>.wal` is replayed by DuckDB onto a new file
 * renamed into its place, and orphan `<db>.<pid>.tmp*` files pile up. `removeStaleFiles` removes both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleFiles } from '../../ingest/stages/db-files';
import { ROOT } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'reportscope-dbfiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A process that writes `titles` into `db` and is killed (SIGKILL) before it checkpoints: a WAL is left. */
function killedWriter(db: string, titles: readonly string[]): void {
  const script = `
    import { DuckDBInstance } from '@duckdb/node-api';
    const instance = await DuckDBInstance.create(${JSON.stringify(db)}, { wal_autocheckpoint: '1GB' });
    const conn = await instance.connect();
    await conn.run('CREATE TABLE IF NOT EXISTS documents (title VARCHAR)');
    await conn.run('CHECKPOINT');
    for (const t of ${JSON.stringify(titles)}) await conn.run("INSERT INTO documents VALUES ('" + t + "')");
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
}

/** Write a fresh checkpointed database at `path` holding `titles` (as the ingest's write does). */
async function writeFresh(path: string, titles: readonly string[]): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run('CREATE TABLE documents (title VARCHAR)');
  for (const t of titles) await conn.run(`INSERT INTO documents VALUES ('${t}')`);
  await conn.run('CHECKPOINT');
  conn.closeSync();
  instance.closeSync();
}

async function titles(db: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll('SELECT title FROM documents ORDER BY title')).getRows().map((r) => String(r[0]));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('a stale write-ahead log after a killed run (crash test with real DuckDB files)', () => {
  for (const clean of [false, true]) {
    it(
      clean ? 'is removed before the rename: the new database holds exactly the new run' : 'without removal, is replayed onto the new database (the bug)',
      async () => {
        const db = join(dir, `corpus-${clean}.duckdb`);
        killedWriter(db, ['old-1', 'old-2']);
        expect(existsSync(`${db}.wal`)).toBe(true);
        const runStarted = Date.now();
        const tmp = `${db}.${process.pid}.tmp`;
        await writeFresh(tmp, ['new-1']);
        if (clean) expect(removeStaleFiles(db, runStarted)).toEqual([`${db}.wal`]);
        renameSync(tmp, db);
        expect(await titles(db)).toEqual(clean ? ['new-1'] : ['new-1', 'old-1', 'old-2']);
      },
    );
  }
});

describe('orphan temporary files', () => {
  it('removes tmp and tmp.wal files of dead processes older than the run, and keeps everything else', () => {
    const sub = mkdtempSync(join(dir, 'orphans-'));
    const db = join(sub, 'corpus.duckdb');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const old = Date.now() / 1000 - 3600;
    const files: [string, boolean][] = [
      [`corpus.duckdb.${deadPid}.tmp`, true],
      [`corpus.duckdb.${deadPid}.tmp.wal`, true],
      [`corpus.duckdb.${process.pid}.tmp`, true], // this process's own leftover from before the run
      [`corpus.duckdb.${process.ppid}.tmp`, false], // a live process's file: another run writing now
      ['corpus.duckdb', false],
      ['other.duckdb.123.tmp', false],
      ['corpus.duckdb.notes.tmp', false],
    ];
    for (const [name] of files) {
      writeFileSync(join(sub, name), 'x');
      utimesSync(join(sub, name), old, old);
    }
    writeFileSync(join(sub, `corpus.duckdb.${deadPid}.tmp.new`), 'x'); // not an orphan name
    const fresh = `corpus.duckdb.${deadPid + 1}.tmp`;
    writeFileSync(join(sub, fresh), 'x'); // newer than the run's start: not touched
    const removed = removeStaleFiles(db, Date.now() - 60_000);
    expect(removed.map((p) => p.slice(sub.length + 1)).sort()).toEqual(
      files
        .filter(([, gone]) => gone)
        .map(([n]) => n)
        .sort(),
    );
    expect(readdirSync(sub).sort()).toEqual([...files.filter(([, gone]) => !gone).map(([n]) => n), `corpus.duckdb.${deadPid}.tmp.new`, fresh].sort());
  });

  it('does nothing (and does not throw) when the folder is missing', () => {
    expect(removeStaleFiles(join(dir, 'nowhere', 'corpus.duckdb'), Date.now())).toEqual([]);
  });
});
