/**
 * The queries the dashboard's opening screen (概览 Overview, no filters) runs before anything else.
 * The server answers them ahead of time from the same database (`/corpus-snapshot.json`), so the first
 * charts are drawn while duckdb-wasm is still compiling; every other query waits for the database.
 */
import { NO_FILTERS } from './filters';
import { filterChoices, themeList } from './meta';
import { corpusStats, docsByYearType, recycledShare, topTerms } from './overview';
import type { Row } from '../db/connector';
import type { Query } from './query';
import type { Param } from './sql';

/** What the server sends: the corpus tables and the rows of each opening query, by statement key. */
export interface Snapshot {
  readonly version: 2;
  /** Size and modification time of the database file the answers came from. */
  readonly source: { readonly size: number; readonly mtimeMs: number };
  readonly tables: readonly string[];
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

/** How many terms the overview lists (bar chart and word cloud). */
export const OVERVIEW_TERMS = 150;

/** The opening screen's queries. */
export function firstPaintQueries(): Query<unknown>[] {
  return [
    filterChoices(),
    themeList(),
    docsByYearType(NO_FILTERS),
    corpusStats(NO_FILTERS),
    topTerms(NO_FILTERS, OVERVIEW_TERMS),
    recycledShare(NO_FILTERS),
  ];
}
