/**
 * Keyness of one item (a theme or a term) between a focus corpus A and a reference corpus B, the one
 * definition every view uses (themes and terms alike): Rayson & Garside's log-likelihood G² and
 * Hardie's log ratio, on counts normalised per 10,000 characters.
 *
 * `a`, `b`: the item's counts in A and B; `c`, `d`: the corpora's sizes in characters.
 *
 * Small counts: the direction (rising, falling, new, gone) is read from the raw relative frequencies
 * `a/c` and `b/d`, never from a smoothed value, so an item absent from the focus year is never rising.
 * For the log ratio a zero count is taken as 0.5 (Hardie 2014), and the result is then clamped so its
 * sign never contradicts the raw rates: when the focus corpus is small, 0.5/c can exceed b/d, and an
 * absent item would otherwise show ▲; it shows 0 instead (no evidence either way).
 */

/** Log-likelihood G² (1 d.f.: 3.84 ≈ p < 0.05, 6.63 ≈ p < 0.01, 10.83 ≈ p < 0.001). */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c <= 0 || d <= 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const term = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (term(a, e1) + term(b, e2));
}

/** The count a zero is replaced by in the log ratio. */
export const ZERO_COUNT = 0.5;

/**
 * log2 of the ratio of relative frequencies; a zero count is taken as {@link ZERO_COUNT}, and the
 * result never has a sign the raw rates contradict (see the module comment).
 */
export function logRatio(a: number, b: number, c: number, d: number): number {
  if (c <= 0 || d <= 0) return 0;
  const lr = Math.log2(Math.max(a, ZERO_COUNT) / c / (Math.max(b, ZERO_COUNT) / d));
  const raw = a / c - b / d;
  if (raw > 0) return Math.max(lr, 0);
  if (raw < 0) return Math.min(lr, 0);
  return 0;
}

/** The smallest G² for p < 0.05 with one degree of freedom. */
export const G2_P05 = 3.84;

/**
 * How an item moved from B to A: `new` (absent from B, present in A), `gone` (present in B, absent
 * from A), `rising` / `falling` (present in both, higher / lower rate in A), `flat` (same rate, or
 * absent from both).
 */
export type Direction = 'rising' | 'falling' | 'new' | 'gone' | 'flat';

/** The direction of an item from its raw counts and the corpus sizes. */
export function direction(a: number, b: number, c: number, d: number): Direction {
  if (a > 0 && b === 0) return 'new';
  if (a === 0 && b > 0) return 'gone';
  const diff = c > 0 && d > 0 ? a / c - b / d : 0;
  return diff > 0 ? 'rising' : diff < 0 ? 'falling' : 'flat';
}

/** Whether a direction means more in A (▲) than in B. */
export function isUp(dir: Direction): boolean {
  return dir === 'rising' || dir === 'new';
}

/** Rates per 10,000 characters: the one normalisation unit of the dashboard. */
export const PER = 10_000;

/** The keyness of one item: counts, rates per 10,000 characters, G², log ratio and direction. */
export interface Keyness {
  a: number;
  b: number;
  rateA: number;
  rateB: number;
  g2: number;
  logRatio: number;
  direction: Direction;
}

/** Everything about one item between A (size `c` characters) and B (size `d`). */
export function keynessOf(a: number, b: number, c: number, d: number): Keyness {
  return {
    a,
    b,
    rateA: c > 0 ? (a * PER) / c : 0,
    rateB: d > 0 ? (b * PER) / d : 0,
    g2: logLikelihood(a, b, c, d),
    logRatio: logRatio(a, b, c, d),
    direction: direction(a, b, c, d),
  };
}
