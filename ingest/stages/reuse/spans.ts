/** Spans of the original text: mapping normalised spans back, and counting characters under them. */
import type { Lexicon } from '../../../common/lexicon';
import { originalSpan, type NormText } from './normalise';

/**
 * The original span of normalised units `[from, to)`, widened by one adjacent quotation mark or
 * bracket (the lexicon's quote pairs) when the passage holds its unmatched partner (so that “两个维护”
 * is shown with both marks). The span never leaves the text: a passage that runs to either end of
 * its document is not widened there (an invariant checked here, where spans are made).
 */
export function passageSpan(text: string, norm: NormText, from: number, to: number, lex: Lexicon): [number, number] {
  const { open, close } = lex.quotePairs;
  let [start, end] = originalSpan(norm, from, to);
  const inner = text.slice(start, end);
  const after = end < text.length ? close.indexOf(text[end]!) : -1;
  if (after >= 0 && inner.lastIndexOf(open[after]!) > inner.lastIndexOf(close[after]!)) end += 1;
  const before = start > 0 ? open.indexOf(text[start - 1]!) : -1;
  if (before >= 0 && inner.indexOf(close[before]!) >= 0 && (inner.indexOf(open[before]!) < 0 || inner.indexOf(close[before]!) < inner.indexOf(open[before]!))) {
    start -= 1;
  }
  if (!(start >= 0 && start < end && end <= text.length))
    throw new Error(`reuse: passage span [${start}, ${end}) leaves its text of ${text.length} characters`);
  return [start, end];
}

/** Whitespace as `charCount` (ingest/stages/spans.ts) leaves it out of `documents.char_count`: JS `\s`. */
const SPACE = /\s/g;

/**
 * `prefix[i]` = number of non-whitespace characters in `text[0, i)`; `prefix[text.length]` is the
 * document's `char_count`, which `doc_reuse.share` divides by.
 */
export function nonSpacePrefix(text: string): Int32Array {
  const isSpace = new Uint8Array(text.length);
  for (const m of text.matchAll(SPACE)) isSpace[m.index] = 1;
  const prefix = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) prefix[i + 1] = prefix[i]! + 1 - isSpace[i]!;
  return prefix;
}

/** Non-whitespace characters covered by the union of half-open spans `[start, end)`. */
export function unionChars(spans: readonly (readonly [number, number])[], prefix: Int32Array): number {
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd > curStart) total += prefix[curEnd]! - prefix[curStart]!;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  if (curEnd > curStart) total += prefix[curEnd]! - prefix[curStart]!;
  return total;
}
