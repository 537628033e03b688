/**
 * `npx tsx scripts/demo-corpus.ts [DIR]`: the bundled sample plus the test collections that show the
 * analyses beyond word counts (`test/fixtures/analyses-corpus.ts`), written into DIR (default
 * /tmp/reportscope-demo) and ingested into DIR/demo.duckdb: the database the README's figures of those
 * views are taken from.
 */
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeAnalysesCorpus } from '../test/fixtures/analyses-corpus';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? '/tmp/reportscope-demo');
const { input, references } = writeAnalysesCorpus(dir);
const args = ['--input', input, '--db', join(dir, 'demo.duckdb'), '--references', references];
const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'ingest/cli.ts'), ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
