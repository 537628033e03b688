/**
 * One ingest in a process of its own, so that its peak memory is its own: `tsx bench/ingest-child.ts
 * INPUT DB` runs the pipeline with the default configuration and prints one JSON line: the summary,
 * the wall time and the process's peak resident set.
 */
import { join } from 'node:path';
import { defaultConfig } from '../ingest/config';
import { runIngest } from '../ingest/pipeline';

const [input, db] = process.argv.slice(2);
if (!input || !db) throw new Error('usage: tsx bench/ingest-child.ts INPUT DB');
const t0 = performance.now();
const summary = await runIngest(defaultConfig(join(import.meta.dirname, '..'), { input, db }));
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ summary, ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
