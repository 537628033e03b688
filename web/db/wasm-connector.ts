/**
 * The browser database: duckdb-wasm (the `eh` build, bundled by Vite) with the corpus file attached
 * read-only, fetched whole when small and read by HTTP range requests when large. Started only by
 * `openDatabase` (`database.ts`), whose one cached promise every caller shares.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { CORPUS, plainValue, type Connector, type Database, type Param, type Row } from './connector';
import { QueryError } from './query-error';

/** The corpus file is not there (HTTP 404): the ingest has not been run. */
export class NoDatabaseError extends Error {
  constructor(readonly url: string) {
    super(`No corpus database at ${url}`);
    this.name = 'NoDatabaseError';
  }
}

function toRows(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): Row[] {
  return table.toArray().map((r) => {
    const o = r.toJSON();
    for (const k of Object.keys(o)) o[k] = plainValue(o[k]);
    return o;
  });
}

/**
 * Up to this size the file is fetched whole, while the wasm compiles, and attached from memory: one
 * request instead of dozens of synchronous range reads. Larger files are attached over HTTP and read
 * by range (`forceFullHTTPReads: false`), only the pages the queries touch.
 */
const WHOLE_FILE_LIMIT = 24 * 1024 * 1024;

/** Where the attached file is read from. */
export type AttachMode = 'memory' | 'http-range';

async function run(conn: duckdb.AsyncDuckDBConnection, statement: string): Promise<void> {
  try {
    await conn.query(statement);
  } catch (err) {
    throw new QueryError(err, statement);
  }
}

async function connect(url: string, forced: AttachMode | null): Promise<Database> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const instantiated = db.instantiate(wasmUrl);
  const head = await fetch(url, { method: 'HEAD', cache: 'no-store' });
  if (head.status === 404) {
    worker.terminate();
    throw new NoDatabaseError(url);
  }
  const size = Number(head.headers.get('content-length') ?? NaN);
  const mode: AttachMode = forced ?? (size <= WHOLE_FILE_LIMIT ? 'memory' : 'http-range');
  const bytes = mode === 'memory' ? fetch(url, { cache: 'no-store' }).then((r) => r.arrayBuffer()) : null;
  bytes?.catch(() => undefined);
  await instantiated;
  performance.mark('reportscope:db-instantiated');
  await db.open({ filesystem: { forceFullHTTPReads: false }, query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await run(conn, 'SET autoload_known_extensions=false');
  await run(conn, 'SET autoinstall_known_extensions=false');
  let source = url;
  if (bytes) {
    source = 'corpus.duckdb';
    await db.registerFileBuffer(source, new Uint8Array(await bytes));
  }
  await run(conn, `ATTACH '${source.replaceAll("'", "''")}' AS ${CORPUS} (READ_ONLY)`);
  performance.mark('reportscope:db-attached');
  const statements = new Map<string, duckdb.AsyncPreparedStatement>();
  const execute = async (text: string, params: readonly Param[]): Promise<Row[]> => {
    if (params.length === 0) return toRows(await conn.query(text));
    let stmt = statements.get(text);
    if (!stmt) {
      stmt = await conn.prepare(text);
      statements.set(text, stmt);
    }
    return toRows(await stmt.query(...params));
  };
  // The worker runs one request at a time anyway; queueing here keeps each prepare + execute
  // together, so queries finish in the order they were asked (what the first chart needs first).
  let queue: Promise<unknown> = Promise.resolve();
  const connector: Connector = {
    query(text: string, params: readonly Param[]): Promise<Row[]> {
      const result = queue.then(() => execute(text, params));
      queue = result.catch(() => undefined);
      return result;
    },
  };
  return { connector };
}

/**
 * Start duckdb-wasm and attach `corpus.duckdb` from the page's own origin. `?attach=range` or
 * `?attach=memory` in the page's query string (not the hash) forces a mode (used by the end-to-end
 * test). Each call starts a new database: only `openDatabase` calls it, once.
 */
export function connectCorpus(): Promise<Database> {
  const forced = new URLSearchParams(window.location.search).get('attach');
  return connect(new URL('corpus.duckdb', document.baseURI).href, forced === 'range' ? 'http-range' : forced === 'memory' ? 'memory' : null);
}
