/**
 * The seed index: every k-gram of every normalised document, hashed and grouped, so that documents
 * that share a k-gram meet without ever comparing documents pairwise. Cost is linear in corpus size:
 * a k-gram that occurs more than `maxOccurrences` times is linked only to its first occurrence.
 * Memory is bounded by a {@link SeedPlan}: the index is built one hash partition at a time and the
 * seeds are spilled to disk per block of documents when they outgrow a buffer.
 */

import type { Codes } from './normalise';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReuseConfig } from './types';
import { appendRun, grown, readRuns, rowBytes, runRowsAtMost } from './columns';

/** The chain thresholds in force: `winnowChain`'s when the index is winnowed, else the every-k-gram ones. */
export function chainThresholds(config: Pick<ReuseConfig, 'minChainSeeds' | 'minChainSpan' | 'winnow' | 'winnowChain'>): {
  minChainSeeds: number;
  minChainSpan: number;
} {
  return config.winnow > 0 ? config.winnowChain : { minChainSeeds: config.minChainSeeds, minChainSpan: config.minChainSpan };
}

/**
 * Seeds of one pair of documents (internal indices, `a <= b`): packed `posA * 2^26 + posB`. `packed` is
 * a view of the seed stage's block, valid until the next pair is asked for: a consumer that keeps it
 * copies it (a copy for each of millions of pairs kept the garbage collector busy).
 */
export interface PairSeeds {
  readonly a: number;
  readonly b: number;
  readonly packed: Float64Array;
}

/** Multiplier that packs two positions into one float64 (positions stay below 2^26). */
export const POS_SCALE = 2 ** 26;

const BASE = 0x01000193;

/** Rolling hashes of all k-grams of `codes` (32-bit, wrapping), written into `into` when given (a view of it is returned). Empty when shorter than k. */
function kgramHashes(codes: Codes, k: number, into?: Uint32Array): Uint32Array {
  const n = codes.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  const out = into ? into.subarray(0, n) : new Uint32Array(n);
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

/**
 * One pass of a least-significant-byte radix sort: `count` (256 entries) set to where each bucket of
 * byte `shift` of `keys` starts; the caller moves its columns there, `count[byte]++` each.
 */
function bucketStarts(keys: Uint32Array | Int32Array, shift: number, count: Uint32Array): void {
  count.fill(0);
  for (let i = 0; i < keys.length; i++) count[(keys[i]! >>> shift) & 0xff]! += 1;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    const c = count[v]!;
    count[v] = sum;
    sum += c;
  }
}

/**
 * Sort `keys` with their documents and positions by key (stable), least significant byte first: four
 * passes that read sequentially and scatter into 256 buckets, moving the entries themselves so that
 * what reads them afterwards reads memory in order.
 */
function radixSortEntries(keys: Uint32Array, docs: Int32Array, pos: Int32Array): { keys: Uint32Array; docs: Int32Array; pos: Int32Array } {
  const n = keys.length;
  let k: Uint32Array = keys;
  let d: Int32Array = docs;
  let p: Int32Array = pos;
  let k2: Uint32Array = new Uint32Array(n);
  let d2: Int32Array = new Int32Array(n);
  let p2: Int32Array = new Int32Array(n);
  const count = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    bucketStarts(k, shift, count);
    for (let i = 0; i < n; i++) {
      const key = k[i]!;
      const at = count[(key >>> shift) & 0xff]!++;
      k2[at] = key;
      d2[at] = d[i]!;
      p2[at] = p[i]!;
    }
    [k, k2] = [k2, k];
    [d, d2] = [d2, d];
    [p, p2] = [p2, p];
  }
  return { keys: k, docs: d, pos: p };
}

/** Seeds as three columns: first document, second document, packed positions. */
interface SeedColumns {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly pos: Float64Array;
}

/**
 * The seeds reordered by pair, `(a, b)`, in place: a least-significant-digit radix sort over the bytes
 * of `b`, then of `a` (document indices below `nDocs`), each pass a stable counting sort into 256
 * buckets that moves the columns between `seeds` and `scratch` (as long as the seeds). Counting sorts
 * with a bucket per document scattered their writes over as many places as there are documents,
 * which at 100,000 documents cost more per seed than six passes of 256.
 */
