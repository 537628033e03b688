import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, snapshotIsCurrent, writeSnapshot } from '../../scripts/first-paint-snapshot';
import { ingestTo } from '../../scripts/dashboard-harness';
import { currentSnapshot, snapshotMiddleware, snapshotPathFor } from '../../scripts/snapshot-middleware';
import { firstPaintQueries, OVERVIEW_TERMS } from '../../web/queries/first-paint';
import { queryKey, runQuery, statementKey } from '../../web/db/statement';
import { openCorpusFile } from './node-connector';

const dir = mkdtempSync(join(tmpdir(), 'reportscope-snapshot-'));
const db = join(dir, 'corpus.duckdb');

beforeAll(() => ingestTo(db), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('first-paint snapshot', () => {
  it('answers every opening query with the rows the query gives, keyed as the browser keys them', async () => {
    const snapshot = await buildSnapshot(db);
    const conn = await openCorpusFile(db);
    try {
      const byKey = new Map(snapshot.answers.map((a) => [statementKey(a.text, a.params), a.rows]));
      expect(byKey.size).toBe(firstPaintQueries().length);
      for (const q of firstPaintQueries()) {
        expect(byKey.get(queryKey(q)), q.name).toEqual(JSON.parse(JSON.stringify(await runQuery(conn.connector, q))));
      }
    } finally {
      conn.close();
    }
    const terms = snapshot.answers.map((a) => a.rows).find((rows) => rows.length === OVERVIEW_TERMS && 'term' in rows[0]!);
    expect(terms?.[0]).toMatchObject({ term: expect.any(String), freq: expect.any(Number) });
  });

  it('is served only while the database is the one it was made from', async () => {
    await writeSnapshot(db);
    expect(snapshotPathFor(db)).toBe(join(dir, 'corpus.snapshot.json'));
    expect(currentSnapshot(db)).not.toBeNull();
    const answer = (): Promise<{ status: number; body: string }> =>
      new Promise((done) => {
        const res = {
          statusCode: 200,
          setHeader() {},
          end(body = '') {
            done({ status: this.statusCode, body });
          },
        };
        snapshotMiddleware('/corpus-snapshot.json', () => db)({ url: '/corpus-snapshot.json?x=1' } as never, res as never, () =>
          done({ status: -1, body: '' }),
        );
      });
    const served = await answer();
    expect(served.status).toBe(200);
    expect(JSON.parse(served.body)).toMatchObject({ version: 3, answers: expect.any(Array) });
    const later = new Date(Date.now() + 5000);
    utimesSync(db, later, later); // the database was re-ingested
    expect(currentSnapshot(db)).toBeNull();
    expect((await answer()).status).toBe(204);
  });

  it('is written again by npm start when the dashboard words an opening query differently', async () => {
    await writeSnapshot(db);
    expect(snapshotIsCurrent(db)).toBe(true);
    const path = snapshotPathFor(db);
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { source: unknown; answers: { text: string }[] };
    snapshot.answers[0]!.text += ' '; // an older wording of the same query
    writeFileSync(path, JSON.stringify(snapshot));
    expect(currentSnapshot(db)).not.toBeNull(); // same database
    expect(snapshotIsCurrent(db)).toBe(false);
    writeFileSync(path, JSON.stringify({ version: 1, source: snapshot.source, results: {} }));
    expect(snapshotIsCurrent(db)).toBe(false);
  });
});
