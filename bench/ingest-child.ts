/**
 * One ingest in a process of its own, so that its peak memory is its own: `tsx bench/ingest-child.ts
 * INPUT DB` runs the pipeline with the default configuration and prints JSON lines: one `stage` line
 * each time a stage is done (its time so far and the process's peak resident set until then), so a
 * run that dies still tells how far it got, then the summary, the wall time and the peak.
 */
import { join } from 'node:path';
import { defaultConfig } from '../ingest/config';
import { runIngest } from '../ingest/pipeline';
import type { Reporter } from '../ingest/progress';

const [input, db] = process.argv.slice(2);
if (!input || !db) throw new Error('usage: tsx bench/ingest-child.ts INPUT DB');
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const line = (x: object): boolean => process.stdout.write(`${JSON.stringify(x)}\n`);
const t0 = performance.now();
const reporter: Reporter = {
  log() {},
  warn() {},
  progress(stage, done, total) {
    if (done === total) line({ stage, ms: Math.round(performance.now() - t0), peakRssMb: peakRssMb() });
  },
};
const summary = await runIngest(defaultConfig(join(import.meta.dirname, '..'), { input, db }), reporter);
line({ summary, ms: performance.now() - t0, peakRssMb: peakRssMb() });
