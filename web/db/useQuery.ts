/**
 * Run a named statement (a query of `web/queries`) from a component: results are cached by statement
 * and parameters, the previous data stays on screen while a new filter loads, and errors stay local
 * to the component.
 */
import { useEffect, useState } from 'react';
import type { Connector } from './connector';
import { useReadyDatabase } from './DatabaseProvider';
import { queryKey, runQuery, type Statement } from './statement';

/** The state of one query as a component sees it. */
export type QueryState<R> =
  { status: 'loading'; data: R[] | null } | { status: 'ready'; data: R[] } | { status: 'error'; error: unknown; data: null } | { status: 'off'; data: null };

const MAX_CACHED = 300;
const cache = new Map<string, Promise<unknown[]>>();

/** Run (or reuse) a query; failed queries are not cached. */
function cachedQuery<R>(db: Connector, q: Statement<R>): Promise<R[]> {
  const key = queryKey(q);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit as Promise<R[]>;
  }
  const p = runQuery(db, q);
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return p;
}

/**
 * Run `q` (or nothing when null) and follow its state. Queries are issued in effect order (a
 * component's hooks in order, children before their parents) and the database runs one at a time:
 * a view asks first for what its first chart needs, and the corpus facts of `CorpusInfoProvider`,
 * a parent of every view, come after.
 */
export function useQuery<R>(q: Statement<R> | null): QueryState<R> {
  const db = useReadyDatabase();
  const key = q ? queryKey(q) : null;
  const [state, setState] = useState<{ key: string | null; s: QueryState<R> }>({ key: null, s: { status: 'off', data: null } });
  useEffect(() => {
    if (!q || key === null) {
      setState({ key, s: { status: 'off', data: null } });
      return;
    }
    let live = true;
    setState((prev) => ({ key, s: { status: 'loading', data: prev.s.data } }));
    cachedQuery(db.connector, q).then(
      (data) => live && setState({ key, s: { status: 'ready', data } }),
      (error: unknown) => live && setState({ key, s: { status: 'error', error, data: null } }),
    );
    return () => {
      live = false;
    };
    // the key identifies the query; q itself is rebuilt on every render
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  if (state.key !== key && state.s.status !== 'loading') {
    return q ? { status: 'loading', data: state.s.data } : { status: 'off', data: null };
  }
  return state.s;
}
