/** The `reuse` rows held as columns, and the reuse result as table rows built by column name (`common/schema.ts`). */
import type { RowOf } from '../../../common/schema';
import { orderByKeys } from './columns';
import type { Hits } from './hit';
import type { ReuseDoc, ReuseResult, ReuseRow } from './types';

/** Numbers per row in {@link ReuseRows}' integer columns: docA, startA, endA, docB, startB, endB, clusterId. */
const FIELDS = 7;

/** Whether `a` comes first in a pair with `b` (its doc_a): the earlier document when both years are known and differ, else the lower doc_id. */
export function isSource(a: Pick<ReuseDoc, 'docId' | 'year'>, b: Pick<ReuseDoc, 'docId' | 'year'>): boolean {
  return a.year !== null && b.year !== null && a.year !== b.year ? a.year < b.year : a.docId < b.docId;
}

/**
 * The rows of `reuse` as columns, in table order (docA, docB, startA, startB): millions of them take
 * a few typed arrays, and {@link ReuseRows.at} or iteration gives each as a {@link ReuseRow}.
 */
export class ReuseRows implements Iterable<ReuseRow> {
  private constructor(
    private readonly ints: Int32Array,
    private readonly similarity: Float64Array,
  ) {}

  get length(): number {
    return this.similarity.length;
  }

  at(i: number): ReuseRow {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`reuse: no row ${i} of ${this.length}`);
    const x = this.ints.subarray(i * FIELDS, (i + 1) * FIELDS);
    return {
      docA: x[0]!,
      startA: x[1]!,
      endA: x[2]!,
      docB: x[3]!,
      startB: x[4]!,
      endB: x[5]!,
      similarity: this.similarity[i]!,
      clusterId: x[6]!,
    };
  }

  *[Symbol.iterator](): Iterator<ReuseRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toArray(): ReuseRow[] {
    return [...this];
  }

  /**
   * One row per hit, oriented: `docA` is the earlier year when the years differ, else the lower
   * docId; similarity is 1 − edits / longer normalised span, to four places. `clusterOf[h]` is hit
   * h's 0-based cluster; `docs` are the documents by internal index.
   */
  /** Rows from the hits, each with its likely source ({@link isSource}) as doc_a. */
  static fromHits(hits: Hits, clusterOf: Int32Array, docs: readonly ReuseDoc[]): ReuseRows {
    const n = hits.length;
    const ints = new Int32Array(n * FIELDS);
    const similarity = new Float64Array(n);
    for (let h = 0; h < n; h++) {
      let [a, b] = [2 * h, 2 * h + 1];
      const longer = Math.max(hits.end[a]! - hits.start[a]!, hits.end[b]! - hits.start[b]!);
      similarity[h] = Math.round((1 - hits.edits[h]! / longer) * 10_000) / 10_000;
      const da = docs[hits.doc[a]!]!;
      const db = docs[hits.doc[b]!]!;
      if (isSource(db, da)) [a, b] = [b, a];
      const at = h * FIELDS;
      ints[at] = docs[hits.doc[a]!]!.docId;
      ints[at + 1] = hits.spanStart[a]!;
      ints[at + 2] = hits.spanEnd[a]!;
      ints[at + 3] = docs[hits.doc[b]!]!.docId;
      ints[at + 4] = hits.spanStart[b]!;
      ints[at + 5] = hits.spanEnd[b]!;
      ints[at + 6] = clusterOf[h]! + 1;
    }
    const col =
      (k: number) =>
      (row: number): number =>
        ints[row * FIELDS + k]!;
    const order = orderByKeys(n, [col(0), col(3), col(1), col(4)]); // docA, docB, startA, startB
    const sortedInts = new Int32Array(n * FIELDS);
    const sortedSimilarity = new Float64Array(n);
    order.forEach((h, i) => {
      sortedInts.set(ints.subarray(h * FIELDS, (h + 1) * FIELDS), i * FIELDS);
      sortedSimilarity[i] = similarity[h]!;
    });
    return new ReuseRows(sortedInts, sortedSimilarity);
  }
}

type ToCodePoints = (docId: number) => (index: number) => number;

/** The rows `keep` keeps, made one at a time by `row` with each side's offsets converted (`a` for docA, `b` for docB). */
function offsetRows<T>(
  rows: ReuseRows,
  toCodePoints: ToCodePoints,
  keep: (r: ReuseRow) => boolean,
  row: (r: ReuseRow, a: (index: number) => number, b: (index: number) => number) => T,
): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (const r of rows) if (keep(r)) yield row(r, toCodePoints(r.docA), toCodePoints(r.docB));
    },
  };
}

/**
 * Rows of `reuse`, `reuse_clusters`, `doc_reuse`, `reuse_pairs` and `quotations`; `toCodePoints(docId)`
 * converts that document's string indices to the stored offsets. Documents after `corpusDocs` are
 * reference texts (ref_id = docId − corpusDocs): a passage shared with one is a quotation, not a reuse row.
 */
export function reuseTableRows(
  result: ReuseResult,
  toCodePoints: ToCodePoints = () => (i) => i,
  corpusDocs = Infinity,
): {
  reuse: Iterable<RowOf<'reuse'>>;
  reuse_clusters: RowOf<'reuse_clusters'>[];
  doc_reuse: RowOf<'doc_reuse'>[];
  reuse_pairs: RowOf<'reuse_pairs'>[];
  quotations: Iterable<RowOf<'quotations'>>;
} {
  return {
    // made row by row as the writer takes them: the table is never held as objects
    reuse: offsetRows(
      result.reuse,
      toCodePoints,
      (r) => r.docB <= corpusDocs,
      (r, a, b) => ({
        doc_a: r.docA,
        start_a: a(r.startA),
        end_a: a(r.endA),
        doc_b: r.docB,
        start_b: b(r.startB),
        end_b: b(r.endB),
        similarity: r.similarity,
        cluster_id: r.clusterId,
      }),
    ),
    // a document of the corpus comes first in a pair with a reference text (a lower id, a year or none)
    quotations: offsetRows(
      result.reuse,
      toCodePoints,
      (r) => r.docA <= corpusDocs && r.docB > corpusDocs,
      (r, a, b) => ({
        doc_id: r.docA,
        start: a(r.startA),
        end: a(r.endA),
        ref_id: r.docB - corpusDocs,
        ref_start: b(r.startB),
        ref_end: b(r.endB),
        similarity: r.similarity,
      }),
    ),
    reuse_clusters: result.clusters.map((c) => ({
      cluster_id: c.clusterId,
      representative: c.representative,
      n_docs: c.nDocs,
      first_year: c.firstYear,
      last_year: c.lastYear,
      total_chars: c.totalChars,
      kind: c.kind,
      n_units: c.nUnits,
      reason: c.reason,
    })),
    doc_reuse: result.docReuse.map((d) => ({
      doc_id: d.docId,
      reused_chars: d.reusedChars,
      share: d.share,
      top_partner: d.topPartner,
      top_partner_chars: d.topPartnerChars,
      direction: d.direction,
      formula_chars: d.formulaChars,
      self_chars: d.kindChars.self,
      vertical_chars: d.kindChars.vertical,
      template_chars: d.kindChars.template,
      horizontal_chars: d.kindChars.horizontal,
      self_earlier_chars: d.selfEarlierChars,
      quoted_chars: d.quotedChars,
    })),
    reuse_pairs: result.pairs.map((p) => ({
      doc_a: p.docA,
      doc_b: p.docB,
      chars_a: p.charsA,
      chars_b: p.charsB,
      passages: p.passages,
      kind: p.kind,
      way: p.way,
    })),
  };
}
