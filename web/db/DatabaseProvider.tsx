/** React access to the database: a provider that starts it (once, see `database.ts`) and a hook that reports its status. */
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { Database } from './connector';
import { databaseState, onDatabaseState, openDatabase, type DatabaseState } from './database';

const Ctx = createContext<DatabaseState>({ status: 'idle' });

/** Starts the database when mounted (unless `boot.ts` already has) and provides its state to the tree. */
export function DatabaseProvider({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(onDatabaseState, databaseState);
  useEffect(() => {
    void openDatabase();
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
