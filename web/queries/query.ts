/**
 * A named, typed query: SQL plus the shape of its rows. Query functions in this folder build these.
 * A query is a `Statement` of the db layer (rendered once, when defined), which runs it (`runQuery`,
 * `useQuery`) through any connector; this folder depends on `web/db`, never the reverse.
 */
import type { Statement } from '../db/statement';
import { render, type Sql } from './sql';

/** A query whose rows have type `R`: its `sql` and, rendered from it, the statement's text and parameters. */
export interface Query<R> extends Statement<R> {
  readonly sql: Sql;
}

/** Give a statement a name and a row type. */
export function defineQuery<R>(name: string, statement: Sql): Query<R> {
  return { name, sql: statement, ...render(statement) };
}
