/** Growable typed-array columns: how the reuse stage holds millions of seeds and passages without an object each. */

/** `x`'s elements at the start of a new array of the same kind with room for `size`. */
export function grown<T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(x: T, size: number): T {
  const y = new (x.constructor as new (n: number) => T)(size);
  y.set(x);
  return y;
}

/**
 * A permutation of `0 … n − 1` sorted by `compare`, ties kept in index order (a stable sort of
 * rows held as columns, without an object per row).
 */
export function sortedOrder(n: number, compare: (x: number, y: number) => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((x, y) => compare(x, y) || x - y);
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
