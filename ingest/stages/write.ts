import { existsSync, renameSync, rmSync } from 'node:fs';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, schemaSql, type Column, type TableName } from '../../common/schema';

/** A row in the column order of its table in `common/schema.ts`. */
export type Row = readonly (string | number | boolean | null)[];

/** All rows to write, by table; tables left out are created empty. */
export type TableRows = Partial<Record<TableName, Row[]>>;

function appendValue(appender: DuckDBAppender, column: Column, value: Row[number], table: string): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (column.type) {
    case 'INTEGER':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${table}.${column.name}: expected an integer, got ${String(value)}`);
      return appender.appendInteger(value);
    case 'BIGINT':
      return appender.appendBigInt(BigInt(value as number));
    case 'DOUBLE':
      return appender.appendDouble(Number(value));
    case 'BOOLEAN':
      return appender.appendBoolean(Boolean(value));
    case 'VARCHAR':
      return appender.appendVarchar(String(value));
  }
}

async function appendRows(conn: DuckDBConnection, name: TableName, rows: readonly Row[]): Promise<void> {
  const table = TABLES[name];
  const appender = await conn.createAppender(table.name);
  for (const row of rows) {
    if (row.length !== table.columns.length) throw new Error(`${table.name}: row has ${row.length} values for ${table.columns.length} columns`);
    table.columns.forEach((column, i) => appendValue(appender, column, row[i]!, table.name));
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
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
    for (const name of Object.keys(TABLES) as TableName[]) {
      const tableRows = rows[name];
      if (tableRows?.length) await appendRows(conn, name, tableRows);
    }
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    renameSync(tmp, dbPath);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    for (const f of [tmp, `${tmp}.wal`]) if (existsSync(f)) rmSync(f);
    throw err;
  }
}
