/**
 * The seed index: every k-gram of every normalised document, hashed and grouped, so that documents
 * that share a k-gram meet without ever comparing documents pairwise. Cost is linear in corpus size:
 * a k-gram that occurs more than `maxOccurrences` times is linked only to its first occurrence.
 */

/** Seeds of one pair of documents (internal indices, `a <= b`): packed `posA * 2^26 + posB`. */
export interface PairSeeds {
  readonly a: number;
  readonly b: number;
  readonly packed: Float64Array;
}

/** Multiplier that packs two positions into one float64 (positions stay below 2^26). */
export const POS_SCALE = 2 ** 26;

/** Settings of the seed index. */
export interface SeedOptions {
  readonly k: number;
  readonly maxOccurrences: number;
  /** Same-document seeds closer than this are ignored (the two spans could not be disjoint). */
  readonly minSelfDistance: number;
  /** Pairs with fewer seeds than this are dropped. */
  readonly minSeeds: number;
}

const BASE = 0x01000193;

/** Rolling hashes of all k-grams of `codes` (32-bit, wrapping). Empty when shorter than k. */
export function kgramHashes(codes: Int32Array, k: number): Uint32Array {
  const n = codes.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  const out = new Uint32Array(n);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  out[0] = h >>> 0;
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(codes[i - 1]!, top)) | 0;
    h = (Math.imul(h, BASE) + codes[i + k - 1]!) | 0;
    out[i] = h >>> 0;
  }
  return out;
}

/** Indices 0..n-1 ordered by `keys` (stable: equal keys keep their order), by two 16-bit counting passes. */
export function radixOrder(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, 16]) {
    const count = new Uint32Array(65537);
    for (let i = 0; i < n; i++) count[((keys[i]! >>> shift) & 0xffff) + 1]! += 1;
    for (let v = 0; v < 65536; v++) count[v + 1]! += count[v]!;
    for (let i = 0; i < n; i++) {
      const idx = order[i]!;
      next[count[(keys[idx]! >>> shift) & 0xffff]!++] = idx;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Stable order of indices by an integer key in `[0, range)` (counting sort). */
function countingOrder(keys: Int32Array, range: number, input: Uint32Array): Uint32Array {
  const count = new Uint32Array(range + 1);
  for (let i = 0; i < input.length; i++) count[keys[input[i]!]! + 1]! += 1;
  for (let v = 0; v < range; v++) count[v + 1]! += count[v]!;
  const out = new Uint32Array(input.length);
  for (let i = 0; i < input.length; i++) out[count[keys[input[i]!]!]!++] = input[i]!;
  return out;
}

/** Every k-gram position of every document with its hash, ordered by hash (ties by document, position). */
function gramIndex(docs: readonly Int32Array[], k: number): { hashes: Uint32Array; docOf: Int32Array; posOf: Int32Array; order: Uint32Array } {
  const perDoc = docs.map((codes) => kgramHashes(codes, k));
  const total = perDoc.reduce((s, h) => s + h.length, 0);
  const hashes = new Uint32Array(total);
  const docOf = new Int32Array(total);
  const posOf = new Int32Array(total);
  let t = 0;
  perDoc.forEach((h, d) => {
    hashes.set(h, t);
    docOf.fill(d, t, t + h.length);
    for (let p = 0; p < h.length; p++) posOf[t + p] = p;
    t += h.length;
  });
  return { hashes, docOf, posOf, order: radixOrder(hashes) };
}

/**
 * Candidate seeds for every pair of documents that share k-grams. Within one k-gram's occurrences
 * (ordered by document, then position) all pairs are seeds, or, above `maxOccurrences`, each
 * occurrence pairs with the first one only. Pairs with fewer than `minSeeds` seeds are left out.
 * Returned ordered by (a, b).
 */
export function collectSeeds(docs: readonly Int32Array[], options: SeedOptions): PairSeeds[] {
  const { k, maxOccurrences, minSelfDistance, minSeeds } = options;
  const { hashes, docOf, posOf, order } = gramIndex(docs, k);
  const total = hashes.length;
  const seedA: number[] = [];
  const seedB: number[] = [];
  const seedPos: number[] = [];
  const emit = (x: number, y: number): void => {
    const pa = posOf[x]!;
    const pb = posOf[y]!;
    if (docOf[x] === docOf[y] && pb - pa < minSelfDistance) return;
    seedA.push(docOf[x]!);
    seedB.push(docOf[y]!);
    seedPos.push(pa * POS_SCALE + pb);
  };
  for (let g = 0; g < total; ) {
    const h = hashes[order[g]!]!;
    let e = g + 1;
    while (e < total && hashes[order[e]!] === h) e++;
    if (e - g > 1) {
      if (e - g <= maxOccurrences) {
        for (let i = g; i < e; i++) for (let j = i + 1; j < e; j++) emit(order[i]!, order[j]!);
      } else {
        for (let j = g + 1; j < e; j++) emit(order[g]!, order[j]!);
      }
    }
    g = e;
  }
  const a = Int32Array.from(seedA);
  const b = Int32Array.from(seedB);
  const identity = Uint32Array.from(a, (_, i) => i);
  const byPair = countingOrder(a, docs.length, countingOrder(b, docs.length, identity));
  const out: PairSeeds[] = [];
  for (let g = 0; g < byPair.length; ) {
    const da = a[byPair[g]!]!;
    const db = b[byPair[g]!]!;
    let e = g + 1;
    while (e < byPair.length && a[byPair[e]!] === da && b[byPair[e]!] === db) e++;
    if (e - g >= minSeeds) {
      const packed = new Float64Array(e - g);
      for (let i = g; i < e; i++) packed[i - g] = seedPos[byPair[i]!]!;
      out.push({ a: da, b: db, packed });
    }
    g = e;
  }
  return out;
}
