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
import { groupBy, orderByKeys } from './columns';
import { Hits, SEGMENT_FIELDS, SegmentList } from './hit';
import { mergeSegments, type ScoredSegment } from './merge';
import { normalise, normString, type Codes } from './normalise';
import { availableParallelism } from 'node:os';
import { collectSeeds, seedPlan } from './seeds';
import { verifyInPool } from './verify-pool';
import { passageSpan } from './spans';
import { compileSynonyms, type SynonymTrie } from './synonyms';
import { ReuseRows } from './rows';
import type { ReuseConfig, ReuseDoc, ReuseResult } from './types';
import { chainCovered, verifyChain } from './verify';
import type { Segment } from './align';
import { stageTimer, type StageMs, type Timer } from '../timing';

/**
 * The parts of the reuse stage as a run's timing names them (each inside `reuse`): normalising every
 * document; the seeds and their verification (one generator feeding the workers, so timed together);
 * the passages' original spans; clustering and the cluster facts; the `reuse` and `doc_reuse` rows.
 */
export const REUSE_STAGES = {
  normalise: 'reuse.normalise',
  pairs: 'reuse.pairs',
  spans: 'reuse.spans',
  clusters: 'reuse.clusters',
  rows: 'reuse.rows',
} as const;

/** The merged passages of one document pair, from its seeds: chain, verify each chain not yet covered, merge. */
export function pairSegments(a: Codes, b: Codes, packed: Float64Array, same: boolean, config: ReuseConfig): ScoredSegment[] {
  const segs: Segment[] = [];
  for (const chain of chainSeeds(packed, config)) {
    if (chainCovered(chain, segs, config.seedLength)) continue;
    segs.push(...verifyChain(a, b, chain, same, config));
  }
  return mergeSegments(segs, a, b, same, config);
}

/**
 * The hits of the corpus from its verified passages (`found`, in seed order), ordered by pair and
 * position (then by every other field: the same hits in any order give the same result). The
 * original spans are found one document at a time, by normalising again the documents that have
 * passages (only the normalised codes are held for every document).
 */
function hitsOf(corpus: Corpus, found: SegmentList, trie: SynonymTrie, lex: Lexicon): Hits {
  const F = SEGMENT_FIELDS;
  const f = found.data;
  // by pair and position, then every other field, so the order (and the cluster numbering after it)
  // does not depend on the order the pairs were verified in
  const field =
    (k: number) =>
    (row: number): number =>
      f[row * F + k]!;
  const order = orderByKeys(found.length, [field(0), field(1), field(2), field(4), field(3), field(5), field(6)]);
  const hits = new Hits(found.length);
  order.forEach((from, h) => {
    const at = from * F;
    hits.doc[2 * h] = f[at]!;
    hits.doc[2 * h + 1] = f[at + 1]!;
    hits.start[2 * h] = f[at + 2]!;
    hits.end[2 * h] = f[at + 3]!;
    hits.start[2 * h + 1] = f[at + 4]!;
    hits.end[2 * h + 1] = f[at + 5]!;
    hits.edits[h] = f[at + 6]!;
  });
  const { docs } = corpus;
  const { first, members } = groupBy(hits.doc, docs.length);
  for (let d = 0; d < docs.length; d++) {
    if (first[d] === first[d + 1]) continue;
    const text = docs[d]!.text;
    const norm = normalise(text, trie, lex);
    for (const o of members.subarray(first[d]!, first[d + 1]!)) {
      [hits.spanStart[o], hits.spanEnd[o]] = passageSpan(text, norm, hits.start[o]!, hits.end[o]!, lex);
    }
  }
  return hits;
}

/**
 * Detect reused passages across and within documents (see the module comment). `synonyms` maps spun
 * variants to canonical words (from `loadSynonyms`); both sides of a comparison are mapped. The
 * genre lexicon (`data/lexicon.txt`) gives the placeholders masked like numbers, the placeholder
 * unit characters (an org holding one counts as a unit of its own) and the mandated formulations.
 * Each part's time is added to `stageMs` under its {@link REUSE_STAGES} name.
 */
