/**
 * Formulations: the mining rules on their own (numerals, ordinals, growing a phrase while one
 * continuation dominates, function words), the lifecycle rule on stated figures, and the real ingest on
 * the collection of `formulations-fixture.ts`, whose schedule says what must be found.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { lifecycle } from '../../ingest/stages/formulations/lifecycle';
import { mineNumbered, numeralValue, splitNumbered } from '../../ingest/stages/formulations/mine';
import { runIngest } from '../../ingest/pipeline';
import { tempDir } from '../fixtures/temp';
import { queryDb, ROOT } from './helpers';
import { SCHEDULE, TOWNS, writeFormulationsFixture, YEARS } from './formulations-fixture';

const RULE = { minDocs: 3, minUnits: 2, extendShare: 0.9, extendMin: 3 };
const occ = (written: string, i: number) => ({ ...splitNumbered(written)!, doc: i, unit: `u${i}` });

describe('mining numbered formulations', () => {
  it('reads numerals, folds them, and leaves ordinals, articles and numbers past 20 out', () => {
    expect(['两', '二', '十', '十九', '二十', '12'].map(numeralValue)).toEqual([2, 2, 10, 19, 20, 12]);
    expect(splitNumbered('4个意识坚定')).toEqual({ prefix: '四个', written: '4个', tail: '意识坚定' });
    expect(splitNumbered('2个维护')?.prefix).toBe('两个');
    expect(splitNumbered('二十大精神')?.prefix).toBe('二十大');
    expect([splitNumbered('第二个百年'), splitNumbered('一项工作'), splitNumbered('30个党组织')]).toEqual([null, null, null]);
  });

  it('grows a phrase while one continuation dominates, and stops where they vary', () => {
    const texts = ['五个必由之路，', '五个必由之路是', '五个必由之路。', '四个意识坚定', '四个意识、', '四个意识，做到'];
    const mined = mineNumbered(
      texts.map((t, i) => occ(t, i)),
      RULE,
    );
    expect(mined.map((m) => m.formulation).sort()).toEqual(['五个必由之路', '四个意识']);
  });

  it('grows along the dominant continuation whichever occurrence comes first', () => {
    // one document in twenty goes on differently after 四个全面 than the other nineteen
    const texts = ['四个全面从严', ...Array.from({ length: 19 }, () => '四个全面深化')];
    for (const order of [texts, [...texts].reverse()]) {
      expect(mineNumbered(order.map(occ), RULE).map((m) => [m.formulation, m.forms])).toEqual([['四个全面深化', ['四个全面深化']]]);
    }
  });

  it('never grows through a function word, nor starts with one', () => {
    const mined = mineNumbered(['十九大和十九届', '十九大和十九届', '十九大和十九届', '八项规定的要求', '八项规定的要求', '八项规定的要求'].map(occ), RULE);
    expect(mined.map((m) => m.formulation)).toEqual(['八项规定']);
  });

  it('needs enough documents and units', () => {
    expect(mineNumbered([occ('两个确立', 1), occ('两个确立', 2)], RULE)).toEqual([]);
    expect(mineNumbered([occ('两个确立', 1), occ('两个确立', 1), occ('两个确立', 1)], RULE)).toEqual([]);
  });
});

describe('lifecycle', () => {
  const points = (docs: number[], yearDocs = 10) => docs.map((d, i) => ({ year: 2015 + i, docs: d, yearDocs }));
  it('names debut, spread, peak, fade and return with their figures', () => {
    const at = (event: string, year: number, docs: number, peak: [number, number] | null = null) => ({
      event,
      year,
      docs,
      yearDocs: 10,
      peakYear: peak?.[0] ?? null,
      peakShare: peak?.[1] ?? null,
    });
    expect(lifecycle(points([0, 1, 4, 8, 3, 1, 6]))).toEqual([
      at('debut', 2016, 1),
      at('spread', 2017, 4),
      at('peak', 2018, 8),
      at('fade', 2019, 3, [2018, 0.8]),
      at('return', 2021, 6, [2018, 0.8]),
    ]);
  });
  it('lets a year with too few documents decide nothing but a debut', () => {
    const thin = [{ year: 2015, docs: 1, yearDocs: 1 }, ...points([2, 2], 10).map((p) => ({ ...p, year: p.year + 1 }))];
    expect(lifecycle(thin).map((e) => [e.event, e.year])).toEqual([
      ['debut', 2015],
      ['peak', 2016],
    ]);
  });
});

describe('formulations through the ingest', () => {
  let db: string;
  beforeAll(async () => {
    const dir = tempDir('formulations');
    writeFormulationsFixture(join(dir, 'in'));
    db = join(dir, 'corpus.duckdb');
    await runIngest(defaultConfig(ROOT, { input: join(dir, 'in'), db }));
  }, 120_000);

  it('mines exactly the scheduled formulations, with their variants, and none of the distractors', async () => {
    const rows = await queryDb<{ formulation: string; kind: string; variants: string | null; docs: number; units: number }>(
      db,
      'SELECT formulation, kind, variants, docs, units FROM formulations ORDER BY formulation',
    );
    const expected = Object.entries(SCHEDULE).map(([f, by]) => ({ formulation: f, docs: Object.values(by).reduce((a, b) => a + b, 0) }));
    expect(rows.map((r) => ({ formulation: r.formulation, docs: r.docs }))).toEqual(expected.sort((a, b) => (a.formulation < b.formulation ? -1 : 1)));
    expect(Object.fromEntries(rows.map((r) => [r.formulation, [r.kind, r.variants]]))).toEqual({
      三严三实: ['compound', null],
      两个确立: ['numbered', null],
      两学一做: ['compound', null],
      四个意识: ['numbered', '4个意识'],
      学习强国: ['quoted', null],
      红色宣讲车: ['quoted', null],
    });
    const fresh = await queryDb<{ formulation: string }>(db, 'SELECT formulation FROM formulations WHERE NOT in_user_dict');
    expect(fresh.map((r) => r.formulation)).toEqual(['红色宣讲车']);
    // the first n towns use it in a year: its units are the most towns of any year
    for (const r of rows) expect(r.units, r.formulation).toBe(Math.max(...Object.values(SCHEDULE[r.formulation]!)));
  });

  it('counts each year as the schedule says, zeros included', async () => {
    const years = await queryDb<{ formulation: string; year: number; docs: number; year_docs: number }>(
      db,
      'SELECT formulation, year, docs, year_docs FROM formulation_years ORDER BY formulation, year',
    );
    for (const [f, by] of Object.entries(SCHEDULE)) {
      expect(years.filter((y) => y.formulation === f).map((y) => [y.year, y.docs, y.year_docs])).toEqual(YEARS.map((y) => [y, by[y] ?? 0, TOWNS.length]));
    }
  });

  it('dates the life of each: 三严三实 fades and returns, 两个确立 debuts in 2021 and spreads', async () => {
    const events = await queryDb<{ formulation: string; event: string; year: number }>(
      db,
      'SELECT formulation, event, year FROM formulation_events ORDER BY formulation, year, event',
    );
    const of = (f: string) => events.filter((e) => e.formulation === f).map((e) => `${e.event} ${e.year}`);
    expect(of('三严三实')).toEqual(['debut 2015', 'peak 2015', 'fade 2017', 'return 2021']);
    expect(of('两个确立')).toEqual(['debut 2021', 'spread 2022', 'peak 2023']);
    expect(of('两学一做')).toEqual(['debut 2016', 'peak 2016', 'fade 2018']);
  });
});
