/**
 * `npm run bench [NAME]`: runs every `bench/*.bench.ts` (or those whose file name holds NAME) in name
 * order and prints one JSON object per line; `npm run bench -- --docs 1000,10000` runs the scale bench
 * at those corpus sizes.
 * Each bench module default-exports `(emit) => Promise<void>`; it measures its own baseline in the
 * same run and reports ratios against it, so numbers compare across machines.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a bench module reports: one flat JSON object per measurement. */
export type Emit = (record: Record<string, unknown>) => void;

/** The shape of a bench module's default export. */
export type BenchModule = { default: (emit: Emit) => Promise<void> };

const here = dirname(fileURLToPath(import.meta.url));
// `--docs 1000,10000` runs the scale bench at those sizes (and only it); any other word picks benches by name
const args = process.argv.slice(2);
const docsAt = args.indexOf('--docs');
if (docsAt >= 0) process.env['REPORTSCOPE_BENCH_DOCS'] = args[docsAt + 1] ?? '1000';
const only = docsAt >= 0 ? 'scale' : args[0];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
const emit: Emit = (record) => process.stdout.write(`${JSON.stringify(record)}\n`);

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  const t0 = performance.now();
  try {
    await mod.default(emit);
  } catch (err) {
    emit({ bench: file, error: err instanceof Error ? err.message : String(err) });
    process.exitCode = 1;
  }
  process.stderr.write(`bench ${file}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
