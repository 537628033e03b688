/**
 * Verified passages held as columns: a corpus of 10^5 documents has millions of them, and an object
 * (or four) per passage outgrows the JavaScript heap where a few typed arrays do not.
 */
import { grown } from './columns';
import type { ScoredSegment } from './merge';

/** A half-open span `[start, end)` of a document's original text (JS string indices). */
export type TextSpan = readonly [number, number];

/** Numbers per passage in a {@link SegmentList} (and in a verification worker's answer): a, b, aStart, aEnd, bStart, bEnd, edits. */
export const SEGMENT_FIELDS = 7;

/** Merged passages of document pairs (internal indices, normalised units) in the order they were found, {@link SEGMENT_FIELDS} numbers each. */
export class SegmentList {
  data = new Int32Array(1024 * SEGMENT_FIELDS);
  length = 0;

  private reserve(n: number): void {
    if (n * SEGMENT_FIELDS > this.data.length) this.data = grown(this.data, Math.max(n * SEGMENT_FIELDS, this.data.length * 2));
  }

  push(a: number, b: number, s: ScoredSegment): void {
    this.reserve(this.length + 1);
    this.data.set([a, b, s.aStart, s.aEnd, s.bStart, s.bEnd, s.edits], this.length * SEGMENT_FIELDS);
    this.length++;
  }

  /** Append passages already packed {@link SEGMENT_FIELDS} numbers each. */
  pushPacked(packed: Int32Array): void {
    if (packed.length % SEGMENT_FIELDS !== 0) throw new Error('reuse: malformed passage list');
    const n = packed.length / SEGMENT_FIELDS;
    this.reserve(this.length + n);
    this.data.set(packed, this.length * SEGMENT_FIELDS);
    this.length += n;
  }
}

/** One hit as an object: documents `a` and `b` (internal indices), the passage `seg` (normalised units) and the original text each side covers. */
export interface PairHit {
  readonly a: number;
  readonly b: number;
  readonly seg: ScoredSegment;
  readonly spanA: TextSpan;
  readonly spanB: TextSpan;
}

/**
 * Hits as columns. Hit h has two occurrences: 2h, its side in document a, and 2h + 1, its side in
 * document b. Per occurrence: the document's internal index, the normalised span `[start, end)` and
 * the original text span `[spanStart, spanEnd)` it covers (see `passageSpan`); per hit, the edit
 * distance of its two normalised spans.
 */
export class Hits {
  readonly doc: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  readonly edits: Int32Array;

  constructor(readonly length: number) {
    this.doc = new Int32Array(2 * length);
    this.start = new Int32Array(2 * length);
    this.end = new Int32Array(2 * length);
    this.spanStart = new Int32Array(2 * length);
    this.spanEnd = new Int32Array(2 * length);
    this.edits = new Int32Array(length);
  }

  /** The original text span of occurrence `o`. */
  span(o: number): TextSpan {
    return [this.spanStart[o]!, this.spanEnd[o]!];
  }

  /** Hit h as an object. */
  at(h: number): PairHit {
    const [a, b] = [2 * h, 2 * h + 1];
    return {
      a: this.doc[a]!,
      b: this.doc[b]!,
      seg: { aStart: this.start[a]!, aEnd: this.end[a]!, bStart: this.start[b]!, bEnd: this.end[b]!, edits: this.edits[h]! },
      spanA: this.span(a),
      spanB: this.span(b),
    };
  }

  /** Hits from objects, in their order. */
  static of(list: readonly PairHit[]): Hits {
    const hits = new Hits(list.length);
    list.forEach((x, h) => {
      for (const [o, doc, start, end, span] of [
        [2 * h, x.a, x.seg.aStart, x.seg.aEnd, x.spanA],
        [2 * h + 1, x.b, x.seg.bStart, x.seg.bEnd, x.spanB],
      ] as const) {
        hits.doc[o] = doc;
        hits.start[o] = start;
        hits.end[o] = end;
        [hits.spanStart[o], hits.spanEnd[o]] = span;
      }
      hits.edits[h] = x.seg.edits;
    });
    return hits;
  }
}
