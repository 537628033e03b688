/**
 * Marks for a side-by-side comparison: every aligned passage highlighted on both sides, and inside
 * each passage the disguises a copier used — spun synonyms, swapped placeholders, changed numbers —
 * told apart from real insertions and deletions.
 */
import type { Mark } from '../text/segments';
import { matchSequences } from './diff';
import { tokenize, type SynonymIndex, type Token } from './tokens';

/** One aligned passage: `[leftStart, leftEnd)` of the left text matches `[rightStart, rightEnd)` of the right. */
export interface PassagePair {
  leftStart: number;
  leftEnd: number;
  rightStart: number;
  rightEnd: number;
}

/** Counts of what the comparison found, over all passages. */
export interface DisguiseCounts {
  spun: number;
  placeholder: number;
  number: number;
  edit: number;
}

/** Marks for both sides and the counts. */
export interface Alignment {
  left: Mark[];
  right: Mark[];
  counts: DisguiseCounts;
}

const KIND_OF: Record<Token['kind'], keyof DisguiseCounts | null> = { synonym: 'spun', placeholder: 'placeholder', number: 'number', word: null, char: null };

function mark(t: Token, kind: string, other: Token | undefined, passage: number): Mark {
  return { start: t.start, end: t.start + t.text.length, kind, key: String(passage), title: other ? `${t.text} ↔ ${other.text}` : t.text };
}

/** Align every passage pair of `leftText` and `rightText`. */
export function alignPassages(leftText: string, rightText: string, pairs: readonly PassagePair[], syn: SynonymIndex): Alignment {
  const left: Mark[] = [];
  const right: Mark[] = [];
  const counts: DisguiseCounts = { spun: 0, placeholder: 0, number: 0, edit: 0 };
  pairs.forEach((p, n) => {
    left.push({ start: p.leftStart, end: p.leftEnd, kind: 'shared', key: String(n % 6), link: n });
    right.push({ start: p.rightStart, end: p.rightEnd, kind: 'shared', key: String(n % 6), link: n });
    const a = tokenize(leftText, p.leftStart, p.leftEnd, syn);
    const b = tokenize(rightText, p.rightStart, p.rightEnd, syn);
    const matched = matchSequences(
      a.map((t) => t.key),
      b.map((t) => t.key),
    );
    if (!matched.length && (a.length || b.length)) return;
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    for (const [i, j] of matched) {
      usedA.add(i);
      usedB.add(j);
      const ta = a[i];
      const tb = b[j];
      if (!ta || !tb || ta.text === tb.text) continue;
      const kind = KIND_OF[ta.kind];
      if (!kind) continue;
      counts[kind] += 1;
      left.push(mark(ta, kind, tb, n));
      right.push(mark(tb, kind, ta, n));
    }
    a.forEach((t, i) => {
      if (usedA.has(i)) return;
      counts.edit += 1;
      left.push(mark(t, 'edit', undefined, n));
    });
    b.forEach((t, j) => {
      if (!usedB.has(j)) right.push(mark(t, 'edit', undefined, n));
    });
  });
  return { left, right, counts };
}
