/**
 * Fold full-width ASCII (０-９, Ａ-Ｚ, ，（）：；！？ …) and the ideographic space to their half-width
 * forms, one character for one character, so offsets into the folded string are offsets into the
 * original. Used for matching only; `documents.text` keeps what the reader sees.
 */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}
