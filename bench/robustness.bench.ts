/**
 * Bounded work on the inputs that used to hang the ingest: one file of 20 MB on a single line (the
 * sample corpus with its line breaks removed, repeated) and one of 400,000 short lines drawn from
 * five. Each is ingested alone and reported as a ratio to reading and decoding the same file, against
 * a budget: the 900 s hang becomes seconds, and the ratio stays within `budget_ratio`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../ingest/config';
import { runIngest } from '../ingest/pipeline';
import { listFiles, readInput } from '../ingest/stages/read';
import type { Emit } from './run';

const ROOT = join(import.meta.dirname, '..');

/** Largest accepted ratio of a whole ingest to reading and decoding the file, per input. */
export const BUDGET_RATIO: Readonly<Record<string, number>> = { 'one-line-20mb': 600, 'short-lines-400k': 300 };

function oneLine(bytes: number): string {
  const raw = readdirSync(join(ROOT, 'data/raw'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'data/raw', f), 'utf8'))
    .join('')
    .replace(/\s+/gu, '');
  const copies = Math.ceil(bytes / Buffer.byteLength(raw));
  return raw.repeat(copies);
}

function shortLines(n: number): string {
  const short = ['加强理论武装。', '落实意识形态工作责任制。', '做好宣传工作。', '强化阵地管理。', '推进文明实践。'];
  let s = 12_345;
  const lines = ['2024年宣传思想工作要点'];
  for (let i = 0; i < n; i++) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    lines.push(short[(s >>> 16) % 5]!);
  }
  return lines.join('\n');
}

export default async function bench(emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reportscope-robust-'));
  try {
    const inputs: [string, () => string][] = [
      ['one-line-20mb', () => oneLine(20e6)],
      ['short-lines-400k', () => shortLines(400_000)],
    ];
    for (const [name, make] of inputs) {
      const input = join(dir, name);
      mkdirSync(input);
      writeFileSync(join(input, `${name}.txt`), make());
      const files = listFiles(input);
      const b0 = performance.now();
      for (const f of files) await readInput(f);
      const baselineMs = performance.now() - b0;
      const t0 = performance.now();
      const summary = await runIngest(defaultConfig(ROOT, { input, db: join(dir, `${name}.duckdb`) }));
      const ms = performance.now() - t0;
      const ratio = ms / Math.max(baselineMs, 0.001);
      emit({
        bench: 'robustness',
        input: name,
        mb: +(files[0]!.bytes / 1e6).toFixed(1),
        documents: summary.documents,
        ms: Math.round(ms),
        baseline_read_decode_ms: Math.round(baselineMs),
        ratio_vs_read_decode: +ratio.toFixed(1),
        budget_ratio: BUDGET_RATIO[name],
        within_budget: ratio <= BUDGET_RATIO[name]!,
        stage_ms: summary.stageMs,
        process_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
