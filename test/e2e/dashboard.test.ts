/**
 * End to end: ingest the bundled corpus with the real CLI, build the dashboard, serve it with
 * `vite preview`, and use it in headless Chromium as an analyst would. Numbers on screen are
 * checked against the database read independently with @duckdb/node-api. Any console error or any
 * request leaving the page's origin fails the run.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpusFile, type TestDb } from '../web/node-connector';
import { buildDashboard, ingestTo, launchBrowser, serveDashboard, waitForChart, type Served } from '../../scripts/dashboard-harness';
import { SNAPSHOT_CHECKED_MARK } from '../../web/db/snapshot-format';
import { firstPaintQueries } from '../../web/queries/first-paint';
import { readPngText } from '../../web/export/png-text';
import { DIRECTION_MIN_CHARS } from '../../web/stats/reuse-rule';
import { MIN_CHARS, MIN_DOCS } from '../../web/stats/sample';
import { writeReuseFixture } from './reuse-fixture';
import { chartData as readChartData, openView, watchPage } from './page-helpers';

const tmp = mkdtempSync(join(tmpdir(), 'reportscope-e2e-'));
const dbPath = join(tmp, 'corpus.duckdb');
const OVERRIDES = join(tmp, 'overrides.csv');
const dist = join(tmp, 'dist');
let served: Served;
let browser: Browser;
let page: Page;
let db: TestDb;
let problems: string[] = [];

async function scalar(sql: string): Promise<number> {
  const rows = await db.connector.query(sql, []);
  return Number(Object.values(rows[0] ?? {})[0]);
}

const open = (hash: string) => openView(page, served.url, hash);

/** Wait until the overview's document count reads `n`. */
async function documentsShown(n: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(
        '[data-testid="kpi-documents"] .kpi-value',
      )?.textContent === String(count),
    n,
  );
}

/** Cells of the "data" table behind a chart card. */
const chartData = (card: string) => readChartData(page, card);

/** The performance API used below (the node project has no DOM types). */
interface PerfDom {
  performance: { getEntriesByName(n: string): { detail?: unknown }[] };
}

/** The canvas API used below (the node project has no DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** True when the chart's canvas has more than one colour (something was drawn). */
async function canvasDrawn(card: string): Promise<boolean> {
  return page.$eval(`[data-testid="${card}"] canvas`, (c) => {
    const canvas = c as unknown as CanvasLike;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return false;
    const first = data.slice(0, 4).join();
    for (let i = 0; i < data.length; i += 4 * 97) if (data.slice(i, i + 4).join() !== first) return true;
    return false;
  });
}

