/**
 * Tokens for comparing two copies of a passage: placeholder runs and number runs, synonym-table words
 * (longest first) and single characters. Placeholders and numbers are exactly what reuse detection
 * masks (`maskedChars` of common/placeholders.ts over the whole text, with the placeholder forms of
 * `data/lexicon.txt`). Each token has a comparison key: spun words share
 * their canonical form, all placeholders share one key and all numbers another, and whitespace is
 * dropped, so only real edits differ.
 */
import { maskedChars, MASKED_NUMBER, MASKED_PLACEHOLDER } from '../../common/placeholders';
import { LEXICON } from '../lexicon';

/** A token of a passage with its offset in the full document text. */
export interface Token {
  text: string;
  start: number;
  key: string;
  kind: 'word' | 'synonym' | 'placeholder' | 'number' | 'char';
}

/** Key shared by every placeholder. */
const PLACEHOLDER_KEY = '\u0000P';
/** Key shared by every number. */
const NUMBER_KEY = '\u0000N';

const SPACE = /\s/;

let lastText: string | null = null;
let lastMask: Uint8Array = new Uint8Array(0);

/** The detector's mask of the whole text (lookarounds see the characters around a passage), kept for the last text. */
function maskOf(text: string): Uint8Array {
  if (text !== lastText) {
    lastMask = maskedChars(LEXICON, text);
    lastText = text;
  }
  return lastMask;
}

/** Lookup of the synonym table: every variant and canonical form → canonical form. */
export interface SynonymIndex {
  canonical: Map<string, string>;
  maxLength: number;
}

/** Build the lookup from `(variant, canonical)` pairs. */
export function synonymIndex(pairs: readonly { variant: string; canonical: string }[]): SynonymIndex {
  const canonical = new Map<string, string>();
  for (const p of pairs) {
    canonical.set(p.variant, p.canonical);
    if (!canonical.has(p.canonical)) canonical.set(p.canonical, p.canonical);
  }
  const maxLength = Math.max(0, ...[...canonical.keys()].map((k) => k.length));
  return { canonical, maxLength };
}

/**
 * Tokens of `text.slice(from, to)`, offsets relative to the whole text: each run of placeholder
 * characters and each run of number characters (as reuse detection masks them) is one token, a
 * synonym-table word (that holds no masked character) another, anything else one character.
 */
export function tokenize(text: string, from: number, to: number, syn: SynonymIndex): Token[] {
  const out: Token[] = [];
  const mask = maskOf(text);
  let i = from;
  while (i < to) {
    const masked = mask[i] ?? 0;
    if (masked === MASKED_PLACEHOLDER || masked === MASKED_NUMBER) {
      let j = i + 1;
      while (j < to && mask[j] === masked) j++;
      const run = text.slice(i, j);
      out.push(
        masked === MASKED_PLACEHOLDER
          ? { text: run, start: i, key: PLACEHOLDER_KEY, kind: 'placeholder' }
          : { text: run, start: i, key: NUMBER_KEY, kind: 'number' },
      );
      i = j;
      continue;
    }
    let matched = false;
    for (let len = Math.min(syn.maxLength, to - i); len >= 2 && !matched; len--) {
      const w = text.slice(i, i + len);
      const c = syn.canonical.get(w);
      if (c !== undefined && !mask.subarray(i, i + len).some((m) => m !== 0)) {
        out.push({ text: w, start: i, key: `\u0000S${c}`, kind: 'synonym' });
        i += len;
        matched = true;
      }
    }
    if (matched) continue;
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (!SPACE.test(ch)) out.push({ text: ch, start: i, key: ch.normalize('NFKC'), kind: 'char' });
    i += ch.length;
  }
  return out;
}
