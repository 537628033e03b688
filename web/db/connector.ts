/**
 * One interface over two databases: duckdb-wasm in the browser ({@link ./wasm-connector}) and
 * @duckdb/node-api in tests and scripts. The lowest layer of the web app: it knows statements and rows,
 * never which queries exist (those are built above it, in `web/queries`).
 */

/** A value bound as a prepared-statement parameter. */
export type Param = string | number | boolean | null;

/** A plain result row: numbers (bigints already converted), strings, booleans or null. */
export type Row = Record<string, unknown>;

/** Runs one prepared statement and returns plain rows. */
export interface Connector {
  /** Run `text` (with `$n` placeholders) bound to `params`. */
  query(text: string, params: readonly Param[]): Promise<Row[]>;
}

/** A started database, as the React layer holds it. */
export interface Database {
  readonly connector: Connector;
}

/** The alias under which the corpus file is attached (`ATTACH … AS corpus`). */
export const CORPUS = 'corpus';

/** Turn database values into plain JS: bigints to numbers, everything else unchanged. */
export function plainValue(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}
