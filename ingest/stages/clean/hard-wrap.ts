import { charClass, type Lexicon } from '../../../common/lexicon';
import { cleanTitle, isTitleLine } from '../segment/boundaries';
import { segmentPatterns } from '../segment/patterns';
import type { Removal, SourceLine, StepResult } from './types';

/** At least this many lines must stop mid-sentence at one width for a file to be taken as hard-wrapped. */
const MIN_WRAPPED = 5;

/**
 * PDF text layers and some viewers break every paragraph into lines of one width (about 30 characters),
 * often mid-word: 意 / 识形态. Such a file is recognised by many lines of (nearly) the same length that
 * stop mid-sentence; each of them is joined to the line after it, and a line that starts with a comma
 * or closing punctuation is joined to the line before. Files with ordinary paragraphs are left alone.
 * One `hard_wrap` log entry tells how many breaks were removed.
 */
export function joinHardWraps(lines: readonly SourceLine[], lex: Lexicon): StepResult {
  const ends = new RegExp(`${charClass(lex.sentenceEnd + lex.clauseEnd)}$`, 'u');
  const pat = segmentPatterns(lex);
  // a title (or a contents entry) of about that width is a line of its own, not a paragraph's piece;
  // a wrapped piece that happens to end in a genre word still carries the paragraph's punctuation
  const titleOnly = (t: string): boolean => isTitleLine(t, pat) && !pat.punctuation.test(cleanTitle(t, pat));
  const midSentence = (t: string): boolean => !ends.test(t) && !titleOnly(t);
  const lengths = new Map<number, number>();
  for (const l of lines) {
    const n = Array.from(l.text).length;
    if (n >= 15 && midSentence(l.text)) lengths.set(n, (lengths.get(n) ?? 0) + 1);
  }
  const { width, near: best } = modalWidth(lengths, 0);
  const long = lines.filter((l) => l.text.length >= 15).length;
  if (best < MIN_WRAPPED || best < long * 0.3) return { lines: [...lines], removals: [] };

  const full = (t: string | undefined): boolean => {
    if (t === undefined) return false;
    const n = Array.from(t).length;
    return n >= width - 2 && n <= width + 2 && midSentence(t);
  };
  const out: SourceLine[] = [];
  let joins = 0;
  let open = false;
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    const joined = prev !== undefined && (open || /^[,,、;;:。!?)》”]/u.test(line.text));
    if (joined) {
      out[out.length - 1] = { text: prev.text + line.text, lineNo: prev.lineNo };
      joins++;
    } else out.push(line);
    // a full-width line continues on the next one when it is inside a run of such lines, or the next
    // line ends the paragraph; a lone title of about that width above a short line stays on its own
    const next = lines[i + 1]?.text;
    open = full(line.text) && (joined || full(next) || (next !== undefined && ends.test(next)));
  });
  const removals: Removal[] = joins
    ? [{ rule: 'hard_wrap', chars: 0, sample: `${joins} line breaks inside paragraphs joined (lines of about ${width} characters)`, lineNo: null }]
    : [];
  return { lines: out, removals };
}

/** How wide a piece of text is set on a page: a Han character or full-width sign is one column, an ASCII character half of one. */
function columns(text: string): number {
  let n = 0;
  for (const c of text) n += c.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return n;
}

/** A line's spaces between characters that are not Latin letters or digits: where, after which character, and how many columns after the space (or line start) before. */
function innerSpaces(text: string): { index: number; before: string; gap: number }[] {
  const out: { index: number; before: string; gap: number }[] = [];
  let last = 0;
  let seen = 0;
  let at = 0;
  for (const m of text.matchAll(INNER_SPACE)) {
    seen += columns(text.slice(at, m.index));
    at = m.index + 1;
    out.push({ index: m.index, before: m[1]!, gap: seen - last });
    last = seen;
  }
  return out;
}

/** The most frequent value of at least `min` in a count, counting its neighbours (±1) with it (the larger value on a tie), and that count. */
function modalWidth(counts: ReadonlyMap<number, number>, min: number): { width: number; near: number } {
  let width = 0;
  let best = 0;
  for (const [n] of counts) {
    const near = (counts.get(n) ?? 0) + (counts.get(n - 1) ?? 0) + (counts.get(n + 1) ?? 0);
    if (n >= min && (near > best || (near === best && n > width))) [width, best] = [n, near];
  }
  return { width, near: best };
}

/** At least this many spaces at one distance from the space before them make a file's wraps flattened. */
const MIN_FLATTENED = 5;

/** A space between two characters that are neither spaces nor Latin letters or digits; group 1 is the character before. */
const INNER_SPACE = /(?<=([^\sA-Za-z0-9])) (?=[^\sA-Za-z0-9])/gu;

/**
 * Some PDF copies put a space where the page broke a line instead of a line break: 牢 牢把握 … 主
 * 线 every 39 characters. Such a file is recognised by many spaces at (nearly) one distance from the
 * space before them, at least 20 characters; each space at that distance from the space (or line
 * start) before it is removed, unless it follows a sentence end or precedes an outline marker (there a
 * paragraph ended). Spaces between words of a keyword list are closer and stay. One
 * `flattened_wrap` log entry tells how many spaces were removed.
 */
export function closeFlattenedWraps(lines: readonly SourceLine[], lex: Lexicon): StepResult {
  const spaces = lines.map((l) => innerSpaces(l.text));
  const gaps = new Map<number, number>();
  let total = 0;
  // a line's first space is measured from the line start, which need not be where a page line began
  for (const gap of spaces.flatMap((s) => s.slice(1).map((x) => Math.round(x.gap)))) {
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    total++;
  }
  const { width, near } = modalWidth(gaps, 20);
  if (near < MIN_FLATTENED || near < total * 0.4) return { lines: [...lines], removals: [] };
  const ends = lex.sentenceEnd + lex.clauseEnd;
  const pat = segmentPatterns(lex);
  let closed = 0;
  const out = lines.map((l, i) => {
    let text = '';
    let from = 0;
    for (const { index, before, gap } of spaces[i]!) {
      if (gap < width - 6 || gap > width + 2 || ends.includes(before) || pat.outlineMarker.test(l.text.slice(index + 1, index + 8))) continue;
      text += l.text.slice(from, index);
      from = index + 1;
      closed++;
    }
    return from === 0 ? l : { text: text + l.text.slice(from), lineNo: l.lineNo };
  });
  const removals: Removal[] = closed
    ? [{ rule: 'flattened_wrap', chars: closed, sample: `${closed} spaces where lines of about ${width} characters were broken, removed`, lineNo: null }]
    : [];
  return { lines: out, removals };
}
