/**
 * Dashboard speed and memory on a given database, in headless Chromium: the time from navigation to
 * the first chart painted (fresh browser context each run, so nothing is cached), the time from a
 * filter change to every chart of a view repainted (the first change apart, then at least
 * {@link MIN_CHANGES} changes to filter states not seen before, cycling through years and document
 * types: median and p95), and the tab's memory (the page's JS heap by CDP `Runtime.getHeapUsage`,
 * and the renderer process's resident memory, which holds duckdb-wasm's worker and its memory).
 * Baselines from the same browser in the same run: loading a blank page, and two animation frames
 * after a DOM change on that page. `bench/dashboard.bench.ts` runs it on the bundled sample,
 * `bench/scale.bench.ts` on the database it has just ingested.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Emit } from './run';
import { buildDashboard, launchBrowser, serveDashboard, type PageDom } from '../scripts/dashboard-harness';

/** Filter changes measured per view after the first one (states not visited before). */
export const MIN_CHANGES = 24;

/** What to measure. */
export interface MeasureOptions {
  /** Fresh browser contexts for the first chart (default 5). */
  readonly runs?: number;
  /** Filter changes per view after the first (default {@link MIN_CHANGES}). */
  readonly changes?: number;
  /** Views whose filter changes are timed (default overview, themes, trends). */
  readonly views?: readonly string[];
  /** Written into every record, e.g. `{ docs: 10000 }`. */
  readonly label?: Record<string, unknown>;
}

const median = (xs: readonly number[]) => quantile(xs, 0.5);
/** Nearest-rank quantile. */
function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
const round = (x: number) => Math.round(x * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** The browser-side globals read here (the node project has no DOM types). */
type Win = PageDom & { performance: { getEntriesByName(n: string): { startTime: number }[] } };

/**
 * In-page script, kept as source text so the bundler's helpers never reach the page: apply one filter
 * change (a year-from choice, or a click on a document-type chip), then resolve with the milliseconds
 * until every chart's draw count has gone up and until the first one had; a chart not repainted
 * within 10 s gives negative numbers.
 */
const CHANGE_JS = `([kind, value]) => new Promise((done) => {
  const charts = [...document.querySelectorAll('[data-draw-count]')];
  const before = charts.map((c) => Number(c.dataset.drawCount));
  const t0 = performance.now();
  if (kind === 'year') {
    const sel = document.querySelector('[data-filter="yf"]');
    sel.value = value;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  } else document.querySelector('[data-filter-type="' + value + '"]').click();
  let first = 0;
  const check = () => {
    const now = performance.now() - t0;
    if (!first && charts.some((c, i) => Number(c.dataset.drawCount) > before[i])) first = now;
    if (now > 10000) return done([-now, first || -now]);
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

async function waitForMark(page: Page, mark: string): Promise<number> {
  const handle = await page.waitForFunction((m) => (globalThis as unknown as Win).performance.getEntriesByName(m)[0]?.startTime ?? false, mark, {
    timeout: 60_000,
    polling: 50,
  });
  return Number(await handle.jsonValue());
}

/** The page's JS heap in use (CDP), and the resident memory of every renderer process (Linux /proc). */
async function memory(browser: Browser, page: Page): Promise<{ heap: number; rendererRss: number }> {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const bcdp = await browser.newBrowserCDPSession();
  let rendererRss = 0;
  try {
    const info = (await bcdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1];
      rendererRss = Math.max(rendererRss, Number(rss ?? 0) * 1024);
    }
  } catch {
    rendererRss = NaN;
  } finally {
    await bcdp.detach();
  }
  return { heap: usedSize, rendererRss };
}

/** Open `view` and wait until its charts are drawn and the database is up. */
async function openView(page: Page, url: string, view: string): Promise<void> {
  await page.goto(`${url}#/${view}`);
  await waitForMark(page, 'reportscope:db-attached');
  const charts = view === 'themes' ? 3 : view === 'trends' ? 2 : 3;
  await page.waitForFunction(
    (n) =>
      (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-draw-count]').length >= n,
    charts,
    { timeout: 60_000, polling: 50 },
  );
  // let the start-up's own queries (snapshot check, chip counts) finish
  await new Promise((r) => setTimeout(r, 3000));
}

