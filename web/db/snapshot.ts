/**
 * First paint before the database is up. The server answers the opening screen's queries ahead of
 * time from the same database file (`corpus-snapshot.json`, see `scripts/first-paint-snapshot.ts`);
 * while duckdb-wasm compiles (about 2 s for its 34 MB), those answers draw the first charts and every
 * other query waits for the database. When the database is ready, the snapshot is checked against it.
 */
import type { Connector, Database, Param, Row } from './connector';
import { SNAPSHOT_CHECKED_MARK, type Snapshot } from './snapshot-format';
import { statementKey } from './statement';

/** Where the snapshot is served, relative to the page. */
const SNAPSHOT_PATH = 'corpus-snapshot.json';

/** Fetch the snapshot; null when the server has none (no database yet, or a plain static host). */
export async function fetchSnapshot(): Promise<Snapshot | null> {
  try {
    const res = await fetch(new URL(SNAPSHOT_PATH, document.baseURI), { cache: 'no-store' });
    if (res.status !== 200) return null; // 204: the server has no current snapshot
    const body = (await res.json()) as Snapshot;
    return body.version === 3 ? body : null;
  } catch {
    return null;
  }
}

const VERIFY_DELAY_MS = 1500;

async function verify(snapshot: Snapshot, db: Database): Promise<void> {
  let differences = 0;
  for (const { text, params, rows } of snapshot.answers) {
    const fresh = await db.connector.query(text, params);
    if (JSON.stringify(fresh) !== JSON.stringify(rows)) {
      differences += 1;
      console.error(`first-paint snapshot differs from the database for: ${text.slice(0, 120)}`);
    }
  }
  performance.mark(SNAPSHOT_CHECKED_MARK, { detail: { answers: snapshot.answers.length, differences } });
}

/**
 * A database that answers from the snapshot until `real` is up and from `real` after that (queries
 * that miss the snapshot wait for it). Once up, each snapshot answer is run again for real and a
 * difference is reported as an error.
 */
export function withSnapshot(snapshot: Snapshot, real: Promise<Database>): Database {
  const answers = new Map(snapshot.answers.map((a) => [statementKey(a.text, a.params), a.rows]));
  let up: Database | null = null;
  void real.then(
    (db) => (up = db),
    () => undefined,
  );
  const connector: Connector = {
    query(text: string, params: readonly Param[]): Promise<Row[]> {
      if (up) return up.connector.query(text, params);
      const hit = answers.get(statementKey(text, params));
      return hit ? Promise.resolve(hit) : real.then((db) => db.connector.query(text, params));
    },
  };
  // checked after the queries that were waiting for the database have had their turn
  void real.then(
    (db) => setTimeout(() => void verify(snapshot, db), VERIFY_DELAY_MS),
    () => undefined,
  );
  return { connector };
}
