/** Full-width ASCII (！ to ～) and the ideographic space. */
const WIDE = /[\uff01-\uff5e\u3000]/g;

/**
 * Fold full-width ASCII (０-９, Ａ-Ｚ, ，（）：；！？ …) and the ideographic space to their half-width
 * forms, one character for one character, so offsets into the folded string are offsets into the
 * original. Used for matching only; `documents.text` keeps what the reader sees.
 */
export function foldWidth(text: string): string {
  return text.replace(WIDE, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
