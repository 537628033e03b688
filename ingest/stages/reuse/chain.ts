import { chainThresholds, POS_SCALE } from './seeds';
import type { ReuseConfig } from './types';

/** A run of seeds of one document pair that lie near one diagonal: one candidate passage. */
export interface Chain {
  firstA: number;
  lastA: number;
  firstB: number;
  lastB: number;
  minDiag: number;
  maxDiag: number;
  seeds: number;
}

/**
 * Group the seeds of one document pair into chains: seeds sorted by position in A, each joining the
 * open chain whose last seed is at most `maxSeedGap` behind (in A and B) and whose diagonal is within
 * `maxDrift`, the closest diagonal winning. Chains with fewer than `minChainSeeds` seeds, or spanning
 * fewer than `minChainSpan` characters of A (first seed's start to last seed's end), are dropped: too
 * little evidence to be worth an alignment.
 */
export function chainSeeds(
  packed: Float64Array,
  config: Pick<ReuseConfig, 'maxSeedGap' | 'maxDrift' | 'minChainSeeds' | 'minChainSpan' | 'seedLength' | 'winnow' | 'winnowChain'>,
): Chain[] {
  const { maxSeedGap: maxGap, maxDrift, seedLength: k } = config;
  const { minChainSeeds: minSeeds, minChainSpan: minSpan } = chainThresholds(config);
  const sorted = packed.slice().sort();
  const open: Chain[] = [];
  const done: Chain[] = [];
  for (const key of sorted) {
    const a = Math.floor(key / POS_SCALE);
    const b = key - a * POS_SCALE;
    const d = b - a;
    // chains left more than maxGap behind are done; the others keep their order (compacted in place)
    let kept = 0;
    for (const c of open) {
      if (c.lastA < a - maxGap) done.push(c);
      else open[kept++] = c;
    }
    open.length = kept;
    let best: Chain | null = null;
    let bestDrift = Infinity;
    for (const c of open) {
      const drift = Math.abs(d - (c.lastB - c.lastA));
      if (drift > maxDrift || b < c.lastB || b - c.lastB > maxGap || drift >= bestDrift) continue;
      best = c;
      bestDrift = drift;
    }
    if (best) {
      best.lastA = a;
      best.lastB = b;
      best.minDiag = Math.min(best.minDiag, d);
      best.maxDiag = Math.max(best.maxDiag, d);
      best.seeds += 1;
    } else {
      open.push({ firstA: a, lastA: a, firstB: b, lastB: b, minDiag: d, maxDiag: d, seeds: 1 });
    }
  }
  for (const c of open) done.push(c);
  return done.filter((c) => c.seeds >= minSeeds && c.lastA + k - c.firstA >= minSpan).sort((x, y) => x.firstA - y.firstA || x.firstB - y.firstB);
}
