/** Log-likelihood, log ratio and direction against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { direction, keynessOf, logLikelihood, logRatio, type Direction } from '../../web/stats/keyness';
import { defaultYears, isThin, MIN_CHARS, MIN_DOCS } from '../../web/stats/sample';
import { scoreKeyness, type KeynessCount } from '../../web/queries/trends';

describe('keyness', () => {
  it('matches a hand-computed G²', () => {
    // a=10 in 1000, b=5 in 1000: E1 = E2 = 7.5; G² = 2(10 ln(10/7.5) + 5 ln(5/7.5)) = 1.6990
    expect(logLikelihood(10, 5, 1000, 1000)).toBeCloseTo(1.699, 3);
    expect(logLikelihood(0, 0, 1000, 1000)).toBe(0);
    expect(logLikelihood(20, 0, 1000, 1000)).toBeCloseTo(2 * 20 * Math.log(2), 6);
  });

  it('gives log ratios with the 0.5 rule for zeros', () => {
    expect(logRatio(10, 5, 1000, 1000)).toBeCloseTo(1, 9);
    expect(logRatio(4, 0, 1000, 1000)).toBeCloseTo(3, 9);
    expect(logRatio(5, 10, 1000, 2000)).toBeCloseTo(0, 9);
  });
});

/**
 * The hand-computed table: focus corpus c characters, reference d characters. G² by
 * 2 Σ o ln(o / e) with e1 = c(a+b)/(c+d), e2 = d(a+b)/(c+d); log ratio log2((a/c)/(b/d)), a zero
 * count taken as 0.5, then clamped to the sign of the raw rates.
 */
const TABLE: { a: number; b: number; c: number; d: number; rateA: number; rateB: number; g2: number; lr: number; dir: Direction }[] = [
  // 10 per 10k against 2.5: e1 = 4, e2 = 16; G² = 2(10 ln 2.5 + 10 ln 0.625) = 8.9257; ratio 4 → 2
  { a: 10, b: 10, c: 10_000, d: 40_000, rateA: 10, rateB: 2.5, g2: 8.9257, lr: 2, dir: 'rising' },
  // gone: 0 against 5 per 10k; G² = 2 · 20 ln(20/16) = 8.9257; log2((0.5/10000)/(20/40000)) = log2(0.1)
  { a: 0, b: 20, c: 10_000, d: 40_000, rateA: 0, rateB: 5, g2: 8.9257, lr: -3.3219, dir: 'gone' },
  // the case, a theme absent from a 469-character year: 0.5/469 > 20/40000 would give +1.0923
  // (▲); the raw rates say it fell, so the log ratio is clamped to 0 and G² = 2 · 20 ln(20/19.768) = 0.4663
  { a: 0, b: 20, c: 469, d: 40_000, rateA: 0, rateB: 5, g2: 0.4663, lr: 0, dir: 'gone' },
  // new: 5 against 0; e1 = 1; G² = 2 · 5 ln 5 = 16.0944; log2((5/10000)/(0.5/40000)) = log2(40)
  { a: 5, b: 0, c: 10_000, d: 40_000, rateA: 5, rateB: 0, g2: 16.0944, lr: 5.3219, dir: 'new' },
  // the same rate on both sides: no change, G² 0, log ratio 0
  { a: 2, b: 8, c: 10_000, d: 40_000, rateA: 2, rateB: 2, g2: 0, lr: 0, dir: 'flat' },
  // 1 against 7.5 per 10k: e1 = 6.2, e2 = 24.8; G² = 2(ln(1/6.2) + 30 ln(30/24.8)) = 7.7721; log2(1/7.5)
  { a: 1, b: 30, c: 10_000, d: 40_000, rateA: 1, rateB: 7.5, g2: 7.7721, lr: -2.9069, dir: 'falling' },
];

describe('keyness on a hand-computed table (one definition for themes and terms)', () => {
  it.each(TABLE)('a=$a b=$b c=$c d=$d', (row) => {
    const k = keynessOf(row.a, row.b, row.c, row.d);
    expect(k.rateA).toBeCloseTo(row.rateA, 9);
    expect(k.rateB).toBeCloseTo(row.rateB, 9);
    expect(k.g2).toBeCloseTo(row.g2, 3);
    expect(k.logRatio).toBeCloseTo(row.lr, 3);
    expect(k.direction).toBe(row.dir);
  });

  it('never calls an item absent from the focus year rising, however small the focus year', () => {
    for (const c of [1, 10, 100, 469, 1000, 1e6]) {
      for (const b of [1, 2, 5, 20, 200]) {
        expect(direction(0, b, c, 40_000)).toBe('gone');
        expect(logRatio(0, b, c, 40_000)).toBeLessThanOrEqual(0);
        expect(logRatio(b, 0, 40_000, c)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('scores term counts from SQL with the same definition, keeping the strongest of each side', () => {
    const counts: KeynessCount[] = TABLE.map((r, i) => ({
      term: `t${i}`,
      freq_a: r.a,
      freq_b: r.b,
      chars_a: r.c,
      chars_b: r.d,
      docs_a: 1,
      docs_b: 4,
      is_new: false,
    }));
    const rows = scoreKeyness(counts, 10);
    for (const [i, r] of TABLE.entries()) {
      const row = rows.find((x) => x.term === `t${i}`);
      expect(row?.g2).toBeCloseTo(r.g2, 3);
      expect(row?.log_ratio).toBeCloseTo(r.lr, 3);
      expect(row?.direction).toBe(r.dir);
      expect(row?.rate_a).toBeCloseTo(r.rateA, 9);
    }
    expect(scoreKeyness(counts, 1).map((r) => r.term)).toEqual(['t3', 't1']); // the strongest up (new, G² 16.09) and down (gone, 8.93)
  });
});

describe('sample sizes', () => {
  it('marks thin groups and opens Trends on the two latest years with enough text', () => {
    expect(isThin({ docs: 1, chars: 50_000 })).toBe(true);
    expect(isThin({ docs: MIN_DOCS, chars: MIN_CHARS - 1 })).toBe(true);
    expect(isThin({ docs: MIN_DOCS, chars: MIN_CHARS })).toBe(false);
    // the sample corpus: 2016 (2 docs), 2020 (1), 2021 (2), 2023 (1), 2024 (3)
    const years = [
      { year: 2016, docs: 2, chars: 4193 },
      { year: 2020, docs: 1, chars: 2137 },
      { year: 2021, docs: 2, chars: 4592 },
      { year: 2023, docs: 1, chars: 2589 },
      { year: 2024, docs: 3, chars: 7262 },
    ];
    expect(defaultYears(years)).toEqual({ focus: 2024, reference: 2021, thinSkipped: [2023], fallback: false });
    // the case: the latest year has 2 short documents
    expect(
      defaultYears([
        { year: 2023, docs: 8, chars: 30_000 },
        { year: 2024, docs: 9, chars: 31_000 },
        { year: 2025, docs: 2, chars: 900 },
      ]),
    ).toEqual({ focus: 2024, reference: 2023, thinSkipped: [2025], fallback: false });
    expect(
      defaultYears([
        { year: 2023, docs: 1, chars: 100 },
        { year: 2024, docs: 1, chars: 100 },
      ]),
    ).toMatchObject({ focus: 2024, reference: 2023, fallback: true });
  });
});
