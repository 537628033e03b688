/** Growable typed-array columns: how the reuse stage holds millions of seeds and passages without an object each. */
import { closeSync, existsSync, openSync, readSync, statSync, writeSync } from 'node:fs';

/** `x`'s elements at the start of a new array of the same kind with room for `size`. */
export function grown<T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(x: T, size: number): T {
  const y = new (x.constructor as new (n: number) => T)(size);
  y.set(x);
  return y;
}

/**
 * A permutation of rows `0 … n − 1` that sorts them by `keys` (the first the most significant), each
 * a non-negative integer of the row; ties keep row order. A stable counting sort per key, the last
 * key first (a radix sort whose digits are the keys): linear in the rows and the keys' largest
 * values, where a comparison sort of millions of rows grows as n log n and calls a function each time.
 */
export function orderByKeys(n: number, keys: readonly ((row: number) => number)[]): Int32Array {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  // the key of each row in the current order, read once a pass: rows of millions lie far apart in
  // memory, and reading them twice in a scattered order cost more than the sort itself
  const column = new Int32Array(n);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const v = key(order[i]!);
      column[i] = v;
      if (v > max) max = v;
    }
    const count = new Int32Array(max + 2);
    for (let i = 0; i < n; i++) count[column[i]! + 1]! += 1;
    for (let v = 0; v <= max; v++) count[v + 1]! += count[v]!;
    for (let i = 0; i < n; i++) next[count[column[i]!]!++] = order[i]!;
    const sorted = next;
    next = order;
    order = sorted;
  }
  return order;
}

/**
 * Rows grouped by an integer key in `0 … nKeys − 1` (a counting sort): the rows of key k are
 * `members[first[k]] … members[first[k + 1] − 1]`, in row order.
 */
export interface Groups {
  readonly first: Int32Array;
  readonly members: Int32Array;
}

/** The rows `0 … keys.length − 1` grouped by `keys[row]` (see {@link Groups}). */
export function groupBy(keys: Int32Array, nKeys: number): Groups {
  const first = new Int32Array(nKeys + 1);
  for (const k of keys) first[k + 1]! += 1;
  for (let k = 0; k < nKeys; k++) first[k + 1]! += first[k]!;
  const next = first.slice(0, nKeys);
  const members = new Int32Array(keys.length);
  keys.forEach((k, row) => (members[next[k]!++] = row));
  return { first, members };
}

/** A column of a spill file. */
type Column = Uint32Array | Int32Array | Float64Array;

/**
 * Append one run of rows to a spill file: the row count, then the first `n` values of each column,
 * one after the other (what the seed stage writes when its buffers fill; read back by {@link readRuns}).
 */
export function appendRun(path: string, n: number, columns: readonly Column[]): void {
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, new Uint8Array(Uint32Array.of(n).buffer));
    for (const c of columns) writeSync(fd, new Uint8Array(c.buffer, c.byteOffset, n * c.BYTES_PER_ELEMENT));
  } finally {
    closeSync(fd);
  }
}

/** Bytes a row of `columns` takes in a spill file. */
export const rowBytes = (columns: readonly Column[]): number => columns.reduce((n, c) => n + c.BYTES_PER_ELEMENT, 0);

/** Rows a spill file holds at most (its size over the row's bytes; each run's 4-byte count makes it fewer). */
export function runRowsAtMost(path: string, columns: readonly Column[]): number {
  return existsSync(path) ? Math.floor(statSync(path).size / rowBytes(columns)) : 0;
}

/**
 * Read every run of a spill file written by {@link appendRun} into `columns` from row `from` on
 * (each long enough), one run at a time (a file may exceed what one read can hold); the rows read.
 */
export function readRuns(path: string, columns: readonly Column[], from = 0): number {
  if (!existsSync(path)) return 0;
  const fd = openSync(path, 'r');
  let n = from;
  try {
    const head = Buffer.alloc(4);
    for (let at = 0; readSync(fd, head, 0, 4, at) === 4;) {
      const run = head.readUInt32LE(0);
      at += 4;
      for (const c of columns) {
        const bytes = run * c.BYTES_PER_ELEMENT;
        readSync(fd, new Uint8Array(c.buffer, c.byteOffset + n * c.BYTES_PER_ELEMENT, bytes), 0, bytes, at);
        at += bytes;
      }
      n += run;
    }
  } finally {
    closeSync(fd);
  }
  return n - from;
}
