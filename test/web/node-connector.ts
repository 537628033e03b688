/**
 * Test databases for `web/queries`: the node connector of `scripts/node-connector.ts` over an empty
 * corpus (the shared schema) or a corpus file.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { schemaSql } from '../../common/schema';
import { connectorOf, type NodeDb } from '../../scripts/node-connector';

export { openCorpusFile, wasmLikeType } from '../../scripts/node-connector';

/** An open test database. */
export type TestDb = NodeDb;

/** An in-memory database with an empty corpus (the shared schema) attached as `corpus`. */
export async function openEmptyCorpus(): Promise<TestDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS corpus`);
  await conn.run('USE corpus');
  for (const ddl of schemaSql()) await conn.run(ddl);
  await conn.run('USE memory');
  return { conn, connector: connectorOf(conn), close: () => (conn.closeSync(), instance.closeSync()) };
}
