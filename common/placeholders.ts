/**
 * Placeholders that redacted or template documents use in place of names and numbers:
 * `*局`, `***`, `xxx`, `XX`, `X镇`, `X多名`, `__社区`, `20X年`, `××`, `○○`.
 * They are not terms, and matching (themes, reuse) must see through them.
 */
export const PLACEHOLDER = /(?:19|20)[XxＸｘ]{1,2}(?=年)|\*{1,}|＊+|[xXｘＸ]{2,}|(?<![A-Za-zＡ-Ｚａ-ｚ])[XＸ](?![A-Za-zＡ-Ｚａ-ｚ])|[_＿]{2,}|×{2,}|○{2,}/gu;

/** Every placeholder in the text with its offsets. */
export function findPlaceholders(text: string): { start: number; end: number; text: string }[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** Whether a token is (or is made only of) placeholder characters. */
export function isPlaceholder(token: string): boolean {
  return token.replace(PLACEHOLDER, '') === '';
}
