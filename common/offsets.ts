/**
 * The one conversion between the two ways of counting a position in a text: JavaScript string
 * indices (UTF-16 code units) and Unicode code points, the unit the database stores (DuckDB's
 * `substring` counts code points). They differ after a character outside the BMP (𠮷, emoji).
 */

/** A high surrogate (no u flag: with it, a whole pair is one character and never matches). */
const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Maps JavaScript string indices of `text` to code-point offsets (identity when the text has no surrogate pair). */
export function toCodePoints(text: string): (index: number) => number {
  if (!HIGH_SURROGATE.test(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) map[++i] = cp;
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** Maps code-point offsets of `text` to JavaScript string indices (identity when the text has no surrogate pair). */
export function toStringIndices(text: string): (offset: number) => number {
  if (!HIGH_SURROGATE.test(text)) return (i) => i;
  const index: number[] = [];
  for (let i = 0; i < text.length; i++) {
    index.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  index.push(text.length);
  return (offset) => index[Math.max(0, Math.min(offset, index.length - 1))]!;
}