function sortSeedsByPair(seeds: SeedColumns, nDocs: number, scratch: SeedColumns): void {
  const n = seeds.a.length;
  let bytes = 1;
  while (bytes < 4 && nDocs - 1 >= 2 ** (8 * bytes)) bytes++;
  const count = new Uint32Array(256);
  let from = seeds;
  let to = scratch;
  for (const key of ['b', 'a'] as const) {
    for (let shift = 0; shift < 8 * bytes; shift += 8) {
      const keys = from[key];
      bucketStarts(keys, shift, count);
      const { a, b, pos } = from;
      const { a: toA, b: toB, pos: toPos } = to;
      for (let i = 0; i < n; i++) {
        const at = count[(keys[i]! >>> shift) & 0xff]!++;
        toA[at] = a[i]!;
        toB[at] = b[i]!;
        toPos[at] = pos[i]!;
      }
      [from, to] = [to, from];
    }
  }
  // an even number of passes: the seeds are back in their own columns
}

/** A bijective 32-bit mix (murmur3's finaliser): winnowing's minimum needs well-spread hashes. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The k-grams a document is indexed by: hashes and their positions. */
interface Grams {
  readonly hashes: Uint32Array;
  readonly pos: Int32Array | null; // null: every position, in order
}

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): of every window of `w` consecutive k-gram hashes keep
 * the minimum (the rightmost on ties), each selected position once. Two texts that share a run of at
 * least w + k − 1 characters share a fingerprint inside it. Hashes are mixed first (a bijection, so
 * equal k-grams still meet). Texts with fewer than `w` k-grams keep their minimum.
 */
function winnow(raw: Uint32Array, w: number): Grams {
  const n = raw.length;
  if (n === 0) return { hashes: raw, pos: new Int32Array(0) };
  const h = new Uint32Array(n);
  for (let i = 0; i < n; i++) h[i] = mix32(raw[i]!);
  const keepPos: number[] = [];
  const windows = Math.max(1, n - w + 1);
  const span = Math.min(w, n);
  let min = -1;
  for (let s = 0; s < windows; s++) {
    const end = s + span - 1;
    if (min < s) {
      min = s;
      for (let i = s + 1; i <= end; i++) if (h[i]! <= h[min]!) min = i;
      keepPos.push(min);
    } else if (h[end]! <= h[min]!) {
      min = end;
      keepPos.push(min);
    }
  }
  const pos = Int32Array.from(keepPos);
  const hashes = new Uint32Array(pos.length);
  for (let i = 0; i < pos.length; i++) hashes[i] = h[pos[i]!]!;
  return { hashes, pos };
}

/** Entries of a k-gram index being built: hash, document, position; grown by doubling. */
class IndexEntries {
  hashes: Uint32Array;
  docs: Int32Array;
  pos: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.hashes = new Uint32Array(capacity);
    this.docs = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
  }

  push(hash: number, doc: number, pos: number): void {
    if (this.length === this.hashes.length) {
      const n = this.length * 2 + 1024;
      this.hashes = grown(this.hashes, n);
      this.docs = grown(this.docs, n);
      this.pos = grown(this.pos, n);
    }
    this.hashes[this.length] = hash;
    this.docs[this.length] = doc;
    this.pos[this.length] = pos;
    this.length++;
  }

  /** The three columns, as a spill file holds them. */
  columns(): [Uint32Array, Int32Array, Int32Array] {
    return [this.hashes, this.docs, this.pos];
  }

  /** Empty, keeping the arrays when they hold at most `keep` entries (refilled after each spill, not grown again from nothing). */
  clear(keep: number): void {
    this.length = 0;
    if (this.hashes.length > keep) Object.assign(this, new IndexEntries(1024));
  }
}

/** Bytes an index entry takes (hash, document, position). */
const ENTRY_BYTES = rowBytes(new IndexEntries(0).columns());

