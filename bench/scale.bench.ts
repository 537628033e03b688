/**
 * Ingest at scale: a generated corpus of N documents (`bench/scale-corpus.ts`; N from
 * `npm run bench -- --docs 1000,10000`, 1,000 by default), with each stage's time and MB/s, peak
 * memory, database size and reuse rows, against ceilings measured in the same run on the same text:
 * reading and decoding the files, and raw nodejieba `cut` on one thread (and that times the cores,
 * the most a parallel ingest could reach); then the dashboard on that database (`bench/dashboard-measure.ts`).
 */
import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../ingest/config';
import { loadLexicon } from '../ingest/lexicon';
import { runIngest } from '../ingest/pipeline';
import { listFiles, readInput } from '../ingest/stages/read';
import { loadTokenizer } from '../ingest/stages/tokenize';
import type { Emit } from './run';
import { writeScaleCorpus } from './scale-corpus';
import { measureDashboard } from './dashboard-measure';

const ROOT = join(import.meta.dirname, '..');

/** Document counts to measure: `REPORTSCOPE_BENCH_DOCS` (set by `--docs`), else 1,000. */
function sizes(): number[] {
  const list = (process.env['REPORTSCOPE_BENCH_DOCS'] ?? '1000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return list.length ? list : [1000];
}

export default async function bench(emit: Emit): Promise<void> {
  const config = defaultConfig(ROOT);
  for (const n of sizes()) {
    const dir = mkdtempSync(join(tmpdir(), 'reportscope-scale-'));
    try {
      const input = join(dir, 'in');
      const corpus = writeScaleCorpus(n, input);
      const files = listFiles(input);
      const mb = corpus.bytes / 1e6;

      const r0 = performance.now();
      const texts: string[] = [];
      for (const f of files) {
        const read = await readInput(f);
        if (read.ok) texts.push(read.text);
      }
      const readMs = performance.now() - r0;

      const tokenizer = loadTokenizer(config.userDict, config.stopwords, loadLexicon(config.lexicon));
      const j0 = performance.now();
      for (const t of texts) tokenizer.cut(t);
      const jiebaMs = performance.now() - j0;
      texts.length = 0;

      const db = join(dir, 'corpus.duckdb');
      const t0 = performance.now();
      const summary = await runIngest(defaultConfig(ROOT, { input, db }));
      const ms = performance.now() - t0;
      const cores = availableParallelism();
      const mbps = mb / (ms / 1000);
      const jiebaMbps = mb / (jiebaMs / 1000);
      emit({
        bench: 'scale',
        docs: n,
        documents: summary.documents,
        mb: +mb.toFixed(1),
        ms: Math.round(ms),
        mb_per_s: +mbps.toFixed(2),
        stage_ms: summary.stageMs,
        stage_mb_per_s: Object.fromEntries(Object.entries(summary.stageMs).map(([k, v]) => [k, v > 0 ? +(mb / (v / 1000)).toFixed(1) : null])),
        read_decode_ms: Math.round(readMs),
        ratio_vs_read_decode: +(ms / readMs).toFixed(1),
        jieba_1_thread_mb_per_s: +jiebaMbps.toFixed(2),
        ratio_vs_jieba_1_thread: +(mbps / jiebaMbps).toFixed(3),
        cores,
        ratio_vs_jieba_all_cores: +(mbps / (jiebaMbps * cores)).toFixed(3),
        reuse_rows: summary.reusePassages,
        db_mb: +(statSync(db).size / 1e6).toFixed(1),
        // the whole process's peak: the corpus generation and earlier sizes of this run included
        process_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      });
      // the dashboard on the database just written (first chart, filter changes, memory)
      await measureDashboard(db, emit, { label: { docs: n } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
