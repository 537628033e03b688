/**
 * The one start-up of the database: a single cached promise (duckdb-wasm's react-duckdb `resolvable`
 * pattern) and its state, idle → loading → ready or failed. `boot.ts` calls {@link openDatabase} as
 * early as it can; {@link ./DatabaseProvider} calls it again (getting the same promise) and follows
 * the state. When the server has a first-paint snapshot, the database answers the opening screen's
 * queries from it at once while duckdb-wasm is still starting.
 */
import type { Database } from './connector';
import { fetchSnapshot, withSnapshot } from './snapshot';
import { connectCorpus } from './wasm-connector';

/** Where the database is in its life. */
export type DatabaseState = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; db: Database };

let opened: Promise<Database> | null = null;
let state: DatabaseState = { status: 'idle' };
const listeners = new Set<() => void>();

function settle(next: DatabaseState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Start the database, once: every call returns the same promise. */
export function openDatabase(): Promise<Database> {
  if (opened) return opened;
  const real = connectCorpus();
  real.catch(() => undefined); // reported through `opened` (directly, or by the snapshot's queries)
  opened = fetchSnapshot().then((snapshot) => (snapshot ? withSnapshot(snapshot, real) : real));
  settle({ status: 'loading' });
  opened.then(
    (db) => settle({ status: 'ready', db }),
    (error: unknown) => settle({ status: 'failed', error }),
  );
  return opened;
}

/** The current state (a stable object until the next change). */
export function databaseState(): DatabaseState {
  return state;
}

/** Call `listener` on every change of {@link databaseState}; returns the unsubscribe function. */
export function onDatabaseState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
