/** Spans of the original text: mapping normalised spans back, and counting characters under them. */
import { originalSpan, type NormText } from './normalise';

const OPEN = '“‘「『《（(【〈';
const CLOSE = '”’」』》）)】〉';

/**
 * The original span of normalised units `[from, to)`, widened by one adjacent quotation mark or
 * bracket when the passage holds its unmatched partner (so that “两个维护” is shown with both marks).
 */
export function passageSpan(text: string, norm: NormText, from: number, to: number): [number, number] {
  let [start, end] = originalSpan(norm, from, to);
  const inner = text.slice(start, end);
  const after = CLOSE.indexOf(text[end] ?? '');
  if (after >= 0 && inner.lastIndexOf(OPEN[after]!) > inner.lastIndexOf(CLOSE[after]!)) end += 1;
  const before = OPEN.indexOf(text[start - 1] ?? '');
  if (before >= 0 && inner.indexOf(CLOSE[before]!) >= 0 && (inner.indexOf(OPEN[before]!) < 0 || inner.indexOf(CLOSE[before]!) < inner.indexOf(OPEN[before]!))) {
    start -= 1;
  }
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
