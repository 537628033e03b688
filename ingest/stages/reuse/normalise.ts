import type { Lexicon } from '../../../common/lexicon';
import { maskedChars } from '../../../common/placeholders';
import { foldWidth } from '../../../common/width';
import { simplifyCodePoint } from './script';
import type { SynonymTrie } from './synonyms';
import { applySynonyms } from './synonyms';

/** Code unit that stands for any masked run: numbers and the lexicon's placeholders. */
const MASK = 0x23; // '#': punctuation, so it never survives normalisation as itself

/**
 * Normalised units, two bytes each (a 10^5-document corpus has 3 × 10^8 of them, held for the whole
 * reuse stage): a character of the Basic Multilingual Plane as itself, a rarer one (CJK extension B
 * and beyond) folded into the Private Use Area by {@link unitOf}.
 */
export type Codes = Uint16Array;

/** First and size of the Private Use Area range astral characters are folded into. */
const FOLD_FIRST = 0xe000;
const FOLD_SIZE = 0x1900;

/** The normalised unit of code point `cp` (after simplification): itself below U+10000, else a Private Use Area unit (two astral characters may share one). */
export function unitOf(cp: number): number {
  return cp <= 0xffff ? cp : FOLD_FIRST + ((cp - 0x10000) % FOLD_SIZE);
}

/**
 * A normalised text: one unit per kept character, each with the half-open range of the original
 * text (JS string indices) it came from. `[start[i], end[j - 1])` is the original span of units `[i, j)`.
 */
export interface NormText {
  readonly codes: Codes;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

const LETTER = /\p{L}/u;

/** General punctuation, CJK symbols and punctuation, and the remaining full-width forms' punctuation. */
function isPunctuationBlock(cp: number): boolean {
  return (
    (cp >= 0x2000 && cp <= 0x206f) ||
    (cp >= 0x3000 && cp <= 0x3003) ||
    (cp >= 0x3008 && cp <= 0x3020) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff5f && cp <= 0xff65)
  );
}

/**
 * Character-level normalisation without synonyms: full-width folded, Traditional → Simplified per
 * character, Latin lower-cased, punctuation, spaces and line breaks dropped, and every run of numbers
 * and placeholders (even across dropped punctuation) collapsed to one {@link MASK} unit. What is
 * masked is `maskedChars` (common/placeholders.ts): the lexicon's placeholders and their pieces, and
 * number characters (\p{N}); the side-by-side view marks the same characters.
 */
export function normaliseChars(text: string, lex: Lexicon): NormText {
  const folded = foldWidth(text);
  const masked = maskedChars(lex, folded);
  const codes: Codes = new Uint16Array(folded.length);
  const start = new Int32Array(folded.length);
  const end = new Int32Array(folded.length);
  let n = 0;
  let maskOpen = false;
  for (let i = 0; i < folded.length;) {
    const cp = folded.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let code = -1;
    if (masked[i] !== 0) code = MASK;
    else if (cp >= 0x4e00 && cp <= 0x9fff) code = unitOf(simplifyCodePoint(cp));
    else if (cp < 0x80) {
      if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) code = cp | 0x20;
    } else if (!isPunctuationBlock(cp) && LETTER.test(String.fromCodePoint(cp))) code = unitOf(simplifyCodePoint(cp));
    if (code === MASK && maskOpen) end[n - 1] = i + width;
    else if (code >= 0) {
      codes[n] = code;
      start[n] = i;
      end[n] = i + width;
      n++;
      maskOpen = code === MASK;
    }
    i += width;
  }
  return { codes: codes.subarray(0, n), start: start.subarray(0, n), end: end.subarray(0, n) };
}

/** Full normalisation: {@link normaliseChars}, then spun words mapped to their canonical form. */
export function normalise(text: string, synonyms: SynonymTrie, lex: Lexicon): NormText {
  return applySynonyms(normaliseChars(text, lex), synonyms);
}

/** The original half-open span `[start, end)` of normalised units `[from, to)`. */
export function originalSpan(norm: NormText, from: number, to: number): [number, number] {
  return [norm.start[from]!, norm.end[to - 1]!];
}

/** The normalised units as a string (for tests, coverage checks and debugging). */
export function normString(norm: Pick<NormText, 'codes'>, from = 0, to = norm.codes.length): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCodePoint(norm.codes[i]!);
  return s;
}
