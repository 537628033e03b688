/**
 * A named, typed query: SQL plus the shape of its rows. Query functions in this folder build these;
 * {@link runQuery} executes them through any {@link Connector}.
 */
import type { Connector } from '../db/connector';
import { QueryError } from '../db/query-error';
import { render, type Sql } from './sql';

/** A query whose rows have type `R`. */
export interface Query<R> {
  /** A stable name, used in tests and in error messages. */
  readonly name: string;
  readonly sql: Sql;
  /** Phantom field carrying the row type; never set. */
  readonly _row?: R;
}

/** Give a statement a name and a row type. */
export function defineQuery<R>(name: string, statement: Sql): Query<R> {
  return { name, sql: statement };
}

/** Run a query, timed as a `query:<name>` performance measure; a failure becomes a {@link QueryError} carrying the SQL. */
export async function runQuery<R>(db: Connector, q: Query<R>): Promise<R[]> {
  const { text, params } = render(q.sql);
  const start = performance.now();
  try {
    return (await db.query(text, params)) as R[];
  } catch (err) {
    throw new QueryError(err, text, params);
  } finally {
    // visible in the browser's performance timeline (and read by the benchmark)
    performance.measure(`query:${q.name}`, { start, end: performance.now() });
  }
}

/** A cache key that is equal for equal statements and parameters. */
export function queryKey(q: Query<unknown>): string {
  const { text, params } = render(q.sql);
  return statementKey(text, params);
}

/** The key of a rendered statement and its parameters (what a {@link Connector} receives). */
export function statementKey(text: string, params: readonly unknown[]): string {
  return `${text}\u0000${JSON.stringify(params)}`;
}
