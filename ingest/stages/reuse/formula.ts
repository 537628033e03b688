/**
 * The formula-vs-copy rule. A cluster is a **formula** when either
 *  - *spread*: it occurs in at least `minDocs` documents issued by at least `minUnits` distinct units
 *    (a document whose unit is unknown or a placeholder, see {@link unitKey}, counts as a unit of its
 *    own) and is a sentence or two (its median occurrence at most `spreadMaxChars` normalised
 *    characters) — a phrase that many unrelated units use is the genre's common stock, not one unit
 *    copying another, whereas a whole section found in three reports is a template being copied; or
 *  - *mandated*: its passage is short (its median occurrence at most `maxChars` normalised
 *    characters) and at least `minTermCoverage` of it (in one of its occurrences) is made of mandated
 *    formulations (the lexicon's `[mandated]` section) — a required slogan, even when only two
 *    documents share it.
 * Otherwise it is a **copy**: a passage shared by few units (`pair`), or repeated inside one document
 * (`repeat`). Only copies count towards a document's recycled share.
 */
import { isPlaceholderUnit, type Lexicon } from '../../../common/lexicon';
import { foldWidth } from '../../../common/width';
import type { ClusterKind, ClusterReason, FormulaRule } from './types';

/** What the rule looks at. */
export interface ClusterFacts {
  readonly nDocs: number;
  readonly nUnits: number;
  /** Normalised length of the typical passage: the median over the cluster's occurrences. */
  readonly chars: number;
  /** Largest share (0..1), over the occurrences, of the passage covered by mandated formulations. */
  readonly termCoverage: number;
}

/** Apply the rule (see the module comment). */
export function classifyCluster(facts: ClusterFacts, rule: FormulaRule): { kind: ClusterKind; reason: ClusterReason } {
  if (facts.nDocs >= rule.minDocs && facts.nUnits >= rule.minUnits && facts.chars <= rule.spreadMaxChars) {
    return { kind: 'formula', reason: 'spread' };
  }
  if (facts.chars <= rule.maxChars && facts.termCoverage >= rule.minTermCoverage) {
    return { kind: 'formula', reason: 'mandated' };
  }
  return { kind: 'copy', reason: facts.nDocs === 1 ? 'repeat' : 'pair' };
}

/** Share of `passage` covered by occurrences of any of `terms` (all normalised strings). */
export function termCoverage(passage: string, terms: readonly string[]): number {
  if (passage.length === 0) return 0;
  const covered = new Uint8Array(passage.length);
  for (const term of terms) {
    if (!term) continue;
    for (let at = passage.indexOf(term); at >= 0; at = passage.indexOf(term, at + 1)) {
      covered.fill(1, at, at + term.length);
    }
  }
  return covered.reduce((s, v) => s + v, 0) / passage.length;
}

/**
 * The unit a document counts as: its org, or a unit of its own when the org is unknown or a
 * placeholder. Any one of the lexicon's `[placeholder unit char]` characters makes an org a placeholder
 * (`isPlaceholderUnit`), which is broader than the running-text placeholders: those need runs so as
 * not to mask ordinary text, a unit name is never ordinary text.
 */
export function unitKey(docId: number, org: string | null, lex: Lexicon): string {
  const o = org?.trim() ?? '';
  return o === '' || isPlaceholderUnit(lex, foldWidth(o)) ? `#doc${docId}` : o;
}
