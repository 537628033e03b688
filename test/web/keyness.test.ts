/** Log-likelihood and log ratio against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { logLikelihood, logRatio } from '../../web/stats/keyness';

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
