/**
 * Verify and extend one candidate chain: align its window locally, keep the passages that are long and
 * similar enough, and look again on either side of what was found (a window may hold several passages).
 */
import type { Codes } from './normalise';
import { localAlign, splitAlignment, INS, type Box, type Segment } from './align';
import type { Chain } from './chain';
import type { ReuseConfig } from './types';

/** The alignment window of a chain: its seeds' extent plus `alignPad`, its diagonals plus `bandPad`. */
function chainBox(chain: Chain, lenA: number, lenB: number, same: boolean, config: ReuseConfig): Box {
  const { alignPad, bandPad, seedLength } = config;
  return {
    aLo: Math.max(0, chain.firstA - alignPad),
    aHi: Math.min(lenA, chain.lastA + seedLength + alignPad),
    bLo: Math.max(0, chain.firstB - alignPad),
    bHi: Math.min(lenB, chain.lastB + seedLength + alignPad),
    dLo: same ? Math.max(1, chain.minDiag - bandPad) : chain.minDiag - bandPad,
    dHi: chain.maxDiag + bandPad,
  };
}

/** Least alignment score a reportable passage can have (minChars long, minSimilarity similar). */
function minScore(config: ReuseConfig): number {
  const { match, mismatch, gap } = config.scores;
  const s = config.minChars * (config.minSimilarity * match + (1 - config.minSimilarity) * Math.min(mismatch, gap));
  return Math.max(1, Math.floor(s));
}

/** Whether a chain lies inside a passage already found. */
export function chainCovered(chain: Chain, found: readonly Segment[], k: number): boolean {
  return found.some((s) => chain.firstA >= s.aStart && chain.lastA + k <= s.aEnd && chain.firstB >= s.bStart && chain.lastB + k <= s.bEnd);
}

/** The passages a chain's window holds (normalised spans, ordered by A). */
export function verifyChain(a: Codes, b: Codes, chain: Chain, same: boolean, config: ReuseConfig): Segment[] {
  const out: Segment[] = [];
  const { seedLength } = config;
  const floor = minScore(config);
  const stack: Box[] = [chainBox(chain, a.length, b.length, same, config)];
  while (stack.length > 0) {
    const box = stack.pop()!;
    if (box.aHi - box.aLo < config.minChars * config.minSimilarity) continue;
    const al = localAlign(a, b, box, config.scores);
    if (!al || al.score < floor) continue;
    out.push(...splitAlignment(al, config.minChars, config.minSimilarity));
    let aEnd = al.aStart;
    for (const op of al.ops) if (op !== INS) aEnd += 1;
    // Look again only where the chain has seeds the alignment did not reach.
    if (chain.firstA < al.aStart - seedLength) stack.push({ ...box, aHi: al.aStart });
    if (chain.lastA > aEnd) stack.push({ ...box, aLo: aEnd });
  }
  return out.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}
