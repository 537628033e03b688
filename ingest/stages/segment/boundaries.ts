import { CLOSING, OUTLINE_MARKER, SENTENCE_END, TITLE_WORD, TOP_HEADING } from './patterns';

const NUMERALS = '一二三四五六七八九十';

/** Value of a Chinese numeral up to 三十九 (一 = 1, 十二 = 12). */
export function numeralValue(s: string): number {
  if (s.length === 1) return NUMERALS.indexOf(s) + 1;
  if (s.startsWith('十')) return 10 + numeralValue(s.slice(1));
  const tens = numeralValue(s[0]!);
  return s.length === 2 ? tens * 10 : tens * 10 + numeralValue(s[2]!);
}

/** A short line without sentence-final punctuation: a title or a heading. */
export function isHeadingLike(p: string): boolean {
  return p.length <= 80 && !SENTENCE_END.test(p) && !/[::]$/.test(p);
}

/** A document title: short, unnumbered, no final punctuation, and named for its genre. */
export function isTitleLine(p: string): boolean {
  if (p.length < 4 || p.length > 60 || OUTLINE_MARKER.test(p) || !isHeadingLike(p)) return false;
  const core = p.replace(/[((][^))]{0,12}[))]$/u, '');
  const tail = core.slice(-8);
  return TITLE_WORD.test(tail) || (core.startsWith('关于') && TITLE_WORD.test(core));
}

/** The top-level heading number of a paragraph (`三、` → 3), or 0. */
export function topHeadingNumber(p: string): number {
  const m = TOP_HEADING.exec(p);
  return m ? numeralValue(m[1]!) : 0;
}

/**
 * Where each document of a file begins, as indices into its paragraphs:
 * at a title line once the current document has content, and where the top-level outline restarts at
 * 一、 after the current document reached 二、 or further. On a restart the opening paragraph just
 * before 一、 moves to the new document, unless it is the lead of a section or a closing (总之…).
 */
export function documentStarts(paragraphs: readonly string[], knownTitles: ReadonlySet<number> = new Set()): number[] {
  const starts = [0];
  let maxTop = 0;
  let hasBody = false;
  paragraphs.forEach((p, i) => {
    const start = starts[starts.length - 1]!;
    if (i > start && (isTitleLine(p) || knownTitles.has(i)) && hasBody) {
      starts.push(i);
      maxTop = 0;
      hasBody = false;
      return;
    }
    const top = topHeadingNumber(p);
    if (top === 1 && maxTop >= 2) {
      let begin = i;
      const prev = paragraphs[i - 1];
      const beforePrev = paragraphs[i - 2];
      if (prev !== undefined && i - 1 > start && !OUTLINE_MARKER.test(prev) && !isHeadingLike(prev) && !CLOSING.test(prev) && beforePrev !== undefined && !isHeadingLike(beforePrev)) {
        begin = i - 1;
      }
      if (begin - 1 > start && isTitleLine(paragraphs[begin - 1]!)) begin--;
      starts.push(begin);
      maxTop = 1;
      hasBody = true;
      return;
    }
    if (top > maxTop) maxTop = top;
    if (!isTitleLine(p)) hasBody = true;
  });
  return starts;
}
