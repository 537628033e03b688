/** The range middleware answered over a real HTTP server, as duckdb-wasm and browsers ask. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbRangeMiddleware, parseRange } from '../../scripts/duckdb-range-middleware';

const dir = mkdtempSync(join(tmpdir(), 'range-'));
const file = join(dir, 'corpus.duckdb');
const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let server: Server;
let base = '';
let current = file;

beforeAll(async () => {
  writeFileSync(file, body);
  const mw = duckdbRangeMiddleware('/corpus.duckdb', () => current);
  server = createServer((req, res) => mw(req, res, () => res.writeHead(418).end()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const CASES: { header: string; status: number; start: number; end: number }[] = [
  { header: 'bytes=0-0', status: 206, start: 0, end: 0 },
  { header: 'bytes=100-199', status: 206, start: 100, end: 199 },
  { header: 'bytes=900-', status: 206, start: 900, end: 999 },
  { header: 'bytes=-10', status: 206, start: 990, end: 999 },
  { header: 'bytes=990-5000', status: 206, start: 990, end: 999 },
];

describe('duckdb range middleware', () => {
  it.each(CASES)('$header → $status', async ({ header, status, start, end }) => {
    const res = await fetch(`${base}/corpus.duckdb`, { headers: { Range: header } });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    const got = Buffer.from(await res.arrayBuffer());
    expect(got.equals(body.subarray(start, end + 1))).toBe(true);
  });

  it('serves the whole file without a range', async () => {
    const res = await fetch(`${base}/corpus.duckdb?x=1`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
  });

  it('answers HEAD with the size and no body', async () => {
    const res = await fetch(`${base}/corpus.duckdb`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('answers 416 to a range past the end', async () => {
    const res = await fetch(`${base}/corpus.duckdb`, { headers: { Range: 'bytes=1000-1001' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it('answers 404 for the WAL DuckDB probes for, instead of letting the SPA fallback answer', async () => {
    expect((await fetch(`${base}/corpus.duckdb.wal`, { method: 'HEAD' })).status).toBe(404);
  });

  it('passes other paths on and answers 404 when the database is missing', async () => {
    expect((await fetch(`${base}/index.html`)).status).toBe(418);
    current = join(dir, 'missing.duckdb');
    const res = await fetch(`${base}/corpus.duckdb`);
    current = file;
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run ingest');
  });

  it('parses headers it cannot honour as "whole file"', () => {
    expect(parseRange(undefined, 10)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 10)).toBe('unsatisfiable');
  });
});
