/**
 * The browser database: duckdb-wasm (the `eh` build, bundled by Vite) with the corpus file attached
 * read-only over HTTP range requests. Started once; every caller shares the same promise.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { CORPUS } from '../queries/tables';
import type { Param } from '../queries/sql';
import { plainValue, type Connector, type Row } from './connector';
import { QueryError } from './query-error';

/** The corpus file is not there (HTTP 404): the ingest has not been run. */
export class NoDatabaseError extends Error {
  constructor(readonly url: string) {
    super(`No corpus database at ${url}`);
    this.name = 'NoDatabaseError';
  }
}

/** A started database: a connector and the names of the corpus tables it holds. */
export interface Database {
  readonly connector: Connector;
  readonly tables: ReadonlySet<string>;
  /** Milliseconds spent instantiating the wasm and attaching the file. */
  readonly startupMs: number;
}

function toRows(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): Row[] {
  return table.toArray().map((r) => {
    const o = r.toJSON();
    for (const k of Object.keys(o)) o[k] = plainValue(o[k]);
    return o;
  });
}

async function connect(url: string): Promise<Database> {
  const t0 = performance.now();
  const head = await fetch(url, { method: 'HEAD', cache: 'no-store' });
  if (head.status === 404) throw new NoDatabaseError(url);
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasmUrl);
  await db.open({ filesystem: { forceFullHTTPReads: false }, query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  const setup = [
    'SET autoload_known_extensions=false',
    'SET autoinstall_known_extensions=false',
    `ATTACH '${url.replaceAll("'", "''")}' AS ${CORPUS} (READ_ONLY)`,
  ];
  for (const s of setup) {
    try {
      await conn.query(s);
    } catch (err) {
      throw new QueryError(err, s);
    }
  }
  const statements = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const connector: Connector = {
    async query(text: string, params: readonly Param[]): Promise<Row[]> {
      if (params.length === 0) return toRows(await conn.query(text));
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = conn.prepare(text);
        statements.set(text, stmt);
        stmt.catch(() => statements.delete(text));
      }
      return toRows(await (await stmt).query(...params));
    },
  };
  const names = toRows(await conn.query(`SELECT table_name FROM duckdb_tables() WHERE database_name = '${CORPUS}'`));
  return { connector, tables: new Set(names.map((r) => String(r.table_name))), startupMs: performance.now() - t0 };
}

let started: Promise<Database> | null = null;

/** Start the database (once) and attach `corpus.duckdb` from the page's own origin. */
export function startDatabase(): Promise<Database> {
  started ??= connect(new URL('corpus.duckdb', document.baseURI).href);
  return started;
}
