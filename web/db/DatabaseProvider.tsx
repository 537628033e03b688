/** React access to the database: a provider that starts it and a hook that reports its status. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { fetchSnapshot, withSnapshot } from './snapshot';
import { startDatabase, type Database } from './wasm-connector';

let opened: Promise<Database> | null = null;

/**
 * Start the database (once) and, when the server has a first-paint snapshot, hand out a database that
 * answers the opening screen's queries from it at once while duckdb-wasm is still starting.
 */
function openDatabase(): Promise<Database> {
  opened ??= (async () => {
    const real = startDatabase();
    real.catch(() => undefined);
    const snapshot = await fetchSnapshot();
    return snapshot ? withSnapshot(snapshot, real) : real;
  })();
  return opened;
}

/** Where the database is in its life. */
export type DatabaseState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; db: Database };

const Ctx = createContext<DatabaseState>({ status: 'idle' });

/** Starts the database when mounted and provides its state to the tree. */
export function DatabaseProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DatabaseState>({ status: 'idle' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    openDatabase().then(
      (db) => live && setState({ status: 'ready', db }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

/** The database state: idle, loading, failed (with the error) or ready (with the database). */
export function useDatabase(): DatabaseState {
  return useContext(Ctx);
}

/** The ready database; only call below a component that rendered for `status === 'ready'`. */
export function useReadyDatabase(): Database {
  const state = useContext(Ctx);
  if (state.status !== 'ready') throw new Error('database is not ready');
  return state.db;
}
