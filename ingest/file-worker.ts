/** A worker of `file-pool.ts`: the per-file passes of the ingest, one job at a time as they are sent. */
import { parentPort } from 'node:worker_threads';
import { fileDocsJson, firstPass, loadFileContext, secondPass, type FileContext } from './file-work';
import type { StageMs } from './stages/timing';
import type { FromFileWorker, ToFileWorker } from './file-pool';
import type { ChromeProfile } from './stages/clean/chrome';

let ctx: FileContext | null = null;
let chrome: ChromeProfile | null = null;

// a worker thread's port, not a window: there is no origin to name
// oxlint-disable-next-line unicorn/require-post-message-target-origin
const answer = (a: FromFileWorker): void => parentPort!.postMessage(a);

parentPort!.on('message', async (m: ToFileWorker) => {
  if (m.kind === 'init') {
    ctx = loadFileContext(m.config);
    return;
  }
  if (m.kind === 'chrome') {
    chrome = { keys: new Map(m.keys), lexicon: ctx!.lexicon };
    return;
  }
  const stageMs: StageMs = {};
  try {
    const value = m.kind === 'first' ? await firstPass(m.file, m.unchangedHash, ctx!, stageMs) : fileDocsJson(await secondPass(m.job, chrome!, ctx!, stageMs));
    answer({ id: m.id, ok: true, value, stageMs });
  } catch (err) {
    answer({ id: m.id, ok: false, error: `${(err as Error).stack ?? String(err)}` });
  }
});