export function detectReuse(
  docs: readonly ReuseDoc[],
  config: ReuseConfig,
  synonyms: ReadonlyMap<string, string>,
  lex: Lexicon,
  stageMs: StageMs = {},
): ReuseResult {
  const time = stageTimer(stageMs);
  const trie = compileSynonyms(synonyms);
  const corpus = time(REUSE_STAGES.normalise, () => prepareCorpus(docs, trie, lex));
  const found = new SegmentList();
  time(REUSE_STAGES.pairs, () => {
    for (const pair of collectSeeds(corpus.codes, config, seedPlan(corpus.codes, config))) {
      for (const seg of pairSegments(corpus.codes[pair.a]!, corpus.codes[pair.b]!, pair.packed, pair.a === pair.b, config)) found.push(pair.a, pair.b, seg);
    }
  });
  return finishReuse(corpus, found, config, trie, lex, time);
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
  stageMs: StageMs = {},
): Promise<ReuseResult> {
  const threads = config.threads > 0 ? config.threads : availableParallelism();
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  if (threads < 2 || chars < config.parallelMinChars) return detectReuse(docs, config, synonyms, lex, stageMs);
  const time = stageTimer(stageMs);
  const trie = compileSynonyms(synonyms);
  // the normalised codes in shared memory, which the workers read without a copy
  const corpus = time(REUSE_STAGES.normalise, () => prepareCorpus(docs, trie, lex, sharedChunks()));
  const t0 = performance.now();
  const found = await verifyInPool(corpus.codes, collectSeeds(corpus.codes, config, seedPlan(corpus.codes, config)), config, threads);
  stageMs[REUSE_STAGES.pairs] = (stageMs[REUSE_STAGES.pairs] ?? 0) + performance.now() - t0; // awaited, so timed by hand
  return finishReuse(corpus, found, config, trie, lex, time);
}

/** Units of a shared chunk of normalised codes (32 MB). */
const CHUNK_UNITS = 1 << 24;

/**
 * Where normalised codes go for worker threads: chunks of shared memory, each document's codes a view
 * of one chunk, written one document at a time (never a second copy of the whole corpus).
 */
function sharedChunks(): (codes: Codes) => Codes {
  let chunk: Codes = new Uint16Array(0);
  let used = 0;
  return (codes) => {
    if (used + codes.length > chunk.length) {
      chunk = new Uint16Array(new SharedArrayBuffer(Math.max(CHUNK_UNITS, codes.length) * Uint16Array.BYTES_PER_ELEMENT));
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
function prepareCorpus(docs: readonly ReuseDoc[], trie: SynonymTrie, lex: Lexicon, store: (codes: Codes) => Codes = (c) => c.slice()): Corpus {
  const sorted = [...docs].sort((x, y) => (x.year ?? Infinity) - (y.year ?? Infinity) || x.docId - y.docId);
  return { docs: sorted, codes: sorted.map((d) => store(normalise(d.text, trie, lex).codes)) };
}

/** From the verified passages to the result: spans, clusters, rows and each document's recycled share. */
function finishReuse(corpus: Corpus, found: SegmentList, config: ReuseConfig, trie: SynonymTrie, lex: Lexicon, time: Timer): ReuseResult {
  const hits = time(REUSE_STAGES.spans, () => hitsOf(corpus, found, trie, lex));
  found.data = new Int32Array(0); // held only until the hits are made
  const clusterOf = time(REUSE_STAGES.clusters, () => clusterHits(hits, config.clusterOverlap));
  const terms = lex.mandated.map((t) => normString(normalise(t, trie, lex)));
  const clusters = time(REUSE_STAGES.clusters, () => buildClusterRows(hits, clusterOf, corpus, config, terms, lex));
  const reuse = time(REUSE_STAGES.rows, () => ReuseRows.fromHits(hits, clusterOf, corpus.docs));
  const { docReuse, pairs } = time(REUSE_STAGES.rows, () => buildDocReuse(hits, clusterOf, clusters, corpus, config, lex));
  docReuse.sort((x, y) => x.docId - y.docId);
  pairs.sort((x, y) => x.docA - y.docA || x.docB - y.docB);
  return { reuse, clusters, docReuse, pairs };
}
