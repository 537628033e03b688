/**
 * The queries the dashboard's opening screen (概览 Overview, no filters) runs before anything else.
 * The server answers them ahead of time from the same database (`/corpus-snapshot.json`), so the first
 * charts are drawn while duckdb-wasm is still compiling; every other query waits for the database.
 */
import { NO_FILTERS } from './filters';
import { filterChoices, themeList } from './meta';
import { corpusStats, docsByYearType, topTerms } from './overview';
import type { Query } from './query';

/** The snapshot's format is the db layer's (`db/snapshot-format.ts`); named here too for `scripts/first-paint-snapshot.ts`. */

/** How many terms the overview lists (bar chart and word cloud). */
export const OVERVIEW_TERMS = 150;

/** The opening screen's queries. */
export function firstPaintQueries(): Query<unknown>[] {
  return [filterChoices(), themeList(), docsByYearType(NO_FILTERS), corpusStats(NO_FILTERS), topTerms(NO_FILTERS, OVERVIEW_TERMS)];
}
