/**
 * Dashboard speed in headless Chromium on the bundled corpus: first chart, filter changes on the
 * overview, themes and trends views, and the tab's memory, measured by {@link measureDashboard}
 * (`bench/dashboard-measure.ts`, which `bench/scale.bench.ts` also runs on its generated corpora).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emit } from './run';
import { measureDashboard } from './dashboard-measure';
import { ingestTo } from '../scripts/dashboard-harness';

/** Run the dashboard benchmark on the bundled sample and emit one record per metric. */
export default async function dashboardBench(emit: Emit): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'reportscope-bench-'));
  try {
    const db = join(tmp, 'corpus.duckdb');
    ingestTo(db);
    await measureDashboard(db, emit, { runs: 7, label: { corpus: 'sample' } });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
