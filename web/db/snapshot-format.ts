/**
 * What `/corpus-snapshot.json` holds: rendered statements and their rows, answered ahead of time by
 * the server (`scripts/first-paint-snapshot.ts`, from the queries of `web/queries/first-paint.ts`).
 */
import type { Param, Row } from './connector';

/** What the server sends: the rows of each opening query, by statement key. */
export interface Snapshot {
  readonly version: 3;
  /** Size and modification time of the database file the answers came from. */
  readonly source: { readonly size: number; readonly mtimeMs: number };
  /** Each opening query as the connector receives it, and its rows. */
  readonly answers: readonly SnapshotAnswer[];
}

/** One answered query: the rendered statement, its parameters and its rows. */
export interface SnapshotAnswer {
  readonly text: string;
  readonly params: readonly Param[];
  readonly rows: Row[];
}

/** The performance mark the page sets once it has checked the snapshot against the database, with `detail: { answers, differences }`. */
export const SNAPSHOT_CHECKED_MARK = 'reportscope:snapshot-checked';
