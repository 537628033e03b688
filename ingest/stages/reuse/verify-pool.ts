/**
 * Verification of candidate pairs on worker threads (`verify-worker.ts`): the seed stage runs here
 * and hands the pairs over in batches; each worker chains, aligns and merges them against the
 * normalised codes, which it reads from shared memory. Results are put back in batch order, so the
 * passages come out exactly as one thread finds them.
 */
import type { Codes } from './normalise';
import { startWorker } from '../../worker';
import { grown } from './columns';
import { SegmentList } from './hit';
import type { PairSeeds } from './seeds';
import type { ReuseConfig } from './types';

/** Batches a worker may have queued: enough to keep it busy, few enough to bound the seeds in flight. */
const QUEUED = 3;
/** What the pool sends a worker. */
export type ToWorker =
  | { readonly kind: 'init'; readonly chunks: readonly SharedArrayBuffer[]; readonly bounds: Int32Array; readonly config: ReuseConfig }
  | { readonly kind: 'batch'; readonly id: number; readonly data: Float64Array };

/** What a worker answers: the passages of one batch, packed as in a {@link SegmentList}. */
export interface FromWorker {
  readonly id: number;
  readonly out: Int32Array;
}

/**
 * A batch of pairs being filled, as the transferable array a worker is sent: a, b, seed count, then
 * the seeds, pair after pair. A pair is copied in as it comes (its seeds are a view of the seed
 * stage's block, valid until the next pair).
 */
class Batch {
  private data: Float64Array;
  private used = 0;
  /** Seeds in the batch. */
  seeds = 0;

  constructor(seeds: number) {
    this.data = new Float64Array(seeds + 3 * 1024);
  }

  add(p: PairSeeds): void {
    const end = this.used + 3 + p.packed.length;
    if (end > this.data.length) this.data = grown(this.data, Math.max(end, 2 * this.data.length));
    this.data[this.used] = p.a;
    this.data[this.used + 1] = p.b;
    this.data[this.used + 2] = p.packed.length;
    this.data.set(p.packed, this.used + 3);
    this.used = end;
    this.seeds += p.packed.length;
  }

  /** The pairs added so far, as an array of their own, and the batch emptied. */
  take(): Float64Array {
    const out = this.data.slice(0, this.used);
    this.used = 0;
    this.seeds = 0;
    return out;
  }
}

/**
 * The verified passages of `pairs` (in their order), found by `threads` workers over `codes`, each a
 * view of a SharedArrayBuffer; `bounds` tells a worker, per document, its chunk, offset and length.
 */
export async function verifyInPool(codes: readonly Codes[], pairs: Iterable<PairSeeds>, config: ReuseConfig, threads: number): Promise<SegmentList> {
  const chunks: SharedArrayBuffer[] = [];
  const chunkOf = new Map<ArrayBufferLike, number>();
  const bounds = new Int32Array(codes.length * 3);
  codes.forEach((c, d) => {
    let k = chunkOf.get(c.buffer);
    if (k === undefined) {
      if (!(c.buffer instanceof SharedArrayBuffer)) throw new Error('reuse: the codes a worker reads must be in shared memory');
      chunkOf.set(c.buffer, (k = chunks.length));
      chunks.push(c.buffer);
    }
    bounds[3 * d] = k;
    bounds[3 * d + 1] = c.byteOffset / c.BYTES_PER_ELEMENT;
    bounds[3 * d + 2] = c.length;
  });
  const workers = Array.from({ length: threads }, () => startWorker(new URL('./verify-worker.ts', import.meta.url)));
  const queued = Array.from({ length: threads }, () => 0);
  // answers come in any order; they are appended in batch order as soon as the ones before are in
  const found = new SegmentList();
  const answers = new Map<number, Int32Array>();
  let appended = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const settle = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const waitForAnswer = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  workers.forEach((w, i) => {
    w.on('message', ({ id, out }: FromWorker) => {
      answers.set(id, out);
      for (let next = answers.get(appended); next; next = answers.get(appended)) {
        found.pushPacked(next);
        answers.delete(appended++);
      }
      queued[i]! -= 1;
      settle();
    });
    w.on('error', (err) => {
      failure ??= err;
      settle();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`reuse: a verification worker stopped (exit code ${code})`);
      settle();
    });
    // a worker thread's port, not a window: there is no origin to name
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    w.postMessage({ kind: 'init', chunks, bounds, config } satisfies ToWorker);
  });
  let nextId = 0;
  const send = async (data: Float64Array): Promise<void> => {
    while (!failure && queued.every((q) => q >= QUEUED)) await waitForAnswer();
    if (failure) throw failure;
    const i = queued.indexOf(Math.min(...queued));
    queued[i]! += 1;
    workers[i]!.postMessage({ kind: 'batch', id: nextId++, data } satisfies ToWorker, [data.buffer as ArrayBuffer]);
  };
  try {
    const batch = new Batch(config.verifyBatchSeeds);
    for (const pair of pairs) {
      batch.add(pair);
      if (batch.seeds >= config.verifyBatchSeeds) await send(batch.take());
    }
    if (batch.seeds > 0) await send(batch.take());
    while (!failure && queued.some((q) => q > 0)) await waitForAnswer();
    if (failure) throw failure;
  } finally {
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
  return found;
}
