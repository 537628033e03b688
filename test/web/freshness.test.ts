/** `npm start` rebuilds and re-ingests only when an input is newer than the output. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStale, newestMtime } from '../../scripts/freshness';

const dir = mkdtempSync(join(tmpdir(), 'fresh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(path: string, secondsAgo: number): void {
  writeFileSync(path, 'x');
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
}

describe('freshness', () => {
  mkdirSync(join(dir, 'raw', 'sub'), { recursive: true });
  touch(join(dir, 'raw', 'a.txt'), 300);
  touch(join(dir, 'raw', 'sub', 'b.txt'), 200);
  const raw = join(dir, 'raw');

  it('finds the newest file in a tree', () => {
    expect(Math.round(newestMtime(join(dir, 'raw', 'sub', 'b.txt')) / 1000)).toBe(Math.round(Date.now() / 1000 - 200));
    expect(newestMtime(join(dir, 'nothing'))).toBe(0);
    // the folders themselves older than both files: the tree's newest is sub/b.txt, not a.txt
    for (const d of [raw, join(raw, 'sub')]) utimesSync(d, Date.now() / 1000 - 400, Date.now() / 1000 - 400);
    expect(Math.round(newestMtime(raw) / 1000)).toBe(Math.round(Date.now() / 1000 - 200));
  });

  it('is stale when missing or older than an input, fresh otherwise', () => {
    const db = join(dir, 'corpus.duckdb');
    expect(isStale(db, [raw])).toBe(true);
    touch(db, 250);
    utimesSync(raw, Date.now() / 1000 - 400, Date.now() / 1000 - 400);
    utimesSync(join(raw, 'sub'), Date.now() / 1000 - 400, Date.now() / 1000 - 400);
    expect(isStale(db, [raw])).toBe(true);
    touch(db, 100);
    expect(isStale(db, [raw, join(dir, 'absent')])).toBe(false);
  });
});
