/**
 * `npx tsx scripts/demo-corpus.ts [DIR]`: the bundled sample plus the test collections that show the
 * analyses beyond word counts (kinds of copying, un-localised copies, formulations over ten years,
 * quotation of a reference text),
 * copied into DIR/in (default /tmp/reportscope-demo) and ingested into DIR/demo.duckdb: the database
 * the README's figures of those views are taken from.
 */
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeKindsFixture } from '../test/reuse/kinds-fixture';
import { writeUnlocalisedFixture } from '../test/ingest/unlocalised-fixture';
import { writeFormulationsFixture } from '../test/ingest/formulations-fixture';
import { writeReferencesFixture } from '../test/reuse/references-fixture';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? '/tmp/reportscope-demo');
const input = join(dir, 'in');
rmSync(input, { recursive: true, force: true });
cpSync(join(root, 'data/raw'), input, { recursive: true });
writeKindsFixture(join(input, 'kinds'));
writeUnlocalisedFixture(join(input, 'unlocalised'));
writeFormulationsFixture(join(input, 'formulations'));
writeReferencesFixture(join(dir, 'refs'));
cpSync(join(dir, 'refs', 'in'), join(input, 'refs'), { recursive: true });
const args = ['--input', input, '--db', join(dir, 'demo.duckdb'), '--references', join(dir, 'refs', 'references')];
const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'ingest/cli.ts'), ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
