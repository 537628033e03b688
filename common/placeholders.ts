/**
 * Placeholders that redacted or template documents use in place of names and numbers. The forms are
 * the lexicon's `[placeholder]` and `[placeholder piece]` sections (`data/lexicon.txt`, which lists
 * and explains them); nothing here names one. Text is width-folded
 * before matching (one character for one, so offsets are the original's). Tokens, themes, reuse
 * detection and the side-by-side view all see through exactly these.
 */
import type { Lexicon } from './lexicon';
import { foldWidth } from './width';

/** Every placeholder in the text with its offsets (the original text under each). */
export function findPlaceholders(lex: Lexicon, text: string): { start: number; end: number; text: string }[] {
  return Array.from(foldWidth(text).matchAll(lex.placeholder), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: text.slice(m.index, m.index + m[0].length),
  }));
}

/** Whether a token is (or is made only of) placeholders. */
export function isPlaceholder(lex: Lexicon, token: string): boolean {
  return foldWidth(token).replace(lex.placeholder, '') === '';
}

/** {@link maskedChars}: a code unit covered by a placeholder (or a piece of one). */
export const MASKED_PLACEHOLDER = 1;
/** {@link maskedChars}: a code unit of a number character (`\p{N}`: 0-9, ０-９, ①, 〇 …). */
export const MASKED_NUMBER = 2;

const withPieces = new WeakMap<Lexicon, RegExp>();
const NUMBER_RUN = /\p{N}+/gu;

/**
 * What reuse detection masks, per UTF-16 code unit of `text`: {@link MASKED_PLACEHOLDER} where a
 * placeholder or a placeholder piece covers it (the pieces, a lone `x` or `_`, because reuse drops line
 * breaks and `xx⏎x` must mask whole), else {@link MASKED_NUMBER} on a number character, else 0.
 * Reuse normalisation collapses masked runs; the side-by-side view marks the same characters.
 */
export function maskedChars(lex: Lexicon, text: string): Uint8Array {
  const folded = foldWidth(text);
  let pattern = withPieces.get(lex);
  if (!pattern) {
    pattern = new RegExp(`${lex.placeholder.source}|${lex.placeholderPieceSource}`, 'gu');
    withPieces.set(lex, pattern);
  }
  const mask = new Uint8Array(folded.length);
  for (const m of folded.matchAll(NUMBER_RUN)) mask.fill(MASKED_NUMBER, m.index, m.index + m[0].length);
  for (const m of folded.matchAll(pattern)) mask.fill(MASKED_PLACEHOLDER, m.index, m.index + m[0].length);
  return mask;
}
