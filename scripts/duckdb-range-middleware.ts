/**
 * Serves one database file with HTTP range support (206, Accept-Ranges, HEAD, 416), so duckdb-wasm
 * reads only the pages it needs. Vite's own static server answers `Range: bytes=0-0` with the whole
 * file, which makes duckdb-wasm download everything, twice.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Connect-style middleware, as Vite's dev and preview servers take. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** A byte range, both ends inclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parse a `Range` header for a file of `size` bytes: a range, `'unsatisfiable'`, or `null` when the
 * header is absent, malformed or asks for several ranges (then the whole file is served).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function fileStats(path: string): Stats | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** Serve the file that `file()` names at `urlPath`; other requests pass to `next`. */
export function duckdbRangeMiddleware(urlPath: string, file: () => string): Middleware {
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith(`${urlPath}.`)) {
      // `corpus.duckdb.wal` and the like: DuckDB probes for them; there are none (the ingest
      // checkpoints), and without this the SPA fallback would answer with index.html.
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (path !== urlPath) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const stats = fileStats(file());
    if (!stats) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('No corpus database: run `npm run ingest` first.\n');
      return;
    }
    const size = stats.size;
    const headers: Record<string, string | number> = {
      'Accept-Ranges': 'bytes',
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'Last-Modified': stats.mtime.toUTCString(),
      ETag: `"${size.toString(16)}-${stats.mtimeMs.toString(16)}"`,
    };
    const range = parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const length = size === 0 ? 0 : end - start + 1;
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': length });
    if (req.method === 'HEAD' || length === 0) {
      res.end();
      return;
    }
    const stream = createReadStream(file(), { start, end });
    stream.on('error', (err) => res.destroy(err));
    stream.pipe(res);
  };
}
