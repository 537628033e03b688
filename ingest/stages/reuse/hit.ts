import type { ScoredSegment } from './merge';

/** A verified, merged passage pair between documents `a` and `b` (internal indices into the sorted docs). */
export interface PairHit {
  readonly a: number;
  readonly b: number;
  readonly seg: ScoredSegment;
}
