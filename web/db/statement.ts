/**
 * A statement as the database runs it: SQL text with `$n` placeholders, its parameters, a name for
 * errors and timings, and the type of its rows. `web/queries` builds them; this layer runs and keys them.
 */
import type { Connector, Param } from './connector';
import { QueryError } from './query-error';

/** A rendered statement whose rows have type `R`. */
export interface Statement<R> {
  /** A stable name, used in tests, error messages and performance measures. */
  readonly name: string;
  readonly text: string;
  readonly params: readonly Param[];
  /** Phantom field carrying the row type; never set. */
  readonly _row?: R;
}

/** Run a statement, timed as a `query:<name>` performance measure; a failure becomes a {@link QueryError} carrying the SQL. */
export async function runQuery<R>(db: Connector, q: Statement<R>): Promise<R[]> {
  const start = performance.now();
  try {
    return (await db.query(q.text, q.params)) as R[];
  } catch (err) {
    throw new QueryError(err, q.text, q.params);
  } finally {
    // visible in the browser's performance timeline (and read by the benchmark)
    performance.measure(`query:${q.name}`, { start, end: performance.now() });
  }
}

/** The key of a rendered statement and its parameters (what a {@link Connector} receives). */
export function statementKey(text: string, params: readonly unknown[]): string {
  return `${text}\u0000${JSON.stringify(params)}`;
}

/** A cache key that is equal for equal statements and parameters. */
export function queryKey(q: Statement<unknown>): string {
  return statementKey(q.text, q.params);
}
