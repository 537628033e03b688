/**
 * Vite plugin: serves the corpus database at `/corpus.duckdb` with range support and its first-paint
 * snapshot at `/corpus-snapshot.json`, in `vite` (dev) and `vite preview` alike, straight from `data/`
 * so a re-ingest needs no rebuild.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';
import { duckdbRangeMiddleware } from './duckdb-range-middleware.ts';
import { snapshotMiddleware } from './snapshot-middleware.ts';

const run = promisify(execFile);
const TSX = resolve(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SNAPSHOT_SCRIPT = resolve(import.meta.dirname, 'first-paint-snapshot.ts');

/** The URL path the dashboard attaches. */
const CORPUS_URL_PATH = '/corpus.duckdb';
/** The URL path of the first-paint snapshot of that database. */
const SNAPSHOT_URL_PATH = '/corpus-snapshot.json';

/** Where the database is read from: `REPORTSCOPE_DB` if set (tests), else `data/corpus.duckdb`. */
function corpusDbPath(root = process.cwd()): string {
  return resolve(root, process.env.REPORTSCOPE_DB ?? 'data/corpus.duckdb');
}

/**
 * Write the first-paint snapshot of the served database when it has none for this version of the
 * dashboard (a database served with `REPORTSCOPE_DB`, say, which `npm start` did not prepare). A
 * failure leaves the page to query the database itself.
 */
async function ensureSnapshot(db: string): Promise<void> {
  try {
    if (!existsSync(db)) return;
    // in a process of its own: it runs the dashboard's queries, which the Vite config must not load
    await run(process.execPath, [TSX, SNAPSHOT_SCRIPT, db]);
  } catch (err) {
    console.warn(`first-paint snapshot of ${db} not written: ${(err as Error).message}`);
  }
}

/** The plugin; `file` is resolved on every request so a database written later is picked up. */
export function corpusDbPlugin(file: () => string = () => corpusDbPath()): Plugin {
  const middleware = duckdbRangeMiddleware(CORPUS_URL_PATH, file);
  const snapshot = snapshotMiddleware(SNAPSHOT_URL_PATH, file);
  return {
    name: 'reportscope-corpus-db',
    async configureServer(server) {
      await ensureSnapshot(file());
      server.middlewares.use(middleware);
      server.middlewares.use(snapshot);
    },
    async configurePreviewServer(server) {
      await ensureSnapshot(file());
      server.middlewares.use(middleware);
      server.middlewares.use(snapshot);
    },
  };
}