/** Call `f` with every indexed k-gram of every document: its hash, document and position (every k-gram, or with `w` > 0 the winnowed fingerprints). */
function forEachGram(docs: readonly Codes[], k: number, w: number, f: (hash: number, doc: number, pos: number) => void): void {
  const scratch = new Uint32Array(docs.reduce((m, d) => Math.max(m, d.length), 0));
  docs.forEach((codes, d) => {
    const raw = kgramHashes(codes, k, scratch);
    const grams: Grams = w > 0 ? winnow(raw, w) : { hashes: raw, pos: null };
    for (let i = 0; i < grams.hashes.length; i++) f(grams.hashes[i]!, d, grams.pos ? grams.pos[i]! : i);
  });
}

/** Index entries sorted by hash (ties by document, then position), as the seed stage reads them. */
interface GramIndex {
  readonly hashes: Uint32Array;
  readonly docOf: Int32Array;
  readonly posOf: Int32Array;
}

function sortedIndex(entries: IndexEntries): GramIndex {
  const n = entries.length;
  const sorted = radixSortEntries(entries.hashes.subarray(0, n), entries.docs.subarray(0, n), entries.pos.subarray(0, n));
  return { hashes: sorted.keys, docOf: sorted.docs, posOf: sorted.pos };
}

/** The whole k-gram index at once (a corpus of one partition). */
function gramIndex(docs: readonly Codes[], k: number, w: number): GramIndex {
  const total = docs.reduce((n, d) => n + Math.max(0, d.length - k + 1), 0);
  // the winnowed index holds about 2 / (w + 1) of the k-grams
  const entries = new IndexEntries(Math.ceil((w > 0 ? 2 / (w + 1) : 1) * total * 1.05) + 1024);
  forEachGram(docs, k, w, (h, d, pos) => entries.push(h, d, pos));
  return sortedIndex(entries);
}

/** The spill file of partition `p` of the k-gram index. */
const indexFile = (dir: string, p: number): string => join(dir, `index-${p}.bin`);

/**
 * The k-gram index cut into `parts` hash partitions in one pass over the documents, each hashed
 * once (hashing them again for every partition made the work characters × partitions, which grows
 * with the square of the corpus): each partition's entries, in document and position order, are
 * appended to its own spill file whenever the buffered entries reach `bufferBytes`. A k-gram's
 * occurrences are all in one partition, so partitions are independent.
 */
function spillGramIndex(docs: readonly Codes[], k: number, w: number, parts: number, dir: string, bufferBytes: number): void {
  const buffers = Array.from({ length: parts }, () => new IndexEntries(1024));
  // a partition's buffer keeps room for twice its share of the spill buffer
  const keep = (2 * bufferBytes) / ENTRY_BYTES / parts;
  let buffered = 0;
  const flush = (): void => {
    buffers.forEach((e, p) => {
      if (e.length > 0) appendRun(indexFile(dir, p), e.length, e.columns());
      e.clear(keep);
    });
    buffered = 0;
  };
  forEachGram(docs, k, w, (h, d, pos) => {
    buffers[mix32(h) % parts]!.push(h, d, pos);
    if (++buffered * ENTRY_BYTES >= bufferBytes) flush();
  });
  flush();
}

/** Partition `p` of the index read back from its spill file (see {@link spillGramIndex}), which is then removed. */
function readGramIndex(dir: string, p: number): GramIndex {
  const path = indexFile(dir, p);
  const entries = new IndexEntries(runRowsAtMost(path, new IndexEntries(0).columns()));
  entries.length = readRuns(path, entries.columns());
  rmSync(path, { force: true });
  return sortedIndex(entries);
}

/** A growable list of seeds (document pair and packed positions) in typed arrays. */
class SeedList {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  pos = new Float64Array(1024);
  length = 0;

  push(a: number, b: number, pos: number): void {
    this.reserve(this.length + 1);
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.pos[this.length] = pos;
    this.length++;
  }

  /** Append the first `n` seeds of three columns (another list's, or a run read back). */
  pushAll(a: Int32Array, b: Int32Array, pos: Float64Array, n = a.length): void {
    this.reserve(this.length + n);
    this.a.set(a.subarray(0, n), this.length);
    this.b.set(b.subarray(0, n), this.length);
    this.pos.set(pos.subarray(0, n), this.length);
    this.length += n;
  }

