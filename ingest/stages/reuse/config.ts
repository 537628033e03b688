import type { ReuseConfig } from './types';

/**
 * Defaults of the reuse stage. A reported passage is at least 25 normalised characters (about 30
 * characters of running text with punctuation) and at least 0.8 similar after normalisation. A
 * source → copy direction needs at least 200 shared characters (a paragraph, not a sentence that two
 * units could have taken from a common source) and two known, different years.
 */
export const DEFAULT_REUSE_CONFIG: ReuseConfig = {
  minChars: 25,
  seedLength: 8,
  maxSeedOccurrences: 8,
  winnow: 0,
  winnowChain: { minChainSeeds: 1, minChainSpan: 8 },
  partitionChars: 20_000_000,
  seedBufferBytes: 256 * 2 ** 20,
  threads: 0,
  verifyBatchSeeds: 1 << 18,
  parallelMinChars: 2_000_000,
  minChainSeeds: 3,
  minChainSpan: 14,
  maxSeedGap: 40,
  maxDrift: 12,
  alignPad: 24,
  bandPad: 8,
  scores: { match: 1, mismatch: -2, gap: -2 },
  minSimilarity: 0.8,
  mergeGap: 60,
  clusterOverlap: 0.5,
  formula: {
    minDocs: 3,
    minUnits: 3,
    spreadMaxChars: 120,
    maxChars: 80,
    minTermCoverage: 0.5,
  },
  representativeMaxChars: 300,
  directionMinChars: 200,
  templateMinUnits: 3,
};
