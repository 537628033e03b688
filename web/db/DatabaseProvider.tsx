/** React access to the database: a provider that starts it and a hook that reports its status. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { startDatabase, type Database } from './wasm-connector';

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
    startDatabase().then(
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