  /** Room for `n` seeds in all (as scratch columns: the seeds held are not kept). */
  readyFor(n: number): void {
    if (n > this.a.length) Object.assign(this, { a: new Int32Array(n), b: new Int32Array(n), pos: new Float64Array(n) });
  }

  /** Room for `n` seeds, at least doubling unless `exact`. */
  private reserve(n: number, exact = false): void {
    if (n <= this.a.length) return;
    const size = exact ? n : Math.max(n, this.a.length * 2);
    this.a = grown(this.a, size);
    this.b = grown(this.b, size);
    this.pos = grown(this.pos, size);
  }

  /** The three columns, as a spill file holds them. */
  columns(): [Int32Array, Int32Array, Float64Array] {
    return [this.a, this.b, this.pos];
  }

  /** Empty, keeping the arrays when they hold at most `keep` seeds (refilled after each spill, not grown again from nothing). */
  clear(keep: number): void {
    this.length = 0;
    if (this.a.length > keep) Object.assign(this, new SeedList());
  }

  /**
   * Append the seeds of a spill file (see `appendRun`), making room once for them and `more` seeds
   * to come (the size the list will have, not twice it).
   */
  readFile(path: string, more = 0): void {
    this.reserve(this.length + runRowsAtMost(path, this.columns()) + more, true);
    this.length += readRuns(path, this.columns(), this.length);
  }
}

/** Bytes a buffered seed takes (two document indices and a packed position pair). */
const SEED_BYTES = rowBytes(new SeedList().columns());

/**
 * How the seed stage splits its work so that memory stays bounded: the k-gram index is built one
 * hash partition at a time (`partitions`), and seeds are gathered in `blocks` blocks of document
 * pairs (by a hash of the pair: pairs by their first document would crowd into the earliest
 * documents, to which every frequent k-gram links) in memory up to `bufferBytes`, then spilled to
 * temporary files, so a block's pairs are complete when it is read back.
 */
export interface SeedPlan {
  readonly partitions: number;
  readonly blocks: number;
  readonly bufferBytes: number;
}

/**
 * The plan for a corpus: one index partition for every `partitionChars` normalised characters, and
 * as many blocks as the seed buffer fills (a corpus of this genre has about as many seeds as
 * characters), so that a block read back is about one buffer.
 */
export function seedPlan(docs: readonly Codes[], config: Pick<ReuseConfig, 'partitionChars' | 'seedBufferBytes'>): SeedPlan {
  const chars = docs.reduce((n, d) => n + d.length, 0);
  return {
    partitions: Math.max(1, Math.ceil(chars / config.partitionChars)),
    blocks: Math.max(1, Math.ceil((chars * SEED_BYTES) / config.seedBufferBytes)),
    bufferBytes: config.seedBufferBytes,
  };
}

/**
 * Candidate seeds for every pair of documents that share k-grams (`seedLength`). Within one k-gram's
 * occurrences (ordered by document, then position) all pairs are seeds, or, above
 * `maxSeedOccurrences`, each occurrence pairs with the first one only. Same-document seeds closer than
 * `minChars` are ignored (the two spans could not be disjoint), and pairs with fewer than
 * `minChainSeeds` seeds are left out (they cannot make a chain). Yielded block by block, ordered by
 * (a, b) within a block; the plan (see {@link SeedPlan}) changes the memory used and the order of the
 * pairs, never the seeds of a pair.
 */
