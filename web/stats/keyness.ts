/**
 * Keyness of one item between two corpora (Rayson & Garside's log-likelihood, Hardie's log ratio).
 * `a`, `b`: the item's counts in corpus A and B; `c`, `d`: the corpora's sizes. The SQL in
 * `queries/trends.ts` computes the same for terms; this is for themes, computed in the page.
 */

/** Log-likelihood G² (1 d.f.: 3.84 ≈ p < 0.05, 6.63 ≈ p < 0.01, 10.83 ≈ p < 0.001). */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c <= 0 || d <= 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const term = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (term(a, e1) + term(b, e2));
}

/** log2 of the ratio of relative frequencies; a zero count is taken as 0.5. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  return Math.log2((Math.max(a, 0.5) / c) / (Math.max(b, 0.5) / d));
}

/** The smallest G² for p < 0.05 with one degree of freedom. */
export const G2_P05 = 3.84;
