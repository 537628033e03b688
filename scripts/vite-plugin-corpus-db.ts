/**
 * Vite plugin: serves the corpus database at `/corpus.duckdb` with range support, in `vite` (dev)
 * and `vite preview` alike, straight from `data/` so a re-ingest needs no rebuild.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { duckdbRangeMiddleware } from './duckdb-range-middleware.ts';

/** The URL path the dashboard attaches. */
export const CORPUS_URL_PATH = '/corpus.duckdb';

/** Where the database is read from: `REPORTSCOPE_DB` if set (tests), else `data/corpus.duckdb`. */
export function corpusDbPath(root = process.cwd()): string {
  return resolve(root, process.env.REPORTSCOPE_DB ?? 'data/corpus.duckdb');
}

/** The plugin; `file` is resolved on every request so a database written later is picked up. */
export function corpusDbPlugin(file: () => string = () => corpusDbPath()): Plugin {
  const middleware = duckdbRangeMiddleware(CORPUS_URL_PATH, file);
  return {
    name: 'reportscope-corpus-db',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
