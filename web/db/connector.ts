/**
 * One interface over two databases: duckdb-wasm in the browser ({@link ./wasm-connector}) and
 * @duckdb/node-api in tests. Query functions in `web/queries` only ever see this.
 */
import type { Param } from '../queries/sql';

/** A plain result row: numbers (bigints already converted), strings, booleans or null. */
export type Row = Record<string, unknown>;

/** Runs one prepared statement and returns plain rows. */
export interface Connector {
  /** Run `text` (with `$n` placeholders) bound to `params`. */
  query(text: string, params: readonly Param[]): Promise<Row[]>;
}

/** Turn database values into plain JS: bigints to numbers, everything else unchanged. */
export function plainValue(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}
