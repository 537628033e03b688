/**
 * Dashboard speed in headless Chromium on the bundled corpus: time from navigation to the first
 * chart painted (fresh browser context each time, so nothing is cached) and the time from a filter
 * change to every chart of the overview repainted. Baselines from the same browser in the same run:
 * loading a blank page, and two animation frames after a DOM change on that page. The start-up
 * phases (wasm instantiated, database attached), a warm reload and the machine's load average are
 * reported beside, since on two shared cores the wasm compile dominates and varies with load.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emit } from './run';
import { buildDashboard, ingestTo, launchBrowser, serveDashboard, type PageDom } from '../scripts/dashboard-harness';

const RUNS = 7;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** The browser-side globals read here (the node project has no DOM types). */
type Win = PageDom & { performance: { getEntriesByName(n: string): { startTime: number }[] } };

/**
 * In-page scripts, kept as source text so the bundler's helpers never reach the page: set the year
 * filter, then resolve with the milliseconds until every chart's draw count has gone up, and until the first one had.
 */
const REDRAW_JS = `(value) => new Promise((done) => {
  const charts = [...document.querySelectorAll('[data-draw-count]')];
  const before = charts.map((c) => Number(c.dataset.drawCount));
  const sel = document.querySelector('[data-filter="yf"]');
  const t0 = performance.now();
  sel.value = value;
  sel.dispatchEvent(new Event('change', { bubbles: true }));
  let first = 0;
  const check = () => {
    const now = performance.now() - t0;
    if (!first && charts.some((c, i) => Number(c.dataset.drawCount) > before[i])) first = now;
    // a chart whose data did not change is not repainted: give up after 5 s and say so (negative)
    if (now > 5000) return done([-now, first || -now]);
    charts.every((c, i) => Number(c.dataset.drawCount) > before[i]) ? done([now, first || now]) : requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/** The start-up marks the dashboard sets (ms since navigation). */
const MARKS_JS = `Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`;

/** Baseline: a DOM change and two animation frames on a blank page. */
const FRAME_JS = `new Promise((done) => {
  const t0 = performance.now();
  document.body.append('x');
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
})`;

/** Run the dashboard benchmark and emit one record per metric. */
export default async function dashboardBench(emit: Emit): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'reportscope-bench-'));
  const db = join(tmp, 'corpus.duckdb');
  ingestTo(db);
  await buildDashboard(join(tmp, 'dist'));
  const served = await serveDashboard(join(tmp, 'dist'), db);
  const browser = await launchBrowser();
  try {
    const blank: number[] = [];
    const first: number[] = [];
    const instantiated: number[] = [];
    const attached: number[] = [];
    const warm: number[] = [];
    const dbBytes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const t0 = performance.now();
      await page.goto('data:text/html,<title>blank</title><p>blank</p>', { waitUntil: 'load' });
      blank.push(performance.now() - t0);
      let bytes = 0;
      page.on('requestfinished', (r) => {
        if (r.url().endsWith('/corpus.duckdb')) void r.sizes().then((s) => (bytes += s.responseBodySize));
      });
      await page.goto(`${served.url}#/overview`);
      const handle = await page.waitForFunction(
        (mark) => (globalThis as unknown as Win).performance.getEntriesByName(mark)[0]?.startTime ?? false,
        'reportscope:first-chart',
        { timeout: 30_000, polling: 50 },
      );
      first.push(Number(await handle.jsonValue()));
      // the first charts may be drawn from the first-paint snapshot; the database comes up after
      await page.waitForFunction((mark) => (globalThis as unknown as Win).performance.getEntriesByName(mark).length > 0, 'reportscope:db-attached', {
        timeout: 30_000,
        polling: 50,
      });
      const marks = (await page.evaluate(MARKS_JS)) as Record<string, number>;
      instantiated.push(marks['reportscope:db-instantiated'] ?? NaN);
      attached.push(marks['reportscope:db-attached'] ?? NaN);
      dbBytes.push(bytes);
      // A returning visitor: same browser context, so the HTTP cache (and V8's code cache) is warm.
      await page.reload();
      const again = await page.waitForFunction(
        (mark) => (globalThis as unknown as Win).performance.getEntriesByName(mark)[0]?.startTime ?? false,
        'reportscope:first-chart',
        { timeout: 30_000, polling: 50 },
      );
      warm.push(Number(await again.jsonValue()));
      await ctx.close();
    }

    const page = await browser.newPage();
    await page.goto(`${served.url}#/overview`);
    await page.waitForSelector('[data-testid="chart-word-cloud"] [data-draw-count]', { timeout: 30_000 });
    await page.waitForFunction((mark) => (globalThis as unknown as Win).performance.getEntriesByName(mark).length > 0, 'reportscope:db-attached', {
      timeout: 30_000,
      polling: 50,
    });
    const years = await page.$$eval('[data-filter="yf"] option', (os) => os.map((o) => (o as unknown as { value: string }).value));
    /** Change the year filter and wait until every chart on the page has painted again. */
    const redraw = async (value: string) => (await page.evaluate(`(${REDRAW_JS})(${JSON.stringify(value)})`)) as [number, number];
    const uncached: number[] = [];
    const uncachedFirst: number[] = [];
    const cached: number[] = [];
    const cycle = [...years.filter((y) => y !== ''), ''];
    for (const y of cycle) {
      const [all, firstChart] = await redraw(y);
      uncached.push(all);
      uncachedFirst.push(firstChart);
    }
    for (let i = 0; i < RUNS; i++) for (const y of cycle) cached.push((await redraw(y))[0]);

    // the chart-heavy views: every heatmap of Themes, the lines and both comparisons of Trends (years
    // that leave at least two years to compare, so every chart stays on the page)
    const views: Record<string, { all: number[]; first: number[]; charts: number; timeouts: number }> = {};
    for (const view of ['themes', 'trends']) {
      await page.goto(`${served.url}#/${view}`);
      await page.waitForFunction(
        (n) =>
          (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-draw-count]').length >=
          n,
        view === 'themes' ? 3 : 2,
        { timeout: 30_000, polling: 50 },
      );
      await new Promise((r) => setTimeout(r, 1000));
      const charts = await page.$$eval('[data-draw-count]', (els) => els.length);
      const usable = years.filter((y) => y !== '').slice(0, -2);
      const viewCycle = [...usable, ''];
      const all: number[] = [];
      const firstPaint: number[] = [];
      let timeouts = 0;
      for (let i = 0; i < 3; i++) {
        for (const y of viewCycle) {
          const [t, f] = await redraw(y);
          if (t < 0) {
            timeouts += 1;
            continue;
          }
          all.push(t);
          firstPaint.push(f);
        }
      }
      views[view] = { all, first: firstPaint, charts, timeouts };
    }

    await page.goto('data:text/html,<p id=x>blank</p>');
    const frame: number[] = [];
    for (let i = 0; i < RUNS; i++) frame.push(Number(await page.evaluate(FRAME_JS)));

    const dbSize = statSync(db).size;
    emit({
      bench: 'dashboard',
      metric: 'first_chart_ms',
      median: round(median(first)),
      samples: first.map(round),
      baseline: 'blank_page_load_ms',
      baseline_median: round(median(blank)),
      ratio: round(median(first) / median(blank)),
      target_ms: 2000,
      db_bytes_fetched_median: median(dbBytes),
      db_file_bytes: dbSize,
      wasm_instantiated_median: round(median(instantiated)),
      db_attached_median: round(median(attached)),
      warm_reload_median: round(median(warm)),
      warm_samples: warm.map(round),
      load_average_1m: round(loadavg()[0] ?? 0),
      cpus: cpus().length,
    });
    emit({
      bench: 'dashboard',
      metric: 'filter_redraw_ms',
      median: round(median(uncached)),
      samples: uncached.map(round),
      first_chart_repainted_median: round(median(uncachedFirst)),
      cached_median: round(median(cached)),
      baseline: 'two_animation_frames_ms',
      baseline_median: round(median(frame)),
      ratio: round(median(uncached) / median(frame)),
      target_ms: 200,
      load_average_1m: round(loadavg()[0] ?? 0),
    });
    for (const [view, v] of Object.entries(views)) {
      emit({
        bench: 'dashboard',
        metric: `filter_redraw_ms_${view}`,
        median: round(median(v.all)),
        samples: v.all.map(round),
        charts: v.charts,
        first_chart_repainted_median: round(median(v.first)),
        not_repainted: v.timeouts,
        baseline: 'two_animation_frames_ms',
        baseline_median: round(median(frame)),
        ratio: round(median(v.all) / median(frame)),
        target_ms: 200,
        load_average_1m: round(loadavg()[0] ?? 0),
      });
    }
  } finally {
    await browser.close();
    await served.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
