/**
 * `npm start`: ingest `data/raw` when `data/corpus.duckdb` is missing or older than its inputs (the
 * documents and data files the ingest's config names, and the ingest's code),
 * build the dashboard when `dist/` is older than its sources, then serve it with `vite preview` on
 * http://localhost:5173.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { snapshotIsCurrent, writeSnapshot } from './first-paint-snapshot.ts';
import { isStale } from './freshness';
import { defaultConfig } from '../ingest/config';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = 5173;
const at = (...p: string[]) => join(ROOT, ...p);

/** What the ingest reads, from its own config (documents and every data file), and its code. */
function ingestInputs(): string[] {
  const c = defaultConfig(ROOT);
  return [c.input, c.lexicon, c.wrapperRules, c.userDict, c.stopwords, c.themes, c.synonyms, at('ingest'), at('common')];
}

/** What the dashboard's build reads: its code, the shared code and the lexicon it bundles. */
const BUILD_INPUTS = [
  'web',
  'common',
  'data/lexicon.txt',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'scripts/vite-plugin-corpus-db.ts',
  'scripts/duckdb-range-middleware.ts',
  'scripts/snapshot-middleware.ts',
].map((p) => at(p));

async function main(): Promise<number> {
  const db = at('data', 'corpus.duckdb');
  if (isStale(db, ingestInputs())) {
    console.log('data/corpus.duckdb is missing or older than its inputs (documents, data files or ingest code): running the ingest…');
    const tsx = at('node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = spawnSync(process.execPath, [tsx, 'ingest/cli.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error('The ingest failed; see above. The dashboard needs data/corpus.duckdb.');
      return run.status ?? 1;
    }
  }
  if (!snapshotIsCurrent(db)) await writeSnapshot(db);
  if (isStale(at('dist', 'index.html'), BUILD_INPUTS)) {
    console.log('Building the dashboard…');
    await build({ root: at('web'), configFile: at('vite.config.ts'), logLevel: 'warn' });
  }
  const server = await preview({ root: at('web'), configFile: at('vite.config.ts'), preview: { port: PORT, strictPort: true, open: false } });
  console.log(`\nReportScope 报告透视 is running at http://localhost:${PORT}\n(Ctrl+C to stop)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