beforeAll(async () => {
  // the bundled sample (with one-document years) plus four invented plans that copy from each other
  const input = join(tmp, 'input');
  cpSync(join(import.meta.dirname, '../../data/raw'), input, { recursive: true });
  writeReuseFixture(input);
  // an analyst's correction: the community's quarterly report (no year written) is from 2021
  writeFileSync(OVERRIDES, 'source_path,part_no,year,doc_type,unit_type,org,title\n003_08b7daba70b35e86.txt,3,2021,,,,\n');
  ingestTo(dbPath, input, '--overrides', OVERRIDES);
  db = await openCorpusFile(dbPath);
  await buildDashboard(dist);
  served = await serveDashboard(dist, dbPath);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  problems = watchPage(page, new URL(served.url).origin);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('dashboard', () => {
  it('overview: totals and documents by year match the database', async () => {
    await open('overview');
    await waitForChart(page, '[data-testid="chart-docs-by-year"]');
    const total = await scalar('SELECT count(*) FROM corpus.documents');
    const in2024 = await scalar('SELECT count(*) FROM corpus.documents WHERE year = 2024');
    expect(in2024).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="kpi-documents"] .kpi-value')).toBe(String(total));
    const units = await scalar('SELECT count(DISTINCT org) FROM corpus.documents');
    const chars = await scalar('SELECT sum(char_count) FROM corpus.documents');
    const share = await scalar('SELECT (SELECT sum(reused_chars) FROM corpus.doc_reuse) * 100.0 / sum(char_count) FROM corpus.documents');
    expect(await page.textContent('[data-testid="kpi-units"] .kpi-value')).toBe(String(units));
    expect((await page.textContent('[data-testid="kpi-chars"] .kpi-value'))?.replaceAll(',', '')).toBe(String(chars));
    const shownShare = Number((await page.textContent('[data-testid="kpi-recycled"] .kpi-value'))?.replace('%', ''));
    expect(Math.abs(shownShare - share)).toBeLessThanOrEqual(0.051);
    const rows = await chartData('chart-docs-by-year');
    const row2024 = rows.find((r) => r[0] === '2024');
    expect(Number(row2024?.at(-1))).toBe(in2024);
    expect(await canvasDrawn('chart-docs-by-year')).toBe(true);
    await waitForChart(page, '[data-testid="chart-top-terms"]');
    await waitForChart(page, '[data-testid="chart-word-cloud"]');
    expect(await canvasDrawn('chart-word-cloud')).toBe(true);
    const topTerm = await db.connector.query(
      'SELECT term FROM corpus.doc_terms WHERE length(term) >= 2 GROUP BY term ORDER BY sum(freq) DESC, term LIMIT 1',
      [],
    );
    expect((await chartData('chart-top-terms'))[0]?.[0]).toBe(topTerm[0]?.term);
  });

  it('draws the first chart from the first-paint snapshot, before the database is up, and the snapshot agrees with it', async () => {
    const snapshotCalls: number[] = [];
    const listen = (r: { url(): string; status(): number }) => r.url().endsWith('/corpus-snapshot.json') && snapshotCalls.push(r.status());
    page.on('response', listen);
    await page.goto(`${served.url}?visit=2#/overview`); // a new document load, not a hash change
    await waitForChart(page, '[data-testid="chart-docs-by-year"]');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { performance: { getEntriesByName(n: string): unknown[] } }).performance.getEntriesByName('reportscope:db-attached').length >
        0,
      null,
      { timeout: 30_000 },
    );
    page.off('response', listen);
    expect(snapshotCalls).toEqual([200]);
    const marks = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`)) as Record<string, number>;
    expect(marks['reportscope:first-chart']).toBeLessThan(marks['reportscope:db-attached']!);
    // the page re-runs the snapshot's queries once the database is up and marks how many differ
    await page.waitForFunction((mark) => (globalThis as unknown as PerfDom).performance.getEntriesByName(mark).length > 0, SNAPSHOT_CHECKED_MARK, {
      timeout: 30_000,
    });
    const checked = await page.evaluate((mark) => (globalThis as unknown as PerfDom).performance.getEntriesByName(mark)[0]?.detail, SNAPSHOT_CHECKED_MARK);
    expect(checked).toEqual({ answers: firstPaintQueries().length, differences: 0 });
  });

  it('reads a large database by HTTP range requests (forced here with ?attach=range)', async () => {
    const statuses: number[] = [];
    const listen = (r: { url(): string; status(): number }) => r.url().endsWith('/corpus.duckdb') && statuses.push(r.status());
    page.on('response', listen);
    await page.goto(`${served.url}?attach=range#/overview`);
    await waitForChart(page, '[data-testid="chart-docs-by-year"]');
    // the first charts may come from the first-paint snapshot: wait for the database itself
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { performance: { getEntriesByName(n: string): unknown[] } }).performance.getEntriesByName('reportscope:db-attached').length >
        0,
      null,
      { timeout: 30_000 },
    );
    page.off('response', listen);
    const total = await scalar('SELECT count(*) FROM corpus.documents');
    expect(await page.textContent('[data-testid="kpi-documents"] .kpi-value')).toBe(String(total));
    expect(statuses.filter((s) => s === 206).length).toBeGreaterThan(2);
  });

  it('a global filter changes every number and lives in the URL', async () => {
    await page.selectOption('[data-filter="yf"]', '2024');
    await page.selectOption('[data-filter="yt"]', '2024');
    const in2024 = await scalar('SELECT count(*) FROM corpus.documents WHERE year = 2024');
    await documentsShown(in2024);
    expect(page.url()).toContain('year-from=2024');
    await page.click('[data-action="reset-filters"]');
    expect(page.url()).not.toContain('year-from=');
  });

  it('places: the place filter lists the homes found, the places chart drills down, and the reader shows the home with its evidence', async () => {
    await open('overview');
    await page.waitForSelector('[data-filter="place"] option[value="43"]', { state: 'attached' });
    const options = await page.$$eval('[data-filter="place"] option', (os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    const homes = await db.connector.query(
      `SELECT DISTINCT v.code FROM corpus.divisions v JOIN corpus.documents d ON starts_with(d.home_code, v.code) ORDER BY v.code`,
      [],
    );
    expect(options).toEqual(homes.map((h) => h.code));
    // the provinces first (the sample's 15, 37 and 43, and the invented plans'); choosing 湖南省 sets the filter and the chart lists its city
    const provinces = await db.connector.query(
      `SELECT DISTINCT left(home_code, 2) AS code FROM corpus.documents WHERE home_code IS NOT NULL ORDER BY code`,
      [],
    );
    expect(provinces.map((p) => p.code)).toEqual(expect.arrayContaining(['15', '37', '43']));
    expect((await chartData('chart-places')).map((r) => r[0]).sort()).toEqual(provinces.map((p) => p.code));
    await page.selectOption('[data-filter="place"]', '43');
    const inHunan = await scalar(`SELECT count(*) FROM corpus.documents WHERE home_code LIKE '43%'`);
    expect(inHunan).toBeGreaterThan(0);
    await documentsShown(inHunan);
    expect(page.url()).toContain('place=43');
    const cities = await db.connector.query(
      `SELECT v.code, v.path, count(*)::VARCHAR AS n FROM corpus.documents d JOIN corpus.divisions v ON v.code = left(d.home_code, 4)
       WHERE d.home_code LIKE '43%' GROUP BY ALL ORDER BY count(*) DESC, v.code`,
      [],
    );
    await expect
      .poll(async () => (await chartData('chart-places')).map((r) => [r[0], r[1], r[3]]), { timeout: 10_000 })
      .toEqual(cities.map((c) => [c.code, c.path, c.n]));
    const [town] = await db.connector.query(`SELECT doc_id, home_evidence FROM corpus.documents WHERE home_code = '431021113'`, []);
    await open(`documents?doc=${town?.doc_id}`);
    await page.waitForSelector('[data-testid="reader-home"]');
    expect(await page.textContent('[data-testid="reader-home"]')).toContain('湖南省 郴州市 桂阳县 敖泉镇');
    expect(await page.getAttribute('[data-testid="reader-home"]', 'title')).toContain(String(town?.home_evidence));
  });

  it('overview under filters: totals and top terms (from the aggregates, or the documents for a unit) are what the documents give', async () => {
    const topTermWhere = async (where: string) =>
      (
        await db.connector.query(
          `SELECT t.term FROM corpus.doc_terms t JOIN corpus.documents d USING (doc_id) WHERE length(t.term) >= 2 AND ${where}
           GROUP BY t.term ORDER BY sum(t.freq) DESC, t.term LIMIT 1`,
          [],
        )
      )[0]?.term;
    const [org] = await db.connector.query('SELECT org FROM corpus.documents WHERE org IS NOT NULL GROUP BY org ORDER BY count(*) DESC, org LIMIT 1', []);
    for (const [hash, where] of [
      ['year-from=2021&doc-type=plan', "d.year >= 2021 AND d.doc_type = 'plan'"],
      [`org=${encodeURIComponent(String(org?.org))}`, `d.org = '${String(org?.org).replaceAll("'", "''")}'`],
    ] as const) {
      await open(`overview?${hash}`);
      const docs = await scalar(`SELECT count(*) FROM corpus.documents d WHERE ${where}`);
      const chars = await scalar(`SELECT sum(char_count) FROM corpus.documents d WHERE ${where}`);
      expect(docs, hash).toBeGreaterThan(1);
      await documentsShown(docs);
      expect((await page.textContent('[data-testid="kpi-chars"] .kpi-value'))?.replaceAll(',', ''), hash).toBe(String(chars));
      // the list arrives after the figures when it is counted over the documents (a unit is chosen)
      const expected = await topTermWhere(where);
      await expect.poll(async () => (await chartData('chart-top-terms'))[0]?.[0], { timeout: 10_000 }).toBe(expected);
    }
  });

  it('themes: heatmap drawn; a cell (from the URL) lists its concordance lines', async () => {
    const [top] = await db.connector.query(
      `SELECT h.theme, count(*)::INTEGER AS n FROM corpus.theme_hits h JOIN corpus.documents d USING (doc_id)
       WHERE d.year = 2024 GROUP BY h.theme ORDER BY n DESC, h.theme LIMIT 1`,
      [],
    );
    await open(`themes?theme=${top?.theme}&by=year&key=2024`);
    await waitForChart(page, '[data-testid="chart-theme-year"]');
    expect(await canvasDrawn('chart-theme-year')).toBe(true);
    const [rate] = await db.connector.query(
      `SELECT t.label_zh AS label, round(coalesce((SELECT sum(f.freq) FROM corpus.theme_freq f JOIN corpus.documents d USING (doc_id)
                 WHERE d.year = 2024 AND f.theme = t.theme), 0) * 10000.0
               / (SELECT sum(char_count) FROM corpus.documents WHERE year = 2024), 3) AS per10k
       FROM (SELECT theme, any_value(label_zh) AS label_zh FROM corpus.themes GROUP BY theme) t WHERE t.theme = '${top?.theme}'`,
      [],
    );
    const matrix = await chartData('chart-theme-year');
    const row = matrix.find((r) => r[0] === rate?.label);
    expect(Number(row?.at(-1))).toBeCloseTo(Number(rate?.per10k), 1);
    await page.waitForSelector('[data-testid="theme-lines"] tbody tr');
    const shown = await page.$$eval('[data-testid="theme-lines"] tbody tr', (trs) => trs.length);
    expect(shown).toBe(Math.min(Number(top?.n), 50));
    expect(await page.textContent('[data-testid="theme-lines"] .table-toolbar')).toContain(String(top?.n));
  });

  it('trends: lines drawn, keyness table sortable with the sort kept in the URL', async () => {
    await open('trends?focus=2024&reference=2023');
    await waitForChart(page, '[data-testid="chart-trend-lines"]');
    // the most frequent theme is drawn by default: its 2024 point is its hits per 10,000 characters of 2024
    const [top] = await db.connector.query(
      `SELECT t.label_zh AS label,
              (SELECT sum(f.freq) FROM corpus.theme_freq f JOIN corpus.documents d USING (doc_id) WHERE d.year = 2024 AND f.theme = t.theme) * 10000.0
                / (SELECT sum(char_count) FROM corpus.documents WHERE year = 2024) AS per10k
       FROM (SELECT theme, any_value(label_zh) AS label_zh FROM corpus.themes GROUP BY theme) t
       ORDER BY (SELECT sum(freq) FROM corpus.theme_freq f WHERE f.theme = t.theme) DESC NULLS LAST, t.theme LIMIT 1`,
      [],
    );
    const years = (await db.connector.query('SELECT DISTINCT year FROM corpus.documents WHERE year IS NOT NULL ORDER BY year', [])).map((r) => r.year);
    const line = (await chartData('chart-trend-lines')).find((r) => r[0] === top?.label);
    expect(Number(line?.[1 + years.indexOf(2024)]?.replaceAll(',', ''))).toBeCloseTo(Number(top?.per10k), 1);
    await page.waitForSelector('[data-testid="keyness-table"] tbody tr');
    await page.click('[data-testid="keyness-table"] th:has-text("log₂ ratio")');
    await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.includes('keyness-sort=log_ratio'));
    const ratios = await page.$$eval('[data-testid="keyness-table"] tbody tr', (trs) =>
      trs.map((tr) => Number(/-?\d+(\.\d+)?/.exec(tr.querySelectorAll('td')[6]?.textContent ?? '')?.[0])),
    );
    expect(ratios.length).toBeGreaterThan(1);
    expect(ratios.every(Number.isFinite)).toBe(true);
    expect(ratios).toEqual([...ratios].sort((x, y) => y - x));
    await page.waitForSelector('[data-testid="theme-compare"] tbody tr');
  });

  it('boilerplate: reuse views, or a clear message when reuse was not detected', async () => {
    await open('boilerplate');
    const passages = await scalar('SELECT count(*) FROM corpus.reuse');
    if (passages > 0) {
      await waitForChart(page, '[data-testid="chart-reuse-matrix"]');
      // the strongest pair's cell: characters the two documents share, all kinds of reuse
      const [strongest] = await db.connector.query(
        `SELECT least(doc_a, doc_b) AS x, greatest(doc_a, doc_b) AS y, sum(greatest(end_a - start_a, end_b - start_b))::INTEGER AS chars
         FROM corpus.reuse WHERE doc_a <> doc_b GROUP BY ALL ORDER BY chars DESC, x, y LIMIT 1`,
        [],
      );
      const matrix = await chartData('chart-reuse-matrix');
      const at = (id: unknown) => matrix.findIndex((r) => r[0]?.startsWith(`#${id} `));
      expect(at(strongest?.x)).toBeGreaterThanOrEqual(0);
      expect(Number(matrix[at(strongest?.x)]?.[1 + at(strongest?.y)]?.replaceAll(',', ''))).toBe(strongest?.chars);
      expect(Number(matrix[at(strongest?.y)]?.[1 + at(strongest?.x)]?.replaceAll(',', ''))).toBe(strongest?.chars);
      const clusters = await scalar('SELECT count(*) FROM corpus.reuse_clusters');
      expect(await page.textContent('[data-testid="clusters"] .table-toolbar')).toContain(`${clusters} 行`);
      const [pair] = await db.connector.query(
        'SELECT doc_a, doc_b, count(*)::INTEGER AS n FROM corpus.reuse WHERE doc_a <> doc_b GROUP BY ALL ORDER BY n DESC, doc_a, doc_b LIMIT 1',
        [],
      );
      await open(`boilerplate?doc-a=${pair?.doc_a}&doc-b=${pair?.doc_b}`);
      await page.waitForSelector('[data-testid="side-by-side"] .doc-pane .mark-shared');
      // the pickers hold the two documents' numbers, each labelled with its year and title
      const [a] = await db.connector.query(`SELECT year, title FROM corpus.documents WHERE doc_id = ${Number(pair?.doc_a)}`, []);
      expect(await page.inputValue('[data-testid="compare-a"]')).toBe(String(pair?.doc_a));
      await page.waitForFunction(
        (text) =>
          (
            (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(
              'label:has([data-testid="compare-a"])',
            )?.textContent ?? ''
          ).includes(text),
        `#${pair?.doc_a} ${a?.year ?? ''} ${String(a?.title).slice(0, 16)}`.replace(/\s+/g, ' '),
      );
      expect(await page.textContent('[data-testid="compare-legend"]')).toContain(`${pair?.n} 个对齐段落`);
      await open(`documents?doc=${pair?.doc_a}`);
      await page.waitForSelector('[data-testid="reader"] .mark-reused, [data-testid="reader"] .mark-formula');
    } else {
      await page.waitForSelector('.status-empty');
    }
  });

  it('documents: the table is searched and sorted by the database', async () => {
    const [longest] = await db.connector.query('SELECT doc_id FROM corpus.documents ORDER BY char_count DESC, doc_id DESC LIMIT 1', []);
    await open('documents?documents-sort=char_count:desc');
    await page.waitForSelector('[data-testid="documents-table"] tbody tr');
    expect((await page.textContent('[data-testid="documents-table"] tbody tr:first-child td'))?.trim()).toBe(String(longest?.doc_id));
    const total = await scalar('SELECT count(*) FROM corpus.documents');
    expect(await page.textContent('[data-testid="documents-table"] .table-toolbar')).toContain(`${total} 行`);
    const found = await scalar(
      `SELECT count(*) FROM corpus.documents WHERE contains(title, '总结') OR contains(coalesce(org, ''), '总结') OR contains(source_path, '总结')`,
    );
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(total);
    await open('documents?search=%E6%80%BB%E7%BB%93');
    await page.waitForFunction(
      (n) =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
          '[data-testid="documents-table"] tbody tr',
        ).length === n,
      found,
    );
    expect(await page.textContent('[data-testid="documents-table"] .table-toolbar')).toContain(`${found} 行`);
  });

  it('documents: clicking a row opens the reader with the cleaned text', async () => {
    await open('documents');
    await page.click('[data-testid="documents-table"] tbody tr:first-child');
    await page.waitForSelector('[data-testid="reader"] .doc-text');
    const [first] = await db.connector.query('SELECT text FROM corpus.documents ORDER BY doc_id LIMIT 1', []);
    const shown = await page.textContent('[data-testid="reader"] .doc-text');
    expect(shown).toBe(first?.text);
    expect(page.url()).toContain('doc=1');
  });

  it("documents: the reader's recycled share is the table's, for every document", async () => {
    const docs = await db.connector.query('SELECT doc_id, share FROM corpus.doc_reuse ORDER BY doc_id', []);
    expect(docs.length).toBeGreaterThan(0);
    const shareColumn = await (async () => {
      await open('documents');
      const heads = await page.$$eval('[data-testid="documents-table"] thead th', (ths) => ths.map((th) => th.textContent?.trim() ?? ''));
      return heads.findIndex((h) => h.startsWith('复用比'));
    })();
    expect(shareColumn).toBeGreaterThan(0);
    for (const { doc_id: id } of docs) {
      await open(`documents?doc=${id}`);
      await page.waitForSelector('[data-testid="reader-share"]');
      const reader = (await page.textContent('[data-testid="reader-share"]'))?.replace('复用比', '').trim();
      const cell = await page.$eval(
        '[data-testid="documents-table"] tbody',
        (tbody, [docId, col]) => {
          const row = [...tbody.querySelectorAll('tr')].find((tr) => tr.querySelector('td')?.textContent?.trim() === String(docId));
          return row?.querySelectorAll('td')[col as number]?.textContent?.trim();
        },
        [id, shareColumn] as const,
      );
      expect(reader, `document ${String(id)}`).toBe(cell);
    }
  });

  it('documents: an overrides file changes the year in the database and the reader says it was corrected', async () => {
    const [row] = await db.connector.query(
      "SELECT doc_id, year, year_source, corrected FROM corpus.documents WHERE source_path = '003_08b7daba70b35e86.txt' AND part_no = 3",
      [],
    );
    expect(row).toMatchObject({ year: 2021, year_source: 'override', corrected: 'year' });
    await open(`documents?doc=${String(row?.doc_id)}`);
    await page.waitForSelector('[data-testid="reader-corrected"]');
    expect(await page.textContent('[data-testid="reader-meta"]')).toContain('2021');
    expect(await page.textContent('[data-testid="reader-corrected"]')).toContain('年份');
    expect(await page.textContent('[data-testid="footer-db"]')).toContain('corpus.duckdb');
  });

  it('KWIC: finds 学习强国 where the database has it, with the rejoined page-break line', async () => {
    await open('kwic');
    await page.fill('[data-testid="kwic-input"]', '学习强国');
    await page.click('[data-testid="kwic-submit"]');
    await page.waitForSelector('[data-testid="kwic-lines"] tbody tr');
    const expected = await scalar(`SELECT sum((length(text) - length(replace(text, '学习强国', ''))) // 4) FROM corpus.documents`);
    const docs = await scalar(`SELECT count(*) FROM corpus.documents WHERE contains(text, '学习强国')`);
    expect(await page.textContent('[data-testid="kwic-total"]')).toContain(`共 ${expected} 处,分布在 ${docs} 篇文档`);
    const lines = await page.$$eval('[data-testid="kwic-lines"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(lines).toHaveLength(expected);
    expect(lines.some((l) => l[2]?.endsWith('充分运用') && l[3] === '学习强国')).toBe(true);
    await waitForChart(page, '[data-testid="chart-kwic-years"]');
  });

  it('exports a CSV with a BOM and formula-like cells neutralised', async () => {
    await open('kwic?q=%2B');
    await page.waitForSelector('[data-testid="kwic-lines"] tbody tr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="kwic-lines"] [data-export="csv"]')]);
    const file = join(tmp, 'kwic.csv');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('编号,年份,文档,左侧语境,关键词,右侧语境');
    const n = await scalar(`SELECT count(*) FROM corpus.documents WHERE contains(text, '+')`);
    expect(lines.length - 1).toBeGreaterThanOrEqual(n);
    for (const l of lines.slice(1)) expect(l).toContain(",'+,");
  });

  it('a filter that leaves nothing shows empty states, not errors', async () => {
    await open('overview?year-from=2024&year-to=2020');
    await page.waitForSelector('.status-empty');
    expect(await page.$('.status-error')).toBeNull();
    await open('themes?year-from=2024&year-to=2020');
    await page.waitForSelector('.status-empty');
    expect(await page.$('.status-error')).toBeNull();
  });

  it('saves a chart as PNG and a table as XLSX', async () => {
    await open('overview');
    await waitForChart(page, '[data-testid="chart-docs-by-year"]');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-docs-by-year"] [data-export="png"]')]);
    const pngFile = join(tmp, 'chart.png');
    await png.saveAs(pngFile);
    expect([...readFileSync(pngFile).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await open('documents');
    await page.waitForSelector('[data-testid="documents-table"] tbody tr');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="documents-table"] [data-export="xlsx"]')]);
    const xlsxFile = join(tmp, 'documents.xlsx');
    await xlsx.saveAs(xlsxFile);
    const sheet = strFromU8(unzipSync(readFileSync(xlsxFile))['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const total = await scalar('SELECT count(*) FROM corpus.documents');
    expect(sheet.match(/<row /g)).toHaveLength(total + 1);
    expect(xlsx.suggestedFilename()).toBe('reportscope-documents.xlsx');
  });

  it('switches to English and back, keeping the view', async () => {
    await open('themes');
    await page.click('[data-action="lang"]');
    await page.waitForSelector('a[data-view="themes"]:has-text("Themes")');
    expect(page.url()).toContain('lang=en');
    await page.click('[data-action="lang"]');
    await page.waitForSelector('a[data-view="themes"]:has-text("主题")');
  });

  it('opens a link written with the old two-letter parameter names as the same screen', async () => {
    await page.goto(`${served.url}?visit=3#/trends?a=2024&b=2023&ks=log_ratio:asc&yf=2023`); // on load
    await page.waitForSelector('[data-testid="view-trends"]', { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.includes('focus=2024'));
    const hash = (): Promise<string> => page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash);
    expect(await hash()).toBe('#/trends?focus=2024&reference=2023&keyness-sort=log_ratio%3Aasc&year-from=2023');
    expect(await page.$eval('[data-testid="year-a"]', (s) => (s as unknown as { value: string }).value)).toBe('2024');
    expect(await page.$eval('[data-testid="year-b"]', (s) => (s as unknown as { value: string }).value)).toBe('2023');
    await page.goto(`${served.url}?visit=3#/kwic?q=%E5%AD%A6%E4%B9%A0%E5%BC%BA%E5%9B%BD&ks=right`); // a hash change, no new load
    await page.waitForSelector('[data-testid="view-kwic"]', { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.includes('kwic-sort=right'));
    expect(await hash()).toContain('q=%E5%AD%A6%E4%B9%A0%E5%BC%BA%E5%9B%BD');
  });

  it('n everywhere: thin years are marked in the heatmap and the trend lines, and Trends opens on the two latest years with enough text', async () => {
    const years = await db.connector.query(
      'SELECT year, count(*)::INTEGER AS docs, sum(char_count)::INTEGER AS chars FROM corpus.documents WHERE year IS NOT NULL GROUP BY year ORDER BY year',
      [],
    );
    const isThin = (y: (typeof years)[number]) => Number(y.docs) < MIN_DOCS || Number(y.chars) < MIN_CHARS;
    const thin = years.filter(isThin).map((y) => String(y.year));
    const oneDoc = years.filter((y) => Number(y.docs) === 1).map((y) => String(y.year));
    expect(oneDoc.length).toBeGreaterThan(0);
    for (const y of oneDoc) expect(thin).toContain(y);
    const enough = years.filter((y) => !isThin(y)).map((y) => String(y.year));
    await open('themes');
    await waitForChart(page, '[data-testid="chart-theme-year"]');
    const note = await page.textContent('[data-testid="chart-theme-year-thin"]');
    for (const y of thin) expect(note).toContain(y);
    for (const y of enough) expect(note).not.toContain(y);
    // the numbers behind the heatmap carry each year's documents and characters
    const matrix = await chartData('chart-theme-year');
    const docsRow = matrix.find((r) => r[0] === '文档数');
    expect(docsRow?.slice(1).map((v) => Number(v.replaceAll(',', '')))).toEqual(years.map((y) => Number(y.docs)));
    await open('trends');
    await waitForChart(page, '[data-testid="chart-trend-lines"]');
    expect((await page.textContent('[data-testid="trend-thin"]')) ?? '').toContain(oneDoc[0]);
    await page.waitForSelector('[data-testid="trends-choice"]');
    const a = await page.$eval('[data-testid="year-a"]', (s) => (s as unknown as { value: string }).value);
    const b = await page.$eval('[data-testid="year-b"]', (s) => (s as unknown as { value: string }).value);
    expect([a, b]).toEqual([enough.at(-1), enough.at(-2)]);
    const choice = await page.textContent('[data-testid="trends-choice"]');
    expect(choice).toContain(`默认比较 ${a} 与 ${b}`);
    for (const y of thin.filter((y) => Number(y) > Number(b))) expect(choice).toContain(y);
    await page.waitForSelector('[data-testid="theme-compare-n"]');
    const [sizeA] = await db.connector.query(`SELECT count(*)::INTEGER AS n FROM corpus.documents WHERE year = ${Number(a)}`, []);
    expect(await page.textContent('[data-testid="theme-compare-n"]')).toContain(`${a}:${sizeA?.n} 篇`);
    // the overview's start-here question asks about the same two years
    await open('overview');
    const start = await page.waitForSelector('[data-testid="start-trends"]');
    expect(await start.getAttribute('href')).toContain(`focus=${a}&reference=${b}`);
    expect(await start.textContent()).toContain(`${a} 年比 ${b} 年`);
  });

  it('a theme with no hit in the focus year is never rising, even in a one-document year', async () => {
    const [small] = await db.connector.query(
      'SELECT year FROM corpus.documents WHERE year IS NOT NULL GROUP BY year HAVING count(*) = 1 ORDER BY sum(char_count), year LIMIT 1',
      [],
    );
    const focus = Number(small?.year);
    const absent = await db.connector.query(
      `SELECT any_value(t.label_zh) AS label FROM corpus.themes t
       WHERE coalesce((SELECT sum(f.freq) FROM corpus.theme_freq f JOIN corpus.documents d USING (doc_id) WHERE d.year = ${focus} AND f.theme = t.theme), 0) = 0
         AND coalesce((SELECT sum(f.freq) FROM corpus.theme_freq f JOIN corpus.documents d USING (doc_id) WHERE d.year <> ${focus} AND f.theme = t.theme), 0) > 0
       GROUP BY t.theme`,
      [],
    );
    expect(absent.length).toBeGreaterThan(0);
    await open(`trends?focus=${focus}&reference=rest`);
    await page.waitForSelector('[data-testid="theme-compare"] tbody tr');
    expect(await page.textContent('[data-testid="thin-warning"]')).toContain(String(focus));
    const rows = await page.$$eval('[data-testid="theme-compare"] tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        return {
          label: cells[0]?.textContent ?? '',
          hitsA: cells[1]?.textContent ?? '',
          mark: cells[6]?.textContent ?? '',
          dir: cells[6]?.querySelector('[data-direction]')?.getAttribute('data-direction') ?? '',
        };
      }),
    );
    for (const { label } of absent) {
      const row = rows.find((r) => r.label === label);
      expect(row, String(label)).toMatchObject({ hitsA: '0', dir: 'gone' });
      expect(row?.mark).toContain('▼');
      expect(row?.mark).not.toContain('▲');
    }
    for (const r of rows) if (r.hitsA === '0') expect(r.dir).not.toMatch(/rising|new/);
  });

  it('search: a Traditional query, an upper-case placeholder and two words in one sentence find what the corpus holds', async () => {
    const count = async (lower: string) =>
      scalar(`SELECT coalesce(sum((length(text) - length(replace(lower(text), '${lower}', ''))) // ${lower.length}), 0) FROM corpus.documents`);
    for (const [query, as] of [
      ['意識形態', '意识形态'],
      ['XXX', 'xxx'],
      ['ＸＸＸ', 'xxx'],
    ] as const) {
      const expected = await count(as);
      expect(expected, as).toBeGreaterThan(0);
      await open(`kwic?q=${encodeURIComponent(query)}`);
      // the previous search's figures stay on screen until the new ones arrive (its collocates may still be counting)
      await expect.poll(() => page.textContent('[data-testid="kwic-total"]'), { timeout: 15_000 }).toContain(`共 ${expected} 处`);
      expect(await page.textContent('[data-testid="kwic-normalised"]')).toContain(as);
      await expect
        .poll(
          async () => new Set(await page.$$eval('[data-testid="kwic-lines"] tbody tr td.kwic-match', (tds) => tds.map((td) => td.textContent?.toLowerCase()))),
          {
            timeout: 15_000,
          },
        )
        .toEqual(new Set([as]));
    }
    const both = await scalar(`SELECT count(*) FROM corpus.sentences s JOIN corpus.documents d USING (doc_id)
      WHERE contains(substring(d.text, s."start" + 1, s."end" - s."start"), '意识形态') AND contains(substring(d.text, s."start" + 1, s."end" - s."start"), '责任制')`);
    expect(both).toBeGreaterThan(0);
    await open(`kwic?q=${encodeURIComponent('意識形態 责任制')}`);
    await page.waitForSelector('[data-testid="kwic-lines"] tbody tr');
    expect(await page.textContent('[data-testid="kwic-total"]')).toContain(`共 ${both} 个句子`);
  });

  it('direction labels follow the rule, and hovering one shows its evidence', async () => {
    const labelled = await db.connector.query(
      `SELECT r.doc_id, r.direction, r.top_partner_chars AS shared, d.year, p.year AS pyear FROM corpus.doc_reuse r
       JOIN corpus.documents d USING (doc_id) LEFT JOIN corpus.documents p ON p.doc_id = r.top_partner WHERE r.reused_chars > 0`,
      [],
    );
    expect(labelled.some((r) => r.direction === 'source')).toBe(true);
    expect(labelled.some((r) => r.direction === 'unknown')).toBe(true);
    await open('boilerplate');
    await page.waitForSelector('[data-testid="recycled-table"] tbody tr');
    const badges = await page.$$eval('[data-testid="recycled-table"] tbody tr', (trs) =>
      trs.map((tr) => {
        const b = tr.querySelector('[data-direction]');
        return {
          id: Number(tr.querySelector('td')?.textContent),
          dir: b?.getAttribute('data-direction'),
          shared: Number(b?.getAttribute('data-shared')),
          year: b?.getAttribute('data-year'),
          pyear: b?.getAttribute('data-partner-year'),
          title: b?.getAttribute('title') ?? '',
          text: b?.textContent,
        };
      }),
    );
    expect(badges).toHaveLength(labelled.length);
    for (const b of badges) {
      const allowed = b.shared >= DIRECTION_MIN_CHARS && !!b.year && !!b.pyear && b.year !== b.pyear;
      if (b.dir === 'source' || b.dir === 'copy') {
        expect(allowed, `#${b.id}`).toBe(true);
        expect(b.dir).toBe(Number(b.year) < Number(b.pyear) ? 'source' : 'copy');
      } else expect(b.text).toBe('无法判断');
      expect(b.title).toContain(`共享 ${b.shared.toLocaleString('zh-CN')} 字`);
      expect(b.title).toContain(`共享至少 ${DIRECTION_MIN_CHARS} 字`);
      expect(b.title).toContain('最长共享段落');
    }
    expect(badges.some((b) => b.dir === 'unknown' && b.shared > 0 && b.shared < DIRECTION_MIN_CHARS)).toBe(true);
    // the network is drawn, and picking a pair brings the comparison into view
    await waitForChart(page, '[data-testid="chart-reuse-network"]');
    expect(await canvasDrawn('chart-reuse-network')).toBe(true);
    await page.click('[data-testid="reuse-pairs"] tbody tr:first-child');
    await page.waitForSelector('[data-testid="side-by-side"] .doc-pane .mark-shared');
    await page.waitForFunction(
      () => {
        const el = (
          globalThis as unknown as { document: { getElementById(id: string): { getBoundingClientRect(): { top: number } } | null } }
        ).document.getElementById('compare');
        const top = el?.getBoundingClientRect().top ?? 9999;
        return top >= -5 && top < 200;
      },
      null,
      { timeout: 5000 },
    );
  });

  it('exports stand alone: XLSX with document ids, percent formats, widths and a sheet of filters; CSV shares rounded; PNG with its title', async () => {
    await open('boilerplate?year-from=2021&year-to=2024');
    await page.waitForSelector('[data-testid="recycled-table"] tbody tr');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="recycled-table"] [data-export="xlsx"]')]);
    const file = join(tmp, 'recycled.xlsx');
    await xlsx.saveAs(file);
    const zip = unzipSync(readFileSync(file));
    const part = (name: string) => strFromU8(zip[name] ?? new Uint8Array());
    const sheet = part('xl/worksheets/sheet1.xml');
    const ids = await db.connector.query(
      'SELECT r.doc_id, r.share, d.source_path FROM corpus.doc_reuse r JOIN corpus.documents d USING (doc_id) WHERE r.reused_chars > 0 AND d.year BETWEEN 2021 AND 2024 ORDER BY r.share DESC',
      [],
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(sheet).toContain('<t xml:space="preserve">编号</t>');
    expect(sheet).toContain('<t xml:space="preserve">源文件</t>');
    for (const r of ids) {
      expect(sheet).toMatch(new RegExp(`<c r="A\\d+"><v>${String(r.doc_id)}</v></c>`));
      expect(sheet).toContain(`<v>${String(r.share)}</v>`);
      expect(sheet).toContain(String(r.source_path));
    }
    expect(sheet).toMatch(/<c r="D2" s="2"><v>0\.\d+<\/v><\/c>/);
    expect(part('xl/styles.xml')).toContain('formatCode="0.0%"');
    expect(sheet).toContain('<cols><col min="1" max="1"');
    const about = part('xl/worksheets/sheet2.xml');
    expect(about).toContain('各文档复用比排名');
    expect(about).toContain('年份 2021–2024');
    expect(about).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="recycled-table"] [data-export="csv"]')]);
    const csvFile = join(tmp, 'recycled.csv');
    await csv.saveAs(csvFile);
    const top = ids[0]!;
    expect(readFileSync(csvFile, 'utf8')).toContain(`,${Number((Number(top.share) * 100).toFixed(1))}%,`);
    await open('themes');
    await waitForChart(page, '[data-testid="chart-theme-year"]');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-theme-year"] [data-export="png"]')]);
    const pngFile = join(tmp, 'themes.png');
    await png.saveAs(pngFile);
    const text = readPngText(new Uint8Array(readFileSync(pngFile)));
    expect(text.Title).toBe('主题 × 年份(每万字出现次数)');
    expect(text.Description).toContain('筛选: 无(全部文档)');
    expect(text.Description).toContain('单位: 每万字出现次数');
    const total = await scalar('SELECT count(*) FROM corpus.documents WHERE year IS NOT NULL');
    expect(text.Description).toContain(`样本: ${total} 篇文档`);
    // the whole filtered corpus, with metadata and shares
    await open('documents?year-from=2024&year-to=2024');
    await page.waitForSelector('[data-testid="documents-table"] tbody tr');
    const [corpus] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="corpus-xlsx"]')]);
    const corpusFile = join(tmp, 'corpus.xlsx');
    await corpus.saveAs(corpusFile);
    const corpusSheet = strFromU8(unzipSync(readFileSync(corpusFile))['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const in2024 = await scalar('SELECT count(*) FROM corpus.documents WHERE year = 2024');
    expect(corpusSheet.match(/<row /g)).toHaveLength(in2024 + 1);
    expect(corpusSheet).toContain('<t xml:space="preserve">规定表述字数</t>');
  });

  it('a year filter can keep documents of unknown year, and type counts follow the other filters', async () => {
    const known = await scalar('SELECT count(*) FROM corpus.documents WHERE year = 2024');
    const unknown = await scalar('SELECT count(*) FROM corpus.documents WHERE year IS NULL');
    expect(unknown).toBeGreaterThan(0);
    await open('overview?year-from=2024&year-to=2024&unknown-year=1');
    await documentsShown(known + unknown);
    const [plan] = await db.connector.query(
      `SELECT count(*)::INTEGER AS n FROM corpus.documents WHERE doc_type = 'plan' AND (year = 2024 OR year IS NULL)`,
      [],
    );
    await page.waitForFunction(
      (n) =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(
          '[data-filter-type="plan"] [data-count]',
        )?.textContent === String(n),
      plan?.n,
    );
  });

  it('saw no console error and no request leaving the origin', () => {
    expect(problems).toEqual([]);
  });

  it('shows how to run the ingest when there is no database', async () => {
    process.env.REPORTSCOPE_DB = join(tmp, 'missing.duckdb');
    const p = await browser.newPage();
    await p.goto(served.url);
    await p.waitForSelector('[data-testid="no-database"]');
    expect(await p.textContent('[data-testid="no-database"]')).toContain('npm run ingest');
    await p.close();
    process.env.REPORTSCOPE_DB = dbPath;
  });

  it('asks for a new ingest when the database was written by another version of the ingest', async () => {
    const old = join(tmp, 'old.duckdb');
    cpSync(dbPath, old);
    const instance = await DuckDBInstance.create(old);
    const connection = await instance.connect();
    await connection.run(`DELETE FROM ingest_meta WHERE key = 'schema_version'`);
    connection.closeSync();
    instance.closeSync();
    process.env.REPORTSCOPE_DB = old;
    const p = await browser.newPage();
    await p.goto(served.url);
    await p.waitForSelector('[data-testid="old-database"]');
    const text = await p.textContent('[data-testid="old-database"]');
    expect(text).toContain('npm run ingest');
    expect(text).toContain('表结构版本 1');
    expect(await p.$('[data-testid="filters"]')).toBeNull();
    await p.close();
    process.env.REPORTSCOPE_DB = dbPath;
  });
});
