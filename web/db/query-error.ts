/**
 * A failed query, carrying the statement and its parameters so the message shown to a user (and the
 * bug report they file) says exactly what ran.
 */
export class QueryError extends Error {
  /** Wrap `cause`, the error the database raised, with the SQL that raised it. */
  constructor(
    readonly cause: unknown,
    readonly sql: string,
    readonly params: readonly unknown[] = [],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'QueryError';
  }
}
