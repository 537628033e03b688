/**
 * End to end, the analyses beyond word counts: kinds of copying (by year, per unit over time, on the
 * network, per document) on the bundled sample plus the kinds collection of `test/reuse/kinds-fixture.ts`
 * (a county plan copied by two of its towns, a town recycling its own report, peers, a template) and
 * the un-localised collection of `test/ingest/unlocalised-fixture.ts` (a county plan that kept another
 * county's townships) and the formulations collection of `test/ingest/formulations-fixture.ts` (eight
 * towns over ten years, each formulation on a stated schedule), with the reference folder of
 * `test/reuse/references-fixture.ts` (a central-level text three towns quote).
 * Figures on screen are checked against the database read with @duckdb/node-api.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, ingestTo, launchBrowser, serveDashboard, waitForChart, type Served } from '../../scripts/dashboard-harness';
import { openCorpusFile, type TestDb } from '../web/node-connector';
import { writeAnalysesCorpus } from '../fixtures/analyses-corpus';
import { chartData as readChartData, openView, watchPage } from './page-helpers';
import { runQuery } from '../../web/db/statement';
import { collocates } from '../../web/queries/collocations';
import { NO_FILTERS } from '../../web/queries/filters';
import { groupKeyness } from '../../web/queries/trends';

const tmp = mkdtempSync(join(tmpdir(), 'reportscope-analyses-'));
const dbPath = join(tmp, 'corpus.duckdb');
let served: Served;
let browser: Browser;
let page: Page;
let db: TestDb;
let problems: string[] = [];

const query = (sql: string) => db.connector.query(sql, []);

const open = (hash: string) => openView(page, served.url, hash);
const chartData = (card: string) => readChartData(page, card);

const int = (s: string | undefined) => Number((s ?? '').replaceAll(',', ''));

beforeAll(async () => {
  const { input, references } = writeAnalysesCorpus(tmp);
  ingestTo(dbPath, input, '--references', references);
  db = await openCorpusFile(dbPath);
  await buildDashboard(join(tmp, 'dist'));
  served = await serveDashboard(join(tmp, 'dist'), dbPath);
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

describe('formulations in the dashboard', () => {
  it("the strip gives each year's share of documents using a formulation, as the database counts them", async () => {
    await open('formulations');
    await waitForChart(page, '[data-testid="chart-formulations"]');
    const rows = await chartData('chart-formulations');
    const years = await query('SELECT DISTINCT year FROM corpus.documents WHERE year IS NOT NULL ORDER BY year');
    const expected = await query(
      `SELECT d.year, count(*) FILTER (WHERE x.doc_id IS NOT NULL)::INTEGER AS used, count(*)::INTEGER AS docs
       FROM corpus.documents d LEFT JOIN corpus.formulation_docs x ON x.doc_id = d.doc_id AND x.formulation = '两个确立'
       WHERE d.year IS NOT NULL GROUP BY d.year ORDER BY d.year`,
    );
    const row = rows.find((r) => r[0] === '两个确立');
    expect(row).toBeDefined();
    expect(row!.slice(1).map(Number)).toEqual(expected.map((e) => Math.round((1000 * Number(e.used)) / Number(e.docs)) / 10));
    expect(years.length).toBe(row!.length - 1);
  });

  it('the lifecycle table dates each formulation, and a cell lists its sentences of that year', async () => {
    const events = await page.$$eval('[data-testid="formulation-events"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const stored = await query(`SELECT formulation, event, year FROM corpus.formulation_events WHERE formulation = '两个确立' ORDER BY year`);
    expect(events.filter((e) => e[0] === '两个确立').map((e) => e[2])).toEqual(stored.map((s) => String(s.year)));
    expect(events.find((e) => e[0] === '两个确立' && e[2] === '2021')?.[1]).toBe('▲ 首现');
    await open(`formulations?formulation=${encodeURIComponent('两个确立')}&formulation-year=2022`);
    await page.waitForSelector('[data-testid="formulation-lines"] tbody tr');
    const lines = await page.$$eval('[data-testid="formulation-lines"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('.kwic-match')?.textContent ?? ''));
    const [n] = await query(
      `SELECT sum(x.hits)::INTEGER AS n FROM corpus.formulation_docs x JOIN corpus.documents d USING (doc_id) WHERE x.formulation = '两个确立' AND d.year = 2022`,
    );
    expect(lines).toHaveLength(Number(n?.n));
    expect(new Set(lines)).toEqual(new Set(['两个确立']));
  });

  it('exports the formulations the user dictionary lacks, in its format', async () => {
    const fresh = await query(`SELECT formulation FROM corpus.formulations WHERE NOT in_user_dict ORDER BY docs DESC, formulation`);
    expect(fresh.map((f) => f.formulation)).toContain('红色宣讲车');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-new-terms"]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.trim().split('\n')).toEqual(
      fresh.map((f) => `${f.formulation} ${[...String(f.formulation)].length >= 4 ? 20000 : [...String(f.formulation)].length === 3 ? 10000 : 3000} n`),
    );
  });
});

describe('collocates and unit comparison', () => {
  it("the search lists a word's collocates with the sentences they share, as the query counts them, and draws them", async () => {
    const node = '两个确立';
    await open(`kwic?q=${encodeURIComponent(node)}`);
    await page.waitForSelector('[data-testid="collocates-table"] tbody tr');
    const shown = await page.$$eval('[data-testid="collocates-table"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const counted = await runQuery(db.connector, collocates(NO_FILTERS, node, 3));
    expect(shown.length).toBe(Math.min(50, counted.length));
    const together = new Map(counted.map((c) => [c.term, c.together]));
    for (const r of shown) expect(Number(r[3]), r[0]).toBe(together.get(r[0]!));
    // every 两个确立 sentence of the collection says 决定性意义
    expect(shown.map((r) => r[0])).toContain('决定性');
    await waitForChart(page, '[data-testid="chart-collocates"]');
  });

  it('compares two units by the terms one uses more, counted as the query counts them', async () => {
    await open(`trends?compare-by=org&unit-a=${encodeURIComponent('青石镇')}&unit-b=${encodeURIComponent('白沙镇')}`);
    await page.waitForSelector('[data-testid="unit-keyness-table"] tbody tr');
    const shown = await page.$$eval('[data-testid="unit-keyness-table"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const counts = new Map(
      (await runQuery(db.connector, groupKeyness(NO_FILTERS, { by: 'org', a: '青石镇', b: '白沙镇', minFreq: 3 }))).map((c) => [c.term, [c.freq_a, c.freq_b]]),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) expect([Number(r[1]), Number(r[3])], r[0]).toEqual(counts.get(r[0]!));
    expect(page.url()).toContain('compare-by=org');
  });
});

describe('kinds of copying in the dashboard', () => {
  it('recycled text by kind, per year, is what doc_reuse sums to', async () => {
    await open('boilerplate');
    await waitForChart(page, '[data-testid="chart-reuse-kinds"]');
    const rows = await chartData('chart-reuse-kinds');
    const expected = await query(
      `SELECT d.year::VARCHAR AS year, sum(d.char_count)::BIGINT AS chars, sum(r.self_chars)::BIGINT AS self, sum(r.vertical_chars)::BIGINT AS vertical,
              sum(r.template_chars)::BIGINT AS template, sum(r.horizontal_chars)::BIGINT AS horizontal
       FROM corpus.documents d LEFT JOIN corpus.doc_reuse r USING (doc_id) WHERE d.year IS NOT NULL GROUP BY d.year ORDER BY d.year`,
    );
    const shown = new Map(rows.map((r) => [r[0], r]));
    for (const e of expected) {
      const row = shown.get(String(e.year));
      expect(row, String(e.year)).toBeDefined();
      expect([int(row![1]), int(row![2]), int(row![3]), int(row![4]), int(row![5])], String(e.year)).toEqual(
        [e.chars, e.self, e.vertical, e.template, e.horizontal].map(Number),
      );
    }
    // the fixture's kinds are all there: 2022 has the county's paragraph in two towns, 2023 the template and the peers
    const y2022 = shown.get('2022')!;
    const y2023 = shown.get('2023')!;
    expect(int(y2022[3])).toBeGreaterThan(0);
    expect(int(y2023[2])).toBeGreaterThan(0);
    expect(int(y2023[4])).toBeGreaterThan(0);
    expect(int(y2023[5])).toBeGreaterThan(0);
  });

  it("self-copying per unit: 袁家镇's 2023 report took its share from the 2022 one", async () => {
    await waitForChart(page, '[data-testid="chart-self-copy"]');
    const rows = await chartData('chart-self-copy');
    const [e] = await query(
      `SELECT sum(r.self_earlier_chars)::BIGINT AS took, sum(d.char_count)::BIGINT AS chars FROM corpus.documents d JOIN corpus.doc_reuse r USING (doc_id)
       WHERE d.org = '袁家镇' AND d.year = 2023`,
    );
    expect(Number(e?.took)).toBeGreaterThan(100);
    const row = rows.find((r) => r[0] === '袁家镇' && r[1] === '2023');
    expect(row).toBeDefined();
    expect(int(row![4])).toBe(Number(e?.took));
    expect(Number(row![5])).toBeCloseTo((100 * Number(e?.took)) / Number(e?.chars), 1);
    expect(rows.find((r) => r[0] === '袁家镇' && r[1] === '2022')?.[4]).toBe('0');
  });

  it('the network colours edges by kind, points them from the earlier year, and can group documents by unit', async () => {
    await waitForChart(page, '[data-testid="chart-reuse-network"]');
    const legend = await page.$$eval('[data-testid="network-kind-legend"] [data-kind]', (els) => els.map((e) => e.getAttribute('data-kind')));
    expect(legend).toEqual(['self', 'vertical', 'template', 'horizontal']);
    // the edges the chart draws (its data table): the county plan's two towns are vertical, from the county;
    // the two towns' shared copy of it is a template; the town's own two reports are self, from 2022 to 2023
    const edges = await chartData('chart-reuse-network');
    const [county] = await query(`SELECT doc_id FROM corpus.documents WHERE source_path LIKE '%county_2022.txt'`);
    const [y22, y23] = await query(`SELECT doc_id FROM corpus.documents WHERE org = '袁家镇' ORDER BY year`);
    const fromCounty = edges.filter((e) => e[0] === `#${county?.doc_id}`);
    expect(fromCounty.map((e) => e[4])).toEqual(['上下级（照抄上级）', '上下级（照抄上级）']);
    expect(edges.find((e) => e[0] === `#${y22?.doc_id}` && e[1] === `#${y23?.doc_id}`)?.slice(4)).toEqual(['同单位（跨时抄）', '按年份：来源 → 另一方']);
    expect(edges.filter((e) => e[4] === '模板（多单位共用）').length).toBeGreaterThanOrEqual(4);
    // grouped by unit, 袁家镇's two reports are one node: no edge between them
    await page.click('[data-testid="chart-reuse-network"] button:has-text("单位")');
    await expect
      .poll(async () => (await chartData('chart-reuse-network')).filter((e) => e[0] === '袁家镇' || e[1] === '袁家镇').length, { timeout: 5000 })
      .toBe(0);
    const byUnit = await chartData('chart-reuse-network');
    expect(byUnit.find((e) => e[0] === '嘉禾县委宣传部' && e[1] === '塘村镇')?.[4]).toBe('上下级（照抄上级）');
  });

  it("the ranking shows each document's recycled characters by kind", async () => {
    const [town] = await query(
      `SELECT d.doc_id, r.vertical_chars, r.reused_chars FROM corpus.documents d JOIN corpus.doc_reuse r USING (doc_id) WHERE d.source_path LIKE '%tangcun_2022.txt'`,
    );
    // the documents placed in 嘉禾县 only: the collection's other reports would push the town off the first page
    await open('boilerplate?place=431024');
    await page.waitForSelector(`[data-testid="recycled-table"] tr[data-key="${town?.doc_id}"]`);
    const kinds = await page.$$eval(`[data-testid="recycled-table"] tr[data-key="${town?.doc_id}"] [data-testid="kind-bar"] [data-kind]`, (els) =>
      els.map((e) => e.getAttribute('data-kind')),
    );
    expect(kinds[0]).toBe('vertical');
  });

  it("un-localised copies: the table lists the plan that kept 桂阳县's townships, and its reader says so", async () => {
    await open('boilerplate');
    await page.waitForSelector('[data-testid="unlocalised-table"] tbody tr');
    const rows = await page.$$eval('[data-testid="unlocalised-table"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const [copy] = await query(`SELECT doc_id FROM corpus.documents WHERE source_path LIKE '%jiahe_2023.txt'`);
    const [source] = await query(`SELECT doc_id FROM corpus.documents WHERE source_path LIKE '%guiyang_2022.txt'`);
    const flagged = await query(`SELECT DISTINCT doc_id FROM corpus.unlocalised`);
    expect(flagged.map((f) => f.doc_id)).toEqual([copy?.doc_id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe(String(copy?.doc_id));
    expect(rows[0]![3]).toBe('湖南省 郴州市 嘉禾县');
    expect(rows[0]![4]!.split('、').sort()).toEqual(['仁义镇', '太和镇', '敖泉镇', '洋市镇'].sort());
    expect(rows[0]![6]).toContain(`#${source?.doc_id} 桂阳县`);
    await open(`documents?doc=${copy?.doc_id}`);
    await page.waitForSelector('[data-testid="reader-unlocalised"]');
    expect(await page.textContent('[data-testid="reader-unlocalised"]')).toBe('未本地化 4 处');
    expect(await page.getAttribute('[data-testid="reader-unlocalised"]', 'title')).toContain(`敖泉镇 ← #${source?.doc_id} (湖南省 郴州市 桂阳县)`);
  });

  it('quotation of reference texts: listed apart, in the reader, and never in a recycled share', async () => {
    await open('boilerplate');
    await page.waitForSelector('[data-testid="quotations"] tbody tr');
    const rows = await page.$$eval('[data-testid="quotations"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const [stored] = await query(`SELECT count(DISTINCT doc_id)::INTEGER AS docs, count(*)::INTEGER AS passages FROM corpus.quotations`);
    expect(rows).toEqual([['关于加强新时代基层宣传思想文化工作的意见', String(stored?.docs), String(stored?.passages), expect.any(String)]]);
    expect(stored?.docs).toBe(3);
    const [town] = await query(
      `SELECT d.doc_id, r.quoted_chars, r.reused_chars FROM corpus.documents d JOIN corpus.doc_reuse r USING (doc_id) WHERE d.source_path LIKE '%longmen_2023.txt'`,
    );
    expect([Number(town?.reused_chars), Number(town?.quoted_chars) > 60]).toEqual([0, true]);
    await open(`documents?doc=${town?.doc_id}`);
    await page.waitForSelector('[data-testid="reader-quotations"]');
    expect(await page.textContent('[data-testid="reader-quotations"]')).toBe('引用参考文本 1 处');
    expect(await page.getAttribute('[data-testid="reader-quotations"]', 'title')).toContain('← 关于加强新时代基层宣传思想文化工作的意见');
  });

  it('saw no console error and no request leaving the origin', () => {
    expect(problems).toEqual([]);
  });
});
