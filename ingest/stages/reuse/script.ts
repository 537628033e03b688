import { toSimplified } from '../clean/script';

const HAN = /\p{Script=Han}/u;
const cache = new Map<number, number>();

/**
 * The Simplified form of one code point, one code point for one code point, so that offsets map 1:1.
 * The clean stage's OpenCC `t → cn` conversion ({@link toSimplified}) is applied to the character
 * alone (checked on the sample corpus: converting character by character gives the same string as
 * converting whole texts). The clean stage converts only documents written in Traditional, so a
 * Traditional passage pasted into a Simplified document reaches this stage unconverted; hence the
 * per-character pass here. A character whose conversion would not be a single code point is kept.
 */
export function simplifyCodePoint(cp: number): number {
  if (cp < 0x2e80) return cp;
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const ch = String.fromCodePoint(cp);
  let out = cp;
  if (HAN.test(ch)) {
    const converted = toSimplified(ch);
    const first = converted.codePointAt(0);
    if (first !== undefined && converted.length === String.fromCodePoint(first).length) out = first;
  }
  cache.set(cp, out);
  return out;
}
