import type { ScoredSegment } from './merge';

/** A half-open span `[start, end)` of a document's original text (JS string indices). */
export type TextSpan = readonly [number, number];

/**
 * A verified, merged passage pair between documents `a` and `b` (internal indices into the sorted
 * docs): `seg` in normalised units, `spanA`/`spanB` the original text it covers (see `passageSpan`).
 */
export interface PairHit {
  readonly a: number;
  readonly b: number;
  readonly seg: ScoredSegment;
  readonly spanA: TextSpan;
  readonly spanB: TextSpan;
}
