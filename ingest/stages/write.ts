import { existsSync, renameSync, rmSync } from 'node:fs';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
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

/** Append rows to a table's open Appender, each row checked by {@link rowValues}. */
function appendTo<T extends TableName>(appender: DuckDBAppender, name: T, rows: Iterable<RowOf<T>>): void {
  const columns = TABLES[name].columns;
  for (const row of rows) {
    const values = rowValues(name, row);
    for (let i = 0; i < columns.length; i++) appendValue(appender, columns[i]!, values[i]!);
    appender.endRow();
  }
}

async function appendRows<T extends TableName>(conn: DuckDBConnection, name: T, rows: Iterable<RowOf<T>>, catalog: string | null): Promise<void> {
  const appender = await conn.createAppender(TABLES[name].name, null, catalog);
  try {
    appendTo(appender, name, rows);
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
 * A corpus database being written: rows go to each table's Appender as they come (a table need never
 * be held whole), into `<dbPath>.<pid>.tmp`; {@link DatabaseWriter.commit} checkpoints, closes and
 * renames it over `dbPath`, {@link DatabaseWriter.abort} removes it and leaves the old database as it was.
 */
export interface DatabaseWriter {
  /** Append rows to a table, each checked by {@link rowValues}. */
  append<T extends TableName>(name: T, rows: Iterable<RowOf<T>>): void;
  /** Make every row appended so far visible to queries ({@link DatabaseWriter.rows}). */
  flush(): void;
  /** Run a statement on the new database's connection (ATTACH, INSERT … SELECT), values bound to `$1`, `$2` …; a failure names the statement. */
  run(sql: string, values?: DuckDBValue[], types?: DuckDBType[]): Promise<void>;
  /** The rows of a query on the new database's connection, as plain objects (counts as `bigint`). */
  rows<T = Record<string, unknown>>(sql: string, values?: DuckDBValue[], types?: DuckDBType[]): Promise<T[]>;
  /**
   * Run `work` with the rows so far written to the file and DuckDB held to `memory`, so that what
   * memory there is goes to the work: {@link WRITER_IDLE_MEMORY} for the reuse stage, which appends
   * nothing; {@link WRITER_LEAN_MEMORY} for the analyses in SQL after it, which would otherwise fill
   * DuckDB's buffers again on top of the heap the reuse stage left.
   */
  heldTo<T>(memory: string, work: () => Promise<T>): Promise<T>;
  /** Flush every table, checkpoint, close, and replace the database at `dbPath` with the new file. */
  commit(): Promise<void>;
  /** Close and remove the new file; the database at `dbPath` is untouched. */
  abort(): void;
}

/** Memory the database writer may hold before it writes blocks out. */
export const WRITER_MEMORY = '1GB';
/** Memory the database writer holds while it waits (see {@link DatabaseWriter.heldTo}). */
export const WRITER_IDLE_MEMORY = '128MB';
/**
 * Memory DuckDB holds for the analyses in SQL after the reuse stage (places, formulations). The
 * formulations alone on a 100,000-document database peaked at 2.20 GB resident with 1 GB, 1.34 GB
 * with 256 MB and 1.21 GB with 128 MB, each in 16.8 s.
 */
export const WRITER_LEAN_MEMORY = '256MB';

/** Run a query; a failure says which statement failed. */
async function withSql<T>(sql: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new Error(`${(err as Error).message}\n  in SQL: ${sql.length > 300 ? `${sql.slice(0, 300)}…` : sql}`, { cause: err });
  }
}

/** Start a new database file beside `dbPath` with every table of the schema, empty (see {@link DatabaseWriter}). */
export async function openDatabase(dbPath: string): Promise<DatabaseWriter> {
  const tmp = `${dbPath}.${process.pid}.tmp`;
  const removeTmp = (): void => {
    for (const f of [tmp, `${tmp}.wal`]) if (existsSync(f)) rmSync(f);
  };
  removeTmp();
  // DuckDB keeps up to 80 % of the machine's memory by default: cap it, so that the rows appended so far
  // go to the file rather than stay in memory beside the ingest's own data
  const instance = await DuckDBInstance.create(tmp, { memory_limit: WRITER_MEMORY });
  const conn = await instance.connect();
  const appenders = new Map<TableName, DuckDBAppender>();
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    for (const a of appenders.values()) a.closeSync();
    conn.closeSync();
    instance.closeSync();
  };
  try {
    for (const ddl of schemaSql()) await conn.run(ddl);
    for (const name of Object.keys(TABLES) as TableName[]) appenders.set(name, await conn.createAppender(TABLES[name].name));
  } catch (err) {
    close();
    removeTmp();
    throw err;
  }
  return {
    append(name, rows) {
      appendTo(appenders.get(name)!, name, rows);
    },
    flush() {
      for (const a of appenders.values()) a.flushSync();
    },
    async run(sql, values, types) {
      await withSql(sql, () => conn.run(sql, values, types));
    },
    async rows<T>(sql: string, values?: DuckDBValue[], types?: DuckDBType[]) {
      return withSql(sql, async () => (await conn.runAndReadAll(sql, values, types)).getRowObjectsJS() as T[]);
    },
    async heldTo(memory, work) {
      for (const a of appenders.values()) a.flushSync();
      await conn.run('CHECKPOINT');
      await conn.run(`SET memory_limit = '${memory}'`);
      try {
        return await work();
      } finally {
        await conn.run(`SET memory_limit = '${WRITER_MEMORY}'`);
      }
    },
    async commit() {
      try {
        for (const a of appenders.values()) a.flushSync();
        await writeAggregates(conn);
        await conn.run('CHECKPOINT');
        close();
        // a WAL left beside the old database would be replayed onto the new one
        removeStaleFiles(dbPath);
        renameSync(tmp, dbPath);
      } catch (err) {
        close();
        removeTmp();
        throw err;
      }
    },
    abort() {
      close();
      removeTmp();
    },
  };
}

/** Write every table at once into a new database at `dbPath` (see {@link openDatabase}); tables left out are created empty. */
export async function writeDatabase(dbPath: string, rows: TableRows): Promise<void> {
  const db = await openDatabase(dbPath);
  try {
    for (const name of Object.keys(TABLES) as TableName[]) {
      const tableRows = rows[name] as Iterable<RowOf<typeof name>> | undefined;
      if (tableRows) db.append(name, tableRows);
    }
  } catch (err) {
    db.abort();
    throw err;
  }
  await db.commit();
}
