/**
 * Figures per document that must not depend on how many documents were collected. The generator
 * (`bench/scale-corpus.ts`) draws every document from the same distribution at every size, so a
 * document's recycled share, its formula characters, whether its top partner is the corpus's most
 * common one, and its theme density should read about the same at 1,000 and at 100,000 documents.
 * When one drifts, the analysis, not the corpus, changed with scale: before c2a422a a 100,000-document
 * database of this generator put the median share at 0.55 against 0.27 at 10,000, because one
 * formula sentence had been judged a copied section there. (How many pairs a document is in is not such a figure: past
 * `maxSeedOccurrences` copies, a passage links each copy to its first only, a star where fewer
 * copies make every pair.)
 */
import { openCorpusFile } from '../scripts/node-connector';

/** The figures, each per document (or a share of documents). */
export interface ScaleInvariants {
  /** Median of `doc_reuse.share`. */
  readonly shareMedian: number;
  /** 90th percentile of `doc_reuse.share`. */
  readonly shareP90: number;
  /** Mean of `doc_reuse.formula_chars`. */
  readonly formulaCharsPerDoc: number;
  /** Share of documents whose top partner is the corpus's most frequent top partner. */
  readonly topPartnerShare: number;
  /** Theme occurrences per 10,000 characters. */
  readonly themeHitsPer10k: number;
}

/** The figures, from the tables of the corpus attached as `corpus` (`openCorpusFile`). */
const SQL = `
  SELECT
    (SELECT median(share) FROM corpus.doc_reuse) AS share_median,
    (SELECT quantile_cont(share, 0.9) FROM corpus.doc_reuse) AS share_p90,
    (SELECT avg(formula_chars) FROM corpus.doc_reuse) AS formula_chars,
    (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM corpus.doc_reuse WHERE top_partner IS NOT NULL GROUP BY top_partner))
      / (SELECT count(*) FROM corpus.doc_reuse) AS top_partner_share,
    (SELECT sum(freq) FROM corpus.theme_freq) * 10000.0 / (SELECT sum(char_count) FROM corpus.documents) AS theme_hits_per_10k`;

/** The figures of the database at `db` (attached read-only). */
export async function measureInvariants(db: string): Promise<ScaleInvariants> {
  const corpus = await openCorpusFile(db);
  try {
    const [row] = await corpus.connector.query(SQL, []);
    const at = (k: string): number => Number(row?.[k] ?? NaN);
    return {
      shareMedian: at('share_median'),
      shareP90: at('share_p90'),
      formulaCharsPerDoc: at('formula_chars'),
      topPartnerShare: at('top_partner_share'),
      themeHitsPer10k: at('theme_hits_per_10k'),
    };
  } finally {
    corpus.close();
  }
}

/** How far each figure moved from `base` to `now`: `now / base`, rounded (1 when both are 0). */
export function drift(base: ScaleInvariants, now: ScaleInvariants): Record<keyof ScaleInvariants, number> {
  const out = {} as Record<keyof ScaleInvariants, number>;
  for (const k of Object.keys(base) as (keyof ScaleInvariants)[]) {
    out[k] = base[k] === now[k] ? 1 : +(now[k] / base[k]).toFixed(2);
  }
  return out;
}