/** Filter changes on `view`: the first one, then `changes` more to states not visited before. */
async function timeChanges(browser: Browser, page: Page, view: string, changes: number) {
  const years = (await page.$$eval('[data-filter="yf"] option', (os) => os.map((o) => (o as unknown as { value: string }).value))).filter((y) => y !== '');
  const types = await page.$$eval('[data-filter-type]', (bs) => bs.map((b) => (b as unknown as { dataset: { filterType: string } }).dataset.filterType));
  // the trends view needs two years left to compare: keep the last two out of the year-from cycle
  const usable = view === 'trends' ? years.slice(0, -2) : years;
  const seen = new Set<string>([page.url()]);
  const all: number[] = [];
  const firstChart: number[] = [];
  let first: number | null = null;
  let notRepainted = 0;
  let heapMax = 0;
  for (let step = 0; all.length < changes && step < changes * 4 && usable.length; step++) {
    const pass = Math.floor(step / (2 * usable.length));
    const action: [string, string] = step % 2 === 0 ? ['year', usable[(step / 2) % usable.length]!] : ['type', types[pass % types.length]!];
    const [ms, firstMs] = (await page.evaluate(`(${CHANGE_JS})(${JSON.stringify(action)})`)) as [number, number];
    const url = page.url();
    const fresh = !seen.has(url);
    seen.add(url);
    if (ms < 0) notRepainted += 1;
    else if (first === null) first = ms;
    else if (fresh) {
      all.push(ms);
      firstChart.push(firstMs);
    }
    heapMax = Math.max(heapMax, (await memory(browser, page)).heap);
  }
  return { view, first, all, firstChart, notRepainted, heapMax };
}

/**
 * Measure the dashboard on the database at `dbPath` (built into a temporary folder, served by
 * `vite preview` with its first-paint snapshot, as `npm start` serves it) and emit one record per
 * metric: `first_chart_ms`, `filter_change_ms_<view>`, `memory`.
 */
export async function measureDashboard(dbPath: string, emit: Emit, options: MeasureOptions = {}): Promise<void> {
  const runs = options.runs ?? 5;
  const changes = options.changes ?? MIN_CHANGES;
  const label = { ...options.label };
  const tmp = mkdtempSync(join(tmpdir(), 'reportscope-measure-'));
  let browser: Browser | null = null;
  let served: Awaited<ReturnType<typeof serveDashboard>> | null = null;
  try {
    await buildDashboard(join(tmp, 'dist'));
    served = await serveDashboard(join(tmp, 'dist'), dbPath);
    browser = await launchBrowser();
    const blank: number[] = [];
    const first: number[] = [];
    const attached: number[] = [];
    const dbBytes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const t0 = performance.now();
      await page.goto('data:text/html,<title>blank</title><p>blank</p>', { waitUntil: 'load' });
      blank.push(performance.now() - t0);
      let bytes = 0;
      page.on('requestfinished', (r) => {
        // a read still in flight when the context closes has no sizes: not counted
        if (r.url().endsWith('/corpus.duckdb'))
          r.sizes().then(
            (s) => (bytes += s.responseBodySize),
            () => undefined,
          );
      });
      await page.goto(`${served.url}#/overview`);
      first.push(await waitForMark(page, 'reportscope:first-chart'));
      await waitForMark(page, 'reportscope:db-attached');
      const marks = (await page.evaluate(MARKS_JS)) as Record<string, number>;
      attached.push(marks['reportscope:db-attached'] ?? NaN);
      await new Promise((r) => setTimeout(r, 2000));
      dbBytes.push(bytes);
      await ctx.close();
    }
    emit({
      bench: 'dashboard',
      ...label,
      metric: 'first_chart_ms',
      median: round(median(first)),
      samples: first.map(round),
      baseline: 'blank_page_load_ms',
      baseline_median: round(median(blank)),
      ratio: round(median(first) / median(blank)),
      db_attached_median: round(median(attached)),
      db_file_mb: mb(statSync(dbPath).size),
      db_mb_fetched_median: mb(median(dbBytes)),
      load_average_1m: round(loadavg()[0] ?? 0),
      cpus: cpus().length,
    });

    const frameCtx = await browser.newContext();
    const framePage = await frameCtx.newPage();
    await framePage.goto('data:text/html,<p id=x>blank</p>');
    const frame: number[] = [];
    for (let i = 0; i < 7; i++) frame.push(Number(await framePage.evaluate(FRAME_JS)));
    await frameCtx.close();

    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    let heapMax = 0;
    for (const view of options.views ?? ['overview', 'themes', 'trends']) {
      await openView(page, served.url, view);
      const r = await timeChanges(browser, page, view, changes);
      heapMax = Math.max(heapMax, r.heapMax);
      emit({
        bench: 'dashboard',
        ...label,
        metric: `filter_change_ms_${view}`,
        first_change: r.first === null ? null : round(r.first),
        median: round(median(r.all)),
        p95: round(quantile(r.all, 0.95)),
        changes: r.all.length,
        samples: r.all.map(round),
        first_chart_repainted_median: round(median(r.firstChart)),
        not_repainted: r.notRepainted,
        baseline: 'two_animation_frames_ms',
        baseline_median: round(median(frame)),
        ratio: round(median(r.all) / median(frame)),
        load_average_1m: round(loadavg()[0] ?? 0),
      });
    }
    const end = await memory(browser, page);
    emit({
      bench: 'dashboard',
      ...label,
      metric: 'memory',
      js_heap_mb: mb(end.heap),
      js_heap_max_mb: mb(Math.max(heapMax, end.heap)),
      renderer_rss_mb: mb(end.rendererRss),
    });
    await ctx.close();
  } finally {
    await browser?.close();
    await served?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
