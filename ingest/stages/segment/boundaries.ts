import type { SegmentPatterns } from './patterns';

/** Value of a Chinese numeral up to 三十九 (一 = 1, 十二 = 12), given the numerals in value order. */
export function numeralValue(s: string, numerals: string): number {
  if (s.length === 1) return numerals.indexOf(s) + 1;
  const ten = numerals[9]!;
  if (s.startsWith(ten)) return 10 + numeralValue(s.slice(1), numerals);
  const tens = numeralValue(s[0]!, numerals);
  return s.length === 2 ? tens * 10 : tens * 10 + numeralValue(s[2]!, numerals);
}

/** A short line without sentence-final or clause-final punctuation: a title or a heading. */
export function isHeadingLike(p: string, pat: SegmentPatterns): boolean {
  return p.length <= 80 && !pat.lineEnd.test(p);
}

/**
 * A title as a reader would give it: the decorations sites add (【精选】, 篇一:, (3100字), 范文, 标题:,
 * a site's name after a dash) taken off both ends, repeatedly. Empty when the line is only decoration.
 */
export function cleanTitle(line: string, pat: SegmentPatterns): string {
  let t = line.trim();
  for (let changed = true; changed && t;) {
    changed = false;
    for (const re of pat.lex.titleDecorations) {
      const next = t.replace(re, '').trim();
      if (next !== t) {
        t = next;
        changed = true;
      }
    }
  }
  return t;
}

/** A document title: short, unnumbered, no final punctuation, and named for its genre (decorations aside). */
export function isTitleLine(p: string, pat: SegmentPatterns): boolean {
  if (p.length < 4 || p.length > 80 || pat.outlineMarker.test(p) || !isHeadingLike(p, pat)) return false;
  const core = cleanTitle(p, pat).replace(/\([^)]{0,12}\)$/u, '');
  if (core.length < 4 || core.length > 60) return false;
  if (core.startsWith('关于') && pat.genreWord.test(core)) return true;
  if (!pat.genreWord.test(core.slice(-8))) return false;
  return !pat.lex.weakGenreWords.some((w) => core.endsWith(w)) || namesYearOrUnit(core, pat);
}

/** Whether a heading names a year or a unit (a word of two characters or more: 社区, 卫生院), as a document's title does. */
function namesYearOrUnit(heading: string, pat: SegmentPatterns): boolean {
  return pat.titleYear.test(heading) || pat.lex.unitWords.some((u) => u.word.length >= 2 && heading.includes(u.word));
}

/** The top-level heading number of a paragraph (`三、` → 3), or 0. */
export function topHeadingNumber(p: string, pat: SegmentPatterns): number {
  const m = pat.topHeading.exec(p);
  return m ? numeralValue(m[1]!, pat.lex.numerals) : 0;
}

/**
 * Where each document of a file begins, as indices into its paragraphs:
 * at a title line once the current document has content, and where the top-level outline restarts at
 * 一、 after the current document reached 二、 or further. On a restart the opening paragraph just
 * before 一、 moves to the new document, unless it is the lead of a section or a closing (总之…).
 */
export function documentStarts(paragraphs: readonly string[], pat: SegmentPatterns, knownTitles: ReadonlySet<number> = new Set()): number[] {
  const starts = [0];
  let maxTop = 0;
  let hasBody = false;
  paragraphs.forEach((p, i) => {
    const start = starts[starts.length - 1]!;
    if (i > start && (isTitleLine(p, pat) || knownTitles.has(i)) && hasBody) {
      starts.push(i);
      maxTop = 0;
      hasBody = false;
      return;
    }
    const top = topHeadingNumber(p, pat);
    if (top === 1 && maxTop >= 2) {
      let begin = i;
      const prev = paragraphs[i - 1];
      const beforePrev = paragraphs[i - 2];
      if (
        prev !== undefined &&
        i - 1 > start &&
        !pat.outlineMarker.test(prev) &&
        !isHeadingLike(prev, pat) &&
        !pat.closing.test(prev) &&
        beforePrev !== undefined &&
        !isHeadingLike(beforePrev, pat)
      ) {
        begin = i - 1;
      }
      if (begin - 1 > start && isTitleLine(paragraphs[begin - 1]!, pat)) begin--;
      starts.push(begin);
      maxTop = 1;
      hasBody = true;
      return;
    }
    if (top > maxTop) maxTop = top;
    if (!isTitleLine(p, pat)) hasBody = true;
  });
  return starts;
}
