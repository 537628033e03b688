/**
 * Reuse detection, end to end: normalise → index k-gram seeds → chain seeds per document pair →
 * verify and extend by local alignment → merge into maximal passages → cluster → classify → rows.
 * Pure and deterministic: the same documents, config and synonyms give the same rows.
 */
import type { Lexicon } from '../../../common/lexicon';
import { chainSeeds } from './chain';
import { clusterHits } from './cluster';
import { buildClusterRows, type Corpus } from './cluster-rows';
import { buildDocReuse } from './doc-reuse';
import type { PairHit } from './hit';
import { mergeSegments, type ScoredSegment } from './merge';
import { normalise, normString } from './normalise';
import { availableParallelism } from 'node:os';
import { collectSeeds, seedPlan } from './seeds';
import { verifyInPool } from './verify-pool';
import { passageSpan } from './spans';
import { compileSynonyms, type SynonymTrie } from './synonyms';
import type { ReuseConfig, ReuseDoc, ReuseResult, ReuseRow } from './types';
import { chainCovered, verifyChain } from './verify';
import type { Segment } from './align';

/** A verified, merged passage of one document pair (internal indices), before its original spans are known. */
export interface PairSegment {
  readonly a: number;
  readonly b: number;
  readonly seg: ScoredSegment;
}

/** The merged passages of one document pair, from its seeds: chain, verify each chain not yet covered, merge. */
export function pairSegments(a: Int32Array, b: Int32Array, packed: Float64Array, same: boolean, config: ReuseConfig): ScoredSegment[] {
  const segs: Segment[] = [];
  for (const chain of chainSeeds(packed, config)) {
    if (chainCovered(chain, segs, config.seedLength)) continue;
    segs.push(...verifyChain(a, b, chain, same, config));
  }
  return mergeSegments(segs, a, b, same, config);
}

/**
 * The hits of the corpus from its verified passages (in seed order): the original spans are found
 * one document at a time, by normalising again the documents that have passages (only the normalised
 * codes are held for every document), then ordered by pair and position.
 */
function spansOf(corpus: Corpus, found: readonly PairSegment[], trie: SynonymTrie, lex: Lexicon): PairHit[] {
  const { docs } = corpus;
  // each side of each hit (2 * hit + side), grouped by document
  const count = new Int32Array(docs.length + 1);
  for (const h of found) {
    count[h.a + 1]! += 1;
    count[h.b + 1]! += 1;
  }
  for (let d = 0; d < docs.length; d++) count[d + 1]! += count[d]!;
  const sides = new Int32Array(found.length * 2);
  const next = count.slice(0, docs.length);
  found.forEach((h, i) => {
    sides[next[h.a]!++] = 2 * i;
    sides[next[h.b]!++] = 2 * i + 1;
  });
  const spans = new Int32Array(found.length * 4);
  for (let d = 0; d < docs.length; d++) {
    if (count[d] === count[d + 1]) continue;
    const text = docs[d]!.text;
    const norm = normalise(text, trie, lex);
    for (let r = count[d]!; r < count[d + 1]!; r++) {
      const side = sides[r]!;
      const { seg } = found[side >> 1]!;
      const [start, end] = side & 1 ? passageSpan(text, norm, seg.bStart, seg.bEnd, lex) : passageSpan(text, norm, seg.aStart, seg.aEnd, lex);
      spans[2 * side] = start;
      spans[2 * side + 1] = end;
    }
  }
  return found
    .map((h, i): PairHit => ({ ...h, spanA: [spans[4 * i]!, spans[4 * i + 1]!], spanB: [spans[4 * i + 2]!, spans[4 * i + 3]!] }))
    .sort((x, y) => x.a - y.a || x.b - y.b || x.seg.aStart - y.seg.aStart || x.seg.bStart - y.seg.bStart);
}

/** Orient a hit as a `reuse` row: `doc_a` is the earlier year when years differ, else the lower docId. */
function toRow(hit: PairHit, clusterId: number, docs: readonly ReuseDoc[]): ReuseRow {
  const [sa, ea] = hit.spanA;
  const [sb, eb] = hit.spanB;
  const longer = Math.max(hit.seg.aEnd - hit.seg.aStart, hit.seg.bEnd - hit.seg.bStart);
  const similarity = Math.round((1 - hit.seg.edits / longer) * 10_000) / 10_000;
  const ya = docs[hit.a]!.year;
  const yb = docs[hit.b]!.year;
  const A = { doc: docs[hit.a]!.docId, start: sa, end: ea };
  const B = { doc: docs[hit.b]!.docId, start: sb, end: eb };
  const swap = ya !== null && yb !== null && ya !== yb ? yb < ya : B.doc < A.doc;
  const [first, second] = swap ? [B, A] : [A, B];
  return {
    docA: first.doc,
    startA: first.start,
    endA: first.end,
    docB: second.doc,
    startB: second.start,
    endB: second.end,
    similarity,
    clusterId,
  };
}

