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
const SPACE = /\s/;

/** Whether UTF-16 unit `c` is JS whitespace (Han and most other characters answered without the regex). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c > 0x3000 && c !== 0xfeff) return false;
  return SPACE.test(String.fromCharCode(c));
}

/** Non-whitespace characters of `text[start, end)`: what `documents.char_count` counts. */
export function nonSpaceChars(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

/** Non-whitespace characters of `text` covered by the union of half-open spans `[start, end)`. */
export function unionChars(spans: readonly (readonly [number, number])[], text: string): number {
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd > curStart) total += nonSpaceChars(text, curStart, curEnd);
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  if (curEnd > curStart) total += nonSpaceChars(text, curStart, curEnd);
  return total;
}
