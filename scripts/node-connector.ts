/**
 * The node side of the web {@link Connector}: @duckdb/node-api with the corpus attached as `corpus`,
 * exactly as the browser has it, so `web/queries` run unchanged in node (tests, the first-paint
 * snapshot).
 */
import { BOOLEAN, DOUBLE, DuckDBInstance, SQLNULL, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import { plainValue, type Connector, type Param, type Row } from '../web/db/connector.ts';

/** An open database: the raw connection and the connector over it. */
export interface NodeDb {
  conn: DuckDBConnection;
  connector: Connector;
  close(): void;
}

/** Bind parameters as duckdb-wasm does: every JS number as DOUBLE, so a missing cast fails here too. */
export function wasmLikeType(p: Param): DuckDBType {
  if (typeof p === 'number') return DOUBLE;
  if (typeof p === 'boolean') return BOOLEAN;
  return p === null ? SQLNULL : VARCHAR;
}

/** A connector over a node-api connection, returning rows shaped as the browser connector does. */
export function connectorOf(conn: DuckDBConnection): Connector {
  return {
    async query(text: string, params: readonly Param[]): Promise<Row[]> {
      const reader = params.length ? await conn.runAndReadAll(text, [...params], params.map(wasmLikeType)) : await conn.runAndReadAll(text);
      return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plainValue(v)])));
    },
  };
}

/** An in-memory database with the corpus file at `path` attached read-only as `corpus`. */
export async function openCorpusFile(path: string): Promise<NodeDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(`ATTACH '${path.replaceAll("'", "''")}' AS corpus (READ_ONLY)`);
  return { conn, connector: connectorOf(conn), close: () => (conn.closeSync(), instance.closeSync()) };
}
