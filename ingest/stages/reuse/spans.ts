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

/** `prefix[i]` = number of non-whitespace characters in `text[0, i)`. */
export function nonSpacePrefix(text: string): Int32Array {
  const prefix = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 12 || c === 11;
    prefix[i + 1] = prefix[i]! + (space ? 0 : 1);
  }
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
