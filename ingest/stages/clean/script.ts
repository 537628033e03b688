import * as OpenCC from 'opencc-js';
import { sampleOf, type Removal } from './types';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
/**
 * Pinyin annotations that some sites put after each character: 導(dǎo)語, 網(wǎng)絡(luò).
 * A parenthesised Latin syllable with at least one tone-marked vowel, right after a Han character.
 */
const PINYIN_DEBRIS = new RegExp(`(?<=\\p{Script=Han})[((][a-z${TONED}]*[${TONED}][a-z${TONED}]*[))]`, 'gu');

/** Remove pinyin debris after characters; returns the text and one log entry per distinct removal. */
export function stripPinyinDebris(text: string): { text: string; removals: Removal[] } {
  let count = 0;
  let chars = 0;
  const seen: string[] = [];
  const out = text.replace(PINYIN_DEBRIS, (m) => {
    count++;
    chars += m.length;
    if (seen.length < 12 && !seen.includes(m)) seen.push(m);
    return '';
  });
  const removals: Removal[] = count ? [{ rule: 'pinyin_debris', chars, sample: sampleOf(`${count}×: ${seen.join(' ')}`), lineNo: null }] : [];
  return { text: out, removals };
}

let toCn: ((s: string) => string) | undefined;

/** Traditional → Simplified (OpenCC, Taiwan/Hong Kong variants included). */
export function toSimplified(text: string): string {
  toCn ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toCn(text);
}

let traditionalOnly: Set<number> | undefined;

/**
 * Share of the text's Han characters that OpenCC changes on their own (Traditional-only characters,
 * found once by converting every CJK unified ideograph): a cheap first look, one pass, no conversion.
 */
export function traditionalShare(text: string): number {
  if (!traditionalOnly) {
    // one character at a time, so that no phrase rule joins neighbours (about 45 ms, once)
    traditionalOnly = new Set();
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
      const c = String.fromCodePoint(cp);
      if (toSimplified(c) !== c) traditionalOnly.add(cp);
    }
  }
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x4e00 || cp > 0x9fff) continue;
    han++;
    if (traditionalOnly.has(cp)) traditional++;
  }
  return han === 0 ? 0 : traditional / han;
}

/** Share of Han characters that the conversion changes, above which a text is taken as Traditional. */
export const TRADITIONAL_THRESHOLD = 0.03;

/**
 * Convert the text to Simplified when it is written in Traditional script. Simplified texts are left
 * untouched, so the rare character that OpenCC would change in Simplified text is not disturbed.
 */
export function simplifyIfTraditional(text: string, threshold = TRADITIONAL_THRESHOLD): { text: string; removals: Removal[] } {
  // a text whose characters are almost all unchanged one by one is Simplified: no need to convert it whole
  if (traditionalShare(text) < threshold / 2) return { text, removals: [] };
  const converted = toSimplified(text);
  if (converted === text) return { text, removals: [] };
  let han = 0;
  let changed = 0;
  const a = Array.from(text);
  const b = Array.from(converted);
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      if (/\p{Script=Han}/u.test(a[i]!)) {
        han++;
        if (a[i] !== b[i]) changed++;
      }
    }
  } else {
    han = 1;
    changed = 1;
  }
  if (han === 0 || changed / han < threshold) return { text, removals: [] };
  return {
    text: converted,
    removals: [
      { rule: 'traditional_to_simplified', chars: 0, sample: sampleOf(`${changed} of ${han} characters converted: ${text.slice(0, 40)}`), lineNo: null },
    ],
  };
}