export function* collectSeeds(
  docs: readonly Codes[],
  config: Pick<ReuseConfig, 'seedLength' | 'maxSeedOccurrences' | 'minChars' | 'minChainSeeds' | 'minChainSpan' | 'winnow' | 'winnowChain'>,
  plan: SeedPlan = { partitions: 1, blocks: 1, bufferBytes: Infinity },
): Generator<PairSeeds> {
  const { seedLength: k, maxSeedOccurrences: maxOccurrences, minChars: minSelfDistance } = config;
  const { minChainSeeds: minSeeds } = chainThresholds(config);
  const blocks = Math.max(1, plan.blocks);
  const blockOf = (a: number, b: number): number => (blocks === 1 ? 0 : mix32(Math.imul(a, 0x9e3779b1) ^ b) % blocks);
  const buffers = Array.from({ length: blocks }, () => new SeedList());
  // a block's buffer keeps room for twice its share of the seed buffer
  const keep = (2 * plan.bufferBytes) / SEED_BYTES / blocks;
  let spill: string | null = null;
  const flush = (): void => {
    spill ??= mkdtempSync(join(tmpdir(), 'reportscope-seeds-'));
    buffers.forEach((list, i) => {
      if (list.length === 0) return;
      appendRun(join(spill!, `${i}.bin`), list.length, list.columns());
      list.clear(keep);
    });
  };
  try {
    let buffered = 0;
    if (plan.partitions > 1) {
      spill ??= mkdtempSync(join(tmpdir(), 'reportscope-seeds-'));
      spillGramIndex(docs, k, config.winnow, plan.partitions, spill, plan.bufferBytes);
    }
    for (let part = 0; part < plan.partitions; part++) {
      const { hashes, docOf, posOf } = plan.partitions > 1 ? readGramIndex(spill!, part) : gramIndex(docs, k, config.winnow);
      const emit = (x: number, y: number): void => {
        const pa = posOf[x]!;
        const pb = posOf[y]!;
        const da = docOf[x]!;
        if (da === docOf[y] && pb - pa < minSelfDistance) return;
        const db = docOf[y]!;
        buffers[blockOf(da, db)]!.push(da, db, pa * POS_SCALE + pb);
        if (++buffered * SEED_BYTES >= plan.bufferBytes) {
          flush();
          buffered = 0;
        }
      };
      for (let g = 0; g < hashes.length;) {
        const h = hashes[g]!;
        let e = g + 1;
        while (e < hashes.length && hashes[e] === h) e++;
        if (e - g > 1) {
          if (e - g <= maxOccurrences) {
            for (let i = g; i < e; i++) for (let j = i + 1; j < e; j++) emit(i, j);
          } else {
            for (let j = g + 1; j < e; j++) emit(g, j);
          }
        }
        g = e;
      }
    }
    // one block at a time, read into the same arrays, sorted through the same scratch columns
    const whole = new SeedList();
    const scratch = new SeedList();
    for (let blk = 0; blk < buffers.length; blk++) {
      let seeds = buffers[blk]!;
      buffers[blk] = new SeedList();
      if (spill && existsSync(join(spill, `${blk}.bin`))) {
        whole.length = 0;
        whole.readFile(join(spill, `${blk}.bin`), seeds.length);
        whole.pushAll(seeds.a, seeds.b, seeds.pos, seeds.length);
        seeds = whole;
      }
      yield* blockPairs(seeds, docs.length, minSeeds, scratch);
    }
  } finally {
    if (spill) rmSync(spill, { recursive: true, force: true });
  }
}

/**
 * The seeds of one block grouped by pair, ordered by (a, b); pairs with fewer than `minSeeds` left
 * out; each pair's seeds a view of the list (see {@link PairSeeds}). `scratch` holds the sort's copy.
 */
function* blockPairs(list: SeedList, nDocs: number, minSeeds: number, scratch: SeedList): Generator<PairSeeds> {
  const n = list.length;
  const own = { a: list.a.subarray(0, n), b: list.b.subarray(0, n), pos: list.pos.subarray(0, n) };
  // two copies of the block at most: its own columns and the scratch
  scratch.length = 0;
  scratch.readyFor(n);
  sortSeedsByPair(own, nDocs, { a: scratch.a.subarray(0, n), b: scratch.b.subarray(0, n), pos: scratch.pos.subarray(0, n) });
  const { a, b, pos } = own;
  for (let g = 0; g < n;) {
    const da = a[g]!;
    const db = b[g]!;
    let e = g + 1;
    while (e < n && a[e] === da && b[e] === db) e++;
    if (e - g >= minSeeds) yield { a: da, b: db, packed: pos.subarray(g, e) };
    g = e;
  }
}
