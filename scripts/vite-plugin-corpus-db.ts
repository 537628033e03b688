/**
 * Vite plugin: serves the corpus database at `/corpus.duckdb` with range support and its first-paint
 * snapshot at `/corpus-snapshot.json`, in `vite` (dev) and `vite preview` alike, straight from `data/`
 * so a re-ingest needs no rebuild.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { duckdbRangeMiddleware } from './duckdb-range-middleware.ts';
import { snapshotMiddleware } from './snapshot-middleware.ts';

/** The URL path the dashboard attaches. */
const CORPUS_URL_PATH = '/corpus.duckdb';
/** The URL path of the first-paint snapshot of that database. */
const SNAPSHOT_URL_PATH = '/corpus-snapshot.json';

/** Where the database is read from: `REPORTSCOPE_DB` if set (tests), else `data/corpus.duckdb`. */
function corpusDbPath(root = process.cwd()): string {
  return resolve(root, process.env.REPORTSCOPE_DB ?? 'data/corpus.duckdb');
}

/** The plugin; `file` is resolved on every request so a database written later is picked up. */
export function corpusDbPlugin(file: () => string = () => corpusDbPath()): Plugin {
  const middleware = duckdbRangeMiddleware(CORPUS_URL_PATH, file);
  const snapshot = snapshotMiddleware(SNAPSHOT_URL_PATH, file);
  return {
    name: 'reportscope-corpus-db',
    configureServer(server) {
      server.middlewares.use(middleware);
      server.middlewares.use(snapshot);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
      server.middlewares.use(snapshot);
    },
  };
}
