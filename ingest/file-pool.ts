/**
 * The per-file passes of the ingest on worker threads (`file-worker.ts`): each worker loads the
 * lexicon, rules, tokenizer and themes once, then prepares files (pass 1) and makes their documents
 * (pass 2). Jobs go out in order, a bounded number ahead, and results come back in the same order,
 * so document ids and every table are what one thread writes. What crosses between threads is a few
 * strings per file (the prepared file, its documents as JSON), never its lines as objects.
 */
import type { Worker } from 'node:worker_threads';
import type { IngestConfig } from './config';
import { availableParallelism } from 'node:os';
import { firstPass, loadFileContext, parseFileDocs, secondPass, type FileContext, type FileDocs, type FirstPass, type PackedInput } from './file-work';
import type { ChromeProfile } from './stages/clean/chrome';
import type { StageMs } from './stages/timing';
import type { InputFile } from './stages/read';
import { startWorker } from './worker';

/** Jobs queued per worker: enough to keep it busy while the writer takes the results in order. */
const QUEUED = 4;

/** What the pool sends a worker. */
export type ToFileWorker =
  | { readonly kind: 'init'; readonly config: IngestConfig }
  | { readonly kind: 'chrome'; readonly keys: ReadonlyMap<string, number> }
  | { readonly kind: 'first'; readonly id: number; readonly file: InputFile; readonly unchangedHash: string | null }
  | { readonly kind: 'second'; readonly id: number; readonly job: PackedInput | InputFile };

/** A worker's answer to one job: its result (pass 2's as JSON) and the time it spent per stage, or the error. */
export type FromFileWorker =
  | { readonly id: number; readonly ok: true; readonly value: FirstPass | string; readonly stageMs: StageMs }
  | { readonly id: number; readonly ok: false; readonly error: string };

type Job = Extract<ToFileWorker, { id: number }>;
type JobWithoutId = Job extends infer J ? (J extends Job ? Omit<J, 'id'> : never) : never;

/** The per-file passes of a run, on worker threads ({@link FilePool}) or on this thread ({@link localFileWork}); results in the jobs' order either way. */
export interface FileWork {
  /** Pass 1 of each file (see `firstPass`). */
  first(jobs: Iterable<{ file: InputFile; unchangedHash: string | null }>): AsyncGenerator<FirstPass>;
  /** The learned chrome pass 2 strips (before {@link FileWork.second}). */
  setChrome(chrome: ChromeProfile): void;
  /** Pass 2 of each prepared file, or file read again (see `secondPass`). */
  second(jobs: Iterable<PackedInput | InputFile>): AsyncGenerator<FileDocs>;
  /** Stop what runs the work (its memory is the reuse stage's then). */
  close(): Promise<void>;
}

/** The per-file passes on this thread; times added to `stageMs`. */
export function localFileWork(ctx: FileContext, stageMs: StageMs): FileWork {
  let chrome: ChromeProfile | null = null;
  return {
    async *first(jobs) {
      for (const { file, unchangedHash } of jobs) yield await firstPass(file, unchangedHash, ctx, stageMs);
    },
    setChrome(profile) {
      chrome = profile;
    },
    async *second(jobs) {
      for (const job of jobs) yield await secondPass(job, chrome!, ctx, stageMs);
    },
    async close() {},
  };
}

/**
 * The per-file passes of a run of `files` files: on `config.fileThreads` workers (0: one per core),
 * or on this thread for one thread or fewer than `config.parallelMinFiles` files (starting workers,
 * each loading the tokenizer, costs more). Only the thread that does the work loads the tokenizer
 * (a quarter of a gigabyte).
 */
export function fileWork(config: IngestConfig, stageMs: StageMs, files: number): FileWork {
  const threads = config.fileThreads > 0 ? config.fileThreads : availableParallelism();
  return threads < 2 || files < config.parallelMinFiles ? localFileWork(loadFileContext(config), stageMs) : new FilePool(config, threads, stageMs);
}

export class FilePool implements FileWork {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (a: FromFileWorker) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  /** Start `threads` workers for `config`; the time each job spends per stage is added to `stageMs`. */
  constructor(
    config: IngestConfig,
    threads: number,
    private readonly stageMs: StageMs,
  ) {
    this.workers = Array.from({ length: threads }, () => startWorker(new URL('./file-worker.ts', import.meta.url)));
    for (const w of this.workers) {
      w.on('message', (answer: FromFileWorker) => {
        const p = this.pending.get(answer.id);
        this.pending.delete(answer.id);
        p?.resolve(answer);
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a file worker stopped (exit code ${code})`));
      });
      this.post(w, { kind: 'init', config });
    }
  }

  first(jobs: Iterable<{ file: InputFile; unchangedHash: string | null }>): AsyncGenerator<FirstPass> {
    return this.ordered(
      jobs,
      (j) => ({ kind: 'first', ...j }),
      (v) => v as FirstPass,
    );
  }

  setChrome(chrome: ChromeProfile): void {
    for (const w of this.workers) this.post(w, { kind: 'chrome', keys: chrome.keys });
  }

  second(jobs: Iterable<PackedInput | InputFile>): AsyncGenerator<FileDocs> {
    return this.ordered(
      jobs,
      (job) => ({ kind: 'second', job }),
      (v) => parseFileDocs(v as string),
    );
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private post(w: Worker, message: ToFileWorker): void {
    // a worker thread's port, not a window: there is no origin to name
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    w.postMessage(message);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  /** Send one job to worker `w`; its answer, with its stage times added up. */
  private async call(w: number, job: JobWithoutId): Promise<FromFileWorker & { ok: true }> {
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    const answer = await new Promise<FromFileWorker>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(this.workers[w]!, { ...job, id } as ToFileWorker);
    });
    if (!answer.ok) throw new Error(answer.error);
    for (const [k, v] of Object.entries(answer.stageMs)) this.stageMs[k] = (this.stageMs[k] ?? 0) + v;
    return answer;
  }

  /** The results of `jobs` in their order, the workers taking them in turn, at most {@link QUEUED} a worker ahead of the reader. */
  private async *ordered<J, R>(jobs: Iterable<J>, message: (job: J) => JobWithoutId, result: (value: FirstPass | string) => R): AsyncGenerator<R> {
    const window: Promise<FromFileWorker & { ok: true }>[] = [];
    let turn = 0;
    for (const job of jobs) {
      const answer = this.call(turn++ % this.workers.length, message(job));
      answer.catch(() => {}); // awaited in order below; a failure is thrown there
      window.push(answer);
      if (window.length >= QUEUED * this.workers.length) yield result((await window.shift()!).value);
    }
    while (window.length) yield result((await window.shift()!).value);
  }
}
