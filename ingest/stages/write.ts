import { existsSync, renameSync, rmSync } from 'node:fs';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { writeAggregates } from './aggregates';
import { removeStaleFiles } from './db-files';
import { TABLES, rowValues, schemaSql, type CellValue, type Column, type RowOf, type TableName } from '../../common/schema';

/** All rows to write, by table, each built by column name (any iterable: a generator need not hold a table whole); tables left out are created empty. */
export type TableRows = { [T in TableName]?: Iterable<RowOf<T>> };

function appendValue(appender: DuckDBAppender, column: Column, value: CellValue): void {
  if (value === null) return appender.appendNull();
  switch (column.type) {
    case 'INTEGER':
      return appender.appendInteger(value as number);
    case 'BIGINT':
      return appender.appendBigInt(BigInt(value as number));
    case 'DOUBLE':
      return appender.appendDouble(value as number);
    case 'BOOLEAN':
      return appender.appendBoolean(value as boolean);
    case 'VARCHAR':
      return appender.appendVarchar(value as string);
  }
}

async function appendRows<T extends TableName>(conn: DuckDBConnection, name: T, rows: Iterable<RowOf<T>>, catalog: string | null): Promise<void> {
  const table = TABLES[name];
  const appender = await conn.createAppender(table.name, null, catalog);
  try {
    for (const row of rows) {
      const values = rowValues(name, row);
      table.columns.forEach((column, i) => appendValue(appender, column, values[i]!));
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/**
 * Append every table's rows through DuckDB's Appender, each row checked by {@link rowValues}: the one
 * way rows reach a corpus database (the ingest's file, and the test fixtures' in-memory databases).
 * The tables must exist (`schemaSql()`); `catalog` names an attached database, null the default.
 */
export async function appendTables(conn: DuckDBConnection, rows: TableRows, catalog: string | null = null): Promise<void> {
  for (const name of Object.keys(TABLES) as TableName[]) {
    const tableRows = rows[name] as Iterable<RowOf<typeof name>> | undefined;
    if (tableRows) await appendRows(conn, name, tableRows, catalog);
  }
}

/**
 * Write every table into a new DuckDB file at `<dbPath>.<pid>.tmp` (schema from `common/schema.ts`,
 * rows through the Appender), checkpoint and close it, then rename it over `dbPath`. On any failure
 * the temporary file is removed and the existing database is left as it was.
 */
export async function writeDatabase(dbPath: string, rows: TableRows): Promise<void> {
  const tmp = `${dbPath}.${process.pid}.tmp`;
  for (const f of [tmp, `${tmp}.wal`]) if (existsSync(f)) rmSync(f);
  const instance = await DuckDBInstance.create(tmp);
  const conn = await instance.connect();
  try {
    for (const ddl of schemaSql()) await conn.run(ddl);
    await appendTables(conn, rows);
    await writeAggregates(conn);
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    // a WAL left beside the old database would be replayed onto the new one
    removeStaleFiles(dbPath);
    renameSync(tmp, dbPath);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    for (const f of [tmp, `${tmp}.wal`]) if (existsSync(f)) rmSync(f);
    throw err;
  }
}
