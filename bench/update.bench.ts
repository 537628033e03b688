/**
 * `--update` against a full run: a generated corpus of 2,000 documents (`bench/scale-corpus.ts`) is
 * ingested in full, then 1 % of its files are edited and the database is updated; the ratio of the two
 * times is the figure, and the same ratio without the reuse stage, which an update still runs over
 * every document. An update of the unchanged collection is timed too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../ingest/config';
import { runIngest, type IngestSummary } from '../ingest/pipeline';
import { listFiles } from '../ingest/stages/read';
import type { Emit } from './run';
import { writeScaleCorpus } from './scale-corpus';

const ROOT = join(import.meta.dirname, '..');
const DOCUMENTS = 2000;
const CHANGED = 0.01;

/** An edit an analyst might make: one sentence added to the end of a UTF-8 file. */
function edit(path: string): boolean {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false; // a GB18030 file: edit another
  }
  writeFileSync(path, `${text}下一步,我们将持续加强意识形态阵地建设和管理,确保各项工作落到实处。\n`);
  return true;
}

async function timedRun(update: boolean, input: string, db: string): Promise<{ ms: number; summary: IngestSummary }> {
  const t0 = performance.now();
  const summary = await runIngest(defaultConfig(ROOT, { input, db, update }));
  return { ms: Math.round(performance.now() - t0), summary };
}

/** Wall time less the reuse stage. */
const withoutReuse = (run: { ms: number; summary: IngestSummary }): number => run.ms - (run.summary.stageMs['reuse'] ?? 0);

export default async function bench(emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reportscope-update-bench-'));
  try {
    const input = join(dir, 'in');
    writeScaleCorpus(DOCUMENTS, input);
    const db = join(dir, 'corpus.duckdb');
    const full = await timedRun(false, input, db);
    const unchanged = await timedRun(true, input, db);

    const files = listFiles(input);
    const want = Math.round(files.length * CHANGED);
    const step = Math.floor(files.length / want);
    let edited = 0;
    // one file in each stretch of `step`, the first UTF-8 one
    for (let k = 0; k < want; k++) {
      for (let i = k * step; i < (k + 1) * step; i++) {
        if (edit(files[i]!.path)) {
          edited++;
          break;
        }
      }
    }
    const update = await timedRun(true, input, db);
    emit({
      bench: 'update',
      documents: full.summary.documents,
      files: files.length,
      files_changed: edited,
      full_ms: full.ms,
      update_ms: update.ms,
      ratio_update_vs_full: +(update.ms / full.ms).toFixed(2),
      // reuse is derived again over every document in both: the rest is what an update saves
      ratio_without_reuse: +(withoutReuse(update) / withoutReuse(full)).toFixed(2),
      unchanged_update_ms: unchanged.ms,
      ratio_unchanged_vs_full: +(unchanged.ms / full.ms).toFixed(2),
      reprocessed: update.summary.reprocessed,
      copied: update.summary.copied,
      stage_ms_full: full.summary.stageMs,
      stage_ms_update: update.summary.stageMs,
      stage_ms_unchanged: unchanged.summary.stageMs,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
