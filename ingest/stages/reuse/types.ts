import type { ClusterKind, ClusterReason, CopyKind, PlaceLevel, ReuseDirection, UnitKind } from '../../../common/schema';
import type { ReuseRows } from './rows';
/**
 * Types of the reuse stage: what goes in (documents), how it is tuned (config) and what comes out
 * (rows of the `reuse`, `reuse_clusters` and `doc_reuse` tables, camelCase).
 */

/** One cleaned document as the reuse stage sees it. Offsets in the output are JS string indices into `text`. */
export interface ReuseDoc {
  readonly docId: number;
  readonly text: string;
  readonly year: number | null;
  readonly org: string | null;
  /** What the kind of a copy needs (`kinds.ts`): the unit's kind ('other' when left out), and the home the ingest found (none when left out). */
  readonly unitType?: UnitKind;
  readonly homeCode?: string | null;
  readonly homeLevel?: PlaceLevel | null;
  /** A reference text (`stages/references.ts`), not a document of the corpus: what is shared with it is quotation. */
  readonly reference?: boolean;
}

/** Thresholds of the formula-vs-copy rule (see `formula.ts` for the rule itself). */
export interface FormulaRule {
  /** A passage found in at least this many documents … */
  readonly minDocs: number;
  /** … from at least this many distinct issuing units … */
  readonly minUnits: number;
  /** … and no longer than this (normalised characters) is a formula ("spread"). */
  readonly spreadMaxChars: number;
  /** A passage no longer than this (normalised characters) … */
  readonly maxChars: number;
  /**
   * … of which, in at least one occurrence, this share is made of mandated formulations (the
   * lexicon's `[mandated]` section, any script, punctuation ignored) is a formula ("mandated").
   */
  readonly minTermCoverage: number;
}

/** Scores of the local alignment that verifies and extends each candidate. */
export interface AlignScores {
  readonly match: number;
  readonly mismatch: number;
  readonly gap: number;
}

/** Every knob of the reuse stage, with defaults in {@link DEFAULT_REUSE_CONFIG}. */
export interface ReuseConfig {
  /** Shortest reported passage, in normalised characters (punctuation and spaces removed). */
  readonly minChars: number;
  /** Length of the character k-grams (seeds) indexed over the normalised text. */
  readonly seedLength: number;
  /**
   * A seed that occurs more often than this in the corpus is linked only to its first occurrence in
   * the earliest document (a star instead of all pairs), which keeps candidate generation linear in
   * corpus size: a passage found in more places is reported against its earliest occurrence.
   */
  readonly maxSeedOccurrences: number;
  /**
   * Winnowing window w: 0 indexes every k-gram; w > 0 keeps only the minimum hash of each w
   * consecutive k-grams (Schleimer et al. 2003), so any shared run of w + seedLength − 1 normalised
   * characters still shares a seed (keep that at most `minChars`), and the index shrinks about (w + 1) / 2.
   */
  readonly winnow: number;
  /** The chain thresholds used instead of `minChainSeeds` / `minChainSpan` when `winnow` > 0 (seeds are sparse). */
  readonly winnowChain: { readonly minChainSeeds: number; readonly minChainSpan: number };
  /**
   * Normalised characters per partition of the k-gram index and per block of seed pairs: a corpus of
   * more is indexed one hash partition at a time, and its seeds grouped one block of documents at a
   * time (see `SeedPlan` in seeds.ts); the result is the same, only the memory differs.
   */
  readonly partitionChars: number;
  /** Worker threads that verify candidate pairs (0: one per core); see `verify-pool.ts`. */
  readonly threads: number;
  /** Seeds per batch handed to a verification worker. */
  readonly verifyBatchSeeds: number;
  /** A corpus of fewer normalised characters is verified on the calling thread (starting workers costs more). */
  readonly parallelMinChars: number;
  /** Seeds buffered in memory (bytes) before they are spilled to temporary files, block by block. */
  readonly seedBufferBytes: number;
  /** Fewest seeds a chain needs before it is worth an alignment (every-k-gram index). */
  readonly minChainSeeds: number;
  /** Fewest normalised characters a chain must span before it is worth an alignment. */
  readonly minChainSpan: number;
  /** Largest distance between consecutive seeds of one chain, in normalised characters. */
  readonly maxSeedGap: number;
  /** Largest diagonal shift (net insertions/deletions) between consecutive seeds of one chain. */
  readonly maxDrift: number;
  /** Characters around a chain that the alignment may extend into. */
  readonly alignPad: number;
  /** Extra diagonals on each side of a chain's diagonal range that the alignment may use. */
  readonly bandPad: number;
  /** Scores of the local alignment. */
  readonly scores: AlignScores;
  /** Least similarity (1 − edit distance / longer length, normalised) of a reported passage pair. */
  readonly minSimilarity: number;
  /** Hits of one document pair closer than this (normalised characters, both sides) are merged when the merged pair stays similar enough. */
  readonly mergeGap: number;
  /** Two occurrences in one document are the same passage when they overlap by this share of the longer. */
  readonly clusterOverlap: number;
  /** The formula-vs-copy rule. */
  readonly formula: FormulaRule;
  /** Longest representative text kept for a cluster, in characters. */
  readonly representativeMaxChars: number;
  /** Least characters a document must share with its top partner for a direction (source / copy); fewer give unknown. */
  readonly directionMinChars: number;
  /** A copy passage shared by at least this many distinct units, none of them above another in one jurisdiction, is a template (`kinds.ts`). */
  readonly templateMinUnits: number;
}

/** One row of `reuse`: `[startA, endA)` of `docA` recurs at `[startB, endB)` of `docB`. */
export interface ReuseRow {
  readonly docA: number;
  readonly startA: number;
  readonly endA: number;
  readonly docB: number;
  readonly startB: number;
  readonly endB: number;
  readonly similarity: number;
  readonly clusterId: number;
}

export type { ClusterKind, ClusterReason, ReuseDirection } from '../../../common/schema';

/** One row of `reuse_clusters`. */
export interface ReuseClusterRow {
  readonly clusterId: number;
  readonly representative: string;
  readonly nDocs: number;
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  readonly totalChars: number;
  readonly kind: ClusterKind;
  readonly nUnits: number;
  readonly reason: ClusterReason;
}

/** One row of `doc_reuse`. */
export interface DocReuseRow {
  readonly docId: number;
  readonly reusedChars: number;
  readonly share: number;
  readonly topPartner: number | null;
  readonly topPartnerChars: number;
  readonly direction: ReuseDirection | null;
  readonly formulaChars: number;
  /** Of reusedChars, by kind of copying (each character under the first kind of {@link COPY_KINDS} that covers it). */
  readonly kindChars: Readonly<Record<CopyKind, number>>;
  /** Of the self characters, those shared with the same unit's documents of earlier years. */
  readonly selfEarlierChars: number;
  /** Characters in passages shared with reference texts: quotation, not in reusedChars. */
  readonly quotedChars: number;
}

/** One row of `reuse_pairs`. */
export interface ReusePairRow {
  readonly docA: number;
  readonly docB: number;
  readonly charsA: number;
  readonly charsB: number;
  readonly passages: number;
  readonly kind: CopyKind;
  readonly way: 'down' | 'up' | null;
}

/** Everything the reuse stage finds. */
export interface ReuseResult {
  /** The `reuse` rows, held as columns (see {@link ReuseRows}). */
  readonly reuse: ReuseRows;
  readonly clusters: ReuseClusterRow[];
  readonly docReuse: DocReuseRow[];
  readonly pairs: ReusePairRow[];
}