/**
 * Detect reused passages across and within documents (see the module comment). `synonyms` maps spun
 * variants to canonical words (from `loadSynonyms`); both sides of a comparison are mapped. The
 * genre lexicon (`data/lexicon.txt`) gives the placeholders masked like numbers, the placeholder
 * unit characters (an org holding one counts as a unit of its own) and the mandated formulations.
 */
export function detectReuse(docs: readonly ReuseDoc[], config: ReuseConfig, synonyms: ReadonlyMap<string, string>, lex: Lexicon): ReuseResult {
  const trie = compileSynonyms(synonyms);
  const corpus = prepareCorpus(docs, trie, lex);
  const found: PairSegment[] = [];
  for (const pair of collectSeeds(corpus.codes, config, seedPlan(corpus.codes, config))) {
    for (const seg of pairSegments(corpus.codes[pair.a]!, corpus.codes[pair.b]!, pair.packed, pair.a === pair.b, config))
      found.push({ a: pair.a, b: pair.b, seg });
  }
  return finishReuse(corpus, found, config, trie, lex);
}

/**
 * {@link detectReuse} with the verification of candidate pairs spread over worker threads
 * (`verify-pool.ts`); the same result. Small corpora (under `config.parallelMinChars`) and one-core
 * machines verify on this thread.
 */
export async function detectReuseParallel(
  docs: readonly ReuseDoc[],
  config: ReuseConfig,
  synonyms: ReadonlyMap<string, string>,
  lex: Lexicon,
): Promise<ReuseResult> {
  const threads = config.threads > 0 ? config.threads : availableParallelism();
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  if (threads < 2 || chars < config.parallelMinChars) return detectReuse(docs, config, synonyms, lex);
  const trie = compileSynonyms(synonyms);
  // the normalised codes in shared memory, which the workers read without a copy
  const corpus = prepareCorpus(docs, trie, lex, sharedChunks());
  const found = await verifyInPool(corpus.codes, collectSeeds(corpus.codes, config, seedPlan(corpus.codes, config)), config, threads);
  return finishReuse(corpus, found, config, trie, lex);
}

/** Units of a shared chunk of normalised codes (64 MB). */
const CHUNK_UNITS = 1 << 24;

/**
 * Where normalised codes go for worker threads: chunks of shared memory, each document's codes a view
 * of one chunk, written one document at a time (never a second copy of the whole corpus).
 */
function sharedChunks(): (codes: Int32Array) => Int32Array {
  let chunk: Int32Array = new Int32Array(0);
  let used = 0;
  return (codes) => {
    if (used + codes.length > chunk.length) {
      chunk = new Int32Array(new SharedArrayBuffer(Math.max(CHUNK_UNITS, codes.length) * 4));
      used = 0;
    }
    const view = chunk.subarray(used, used + codes.length);
    view.set(codes);
    used += codes.length;
    return view;
  };
}

/**
 * The documents sorted as the stage needs them, with their normalised codes (kept where `store`
 * puts them: a copy of their own by default). Earliest year first: the first occurrence of a frequent k-gram, to which later ones are
 * linked, is then in the likeliest source.
 */
function prepareCorpus(docs: readonly ReuseDoc[], trie: SynonymTrie, lex: Lexicon, store: (codes: Int32Array) => Int32Array = (c) => c.slice()): Corpus {
  const sorted = [...docs].sort((x, y) => (x.year ?? Infinity) - (y.year ?? Infinity) || x.docId - y.docId);
  return { docs: sorted, codes: sorted.map((d) => store(normalise(d.text, trie, lex).codes)) };
}

/** From the verified passages to the result: spans, clusters, rows and each document's recycled share. */
function finishReuse(corpus: Corpus, found: readonly PairSegment[], config: ReuseConfig, trie: SynonymTrie, lex: Lexicon): ReuseResult {
  const sorted = corpus.docs;
  const hits = spansOf(corpus, found, trie, lex);
  const clusterOf = clusterHits(hits, config.clusterOverlap);
  const terms = lex.mandated.map((t) => normString(normalise(t, trie, lex)));
  const clusters = buildClusterRows(hits, clusterOf, corpus, config, terms, lex);
  const reuse = hits
    .map((h, i) => toRow(h, clusterOf[i]! + 1, sorted))
    .sort((x, y) => x.docA - y.docA || x.docB - y.docB || x.startA - y.startA || x.startB - y.startB);
  const docReuse = buildDocReuse(hits, clusterOf, clusters, corpus, config.directionMinChars).sort((x, y) => x.docId - y.docId);
  return { reuse, clusters, docReuse };
}
