/** Serves the first-paint snapshot written beside the database, while it matches the database. */
import { readFileSync, statSync } from 'node:fs';
import type { Middleware } from './duckdb-range-middleware.ts';

/** Where the snapshot of a database file lives: `corpus.duckdb` → `corpus.snapshot.json`. */
export function snapshotPathFor(dbPath: string): string {
  return `${dbPath.replace(/\.duckdb$/u, '')}.snapshot.json`;
}

/** The snapshot text when it was made from the database as it is now, else null. */
export function currentSnapshot(dbPath: string): string | null {
  try {
    const { size, mtimeMs } = statSync(dbPath);
    const text = readFileSync(snapshotPathFor(dbPath), 'utf8');
    const { source } = JSON.parse(text) as { source?: { size: number; mtimeMs: number } };
    return source?.size === size && source.mtimeMs === mtimeMs ? text : null;
  } catch {
    return null;
  }
}

/**
 * Connect middleware for `urlPath`: the snapshot of the database `file()`, or 204 No Content when
 * there is none or it is stale (the dashboard then waits for the database for every query).
 */
export function snapshotMiddleware(urlPath: string, file: () => string): Middleware {
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== urlPath) return next();
    const body = currentSnapshot(file());
    res.setHeader('Cache-Control', 'no-cache');
    if (body === null) {
      res.statusCode = 204; // not 404: the page asks on every load, and a 404 is a console error
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(body);
  };
}
