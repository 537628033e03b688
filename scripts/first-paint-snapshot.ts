/**
 * The first-paint snapshot: the answers to the dashboard's opening queries (`web/queries/first-paint`),
 * computed in node from the same database file the browser attaches and written beside it
 * (`corpus.duckdb` → `corpus.snapshot.json`). `npm start`, the dev and preview servers (through
 * `tsx scripts/first-paint-snapshot.ts DB`) and the test harness write it; the server hands it out only
 * while the database is the one it was made from.
 */
import { statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Row } from '../web/db/connector.ts';
import type { Snapshot, SnapshotAnswer } from '../web/db/snapshot-format.ts';
import { queryKey, runQuery, statementKey } from '../web/db/statement.ts';
import { firstPaintQueries } from '../web/queries/first-paint.ts';
import { render } from '../web/queries/sql.ts';
import { openCorpusFile } from './node-connector.ts';
import { currentSnapshot, snapshotPathFor } from './snapshot-middleware.ts';

/**
 * Run the opening queries against the database at `dbPath`. A query that fails (an older database
 * without the reuse tables, say) is left out: the browser will run it and show its error.
 */
export async function buildSnapshot(dbPath: string): Promise<Snapshot> {
  const { size, mtimeMs } = statSync(dbPath);
  const db = await openCorpusFile(dbPath);
  try {
    const answers: SnapshotAnswer[] = [];
    for (const q of firstPaintQueries()) {
      const { text, params } = render(q.sql);
      try {
        answers.push({ text, params, rows: (await runQuery(db.connector, q)) as Row[] });
      } catch {
        // left to the browser
      }
    }
    return { version: 3, source: { size, mtimeMs }, answers };
  } finally {
    db.close();
  }
}

/** Build the snapshot of `dbPath` and write it beside the database; returns its path. */
export async function writeSnapshot(dbPath: string): Promise<string> {
  const path = snapshotPathFor(dbPath);
  writeFileSync(path, JSON.stringify(await buildSnapshot(dbPath)));
  return path;
}

/**
 * True when the snapshot beside `dbPath` was made from the database as it is now and answers every
 * opening query as this version of the dashboard words it. A change to a query's SQL changes its
 * statement, which an older snapshot would then never answer: `npm start` writes it again.
 */
export function snapshotIsCurrent(dbPath: string): boolean {
  const text = currentSnapshot(dbPath);
  if (text === null) return false;
  const { answers } = JSON.parse(text) as Partial<Snapshot>;
  if (!Array.isArray(answers)) return false;
  const have = new Set(answers.map((a) => statementKey(a.text, a.params)));
  return firstPaintQueries().every((q) => have.has(queryKey(q)));
}

// `tsx scripts/first-paint-snapshot.ts DB`: write DB's snapshot unless the one beside it is current
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2]) {
  const db = process.argv[2];
  if (!snapshotIsCurrent(db)) await writeSnapshot(db);
}
