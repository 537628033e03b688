/**
 * Ingest throughput on a corpus made of N copies of the bundled sample (each copy in its own folder,
 * so file names stay unique), against a baseline measured in the same run: reading and decoding the
 * same files, the least any ingest has to do. Peak memory is the process's maximum resident set.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../ingest/config';
import { runIngest } from '../ingest/pipeline';
import { listFiles, readInput } from '../ingest/stages/read';
import type { Emit } from './run';

const ROOT = join(import.meta.dirname, '..');

export default async function bench(emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reportscope-bench-'));
  try {
    for (const copies of [1, 20]) {
      const input = join(dir, `in-${copies}`);
      for (let i = 0; i < copies; i++) cpSync(join(ROOT, 'data/raw'), join(input, `copy${i}`), { recursive: true });
      const files = listFiles(input);
      const bytes = files.reduce((n, f) => n + f.bytes, 0);

      const b0 = performance.now();
      for (const f of files) await readInput(f);
      const baselineMs = performance.now() - b0;

      const t0 = performance.now();
      const summary = await runIngest(defaultConfig(ROOT, { input, db: join(dir, `c${copies}.duckdb`) }));
      const ms = performance.now() - t0;
      emit({
        bench: 'ingest',
        copies,
        files: files.length,
        documents: summary.documents,
        mb: +(bytes / 1e6).toFixed(2),
        ms: Math.round(ms),
        mb_per_s: +(bytes / 1e6 / (ms / 1000)).toFixed(2),
        baseline_read_decode_ms: Math.round(baselineMs),
        ratio_vs_read_decode: +(ms / Math.max(baselineMs, 0.001)).toFixed(1),
        stage_ms: summary.stageMs,
        // the process's peak so far, earlier benches of the same run included
        process_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
