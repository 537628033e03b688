/**
 * The reuse stage: finds copied and disguised passages across and within documents, groups them into
 * clusters classified as formula or copy, and computes each document's recycled share.
 * Public API: {@link detectReuse} (and {@link detectReuseParallel}, its worker-thread form), {@link loadSynonyms}, {@link DEFAULT_REUSE_CONFIG}, {@link reuseTableRows};
 * the normalisation and synonym-table functions below it are exported for the tests.
 */
export { detectReuse, detectReuseParallel } from './detect';
export { DEFAULT_REUSE_CONFIG } from './config';
export { loadSynonyms, parseSynonyms } from './synonym-table';
export { reuseTableRows } from './rows';
export { normalise, normaliseChars, originalSpan, normString, type NormText } from './normalise';
export { compileSynonyms } from './synonyms';
export type {
  ReuseDoc,
  ReuseConfig,
  ReuseResult,
  ReuseRow,
  ReuseClusterRow,
  DocReuseRow,
  FormulaRule,
  AlignScores,
  ClusterKind,
  ClusterReason,
  ReuseDirection,
} from './types';
