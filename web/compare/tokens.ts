/**
 * Tokens for comparing two copies of a passage: synonym-table words (longest first), placeholders
 * (*局, xxx, XX, X镇, __社区, 20X年, ***), digit runs and single characters. Each token has a
 * comparison key: spun words share their canonical form, all placeholders share one key and all
 * numbers another, and whitespace is dropped, so only real edits differ.
 */

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

const PLACEHOLDER = /^(?:[*＊]{2,}|[*＊](?=[\u4e00-\u9fa5])|[xX×]{2,}|[xX](?=[\u4e00-\u9fa5])|_{2,}|＿{2,}|20[xX×]{1,2}|XX|xx)/;
const DIGITS = /^[0-90-9]+(?:[.．][0-90-9]+)?/;
const SPACE = /\s/;

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

/** Tokens of `text.slice(from, to)`, offsets relative to the whole text. */
export function tokenize(text: string, from: number, to: number, syn: SynonymIndex): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const rest = text.slice(i, Math.min(to, i + 16));
    let matched = false;
    for (let len = Math.min(syn.maxLength, to - i); len >= 2 && !matched; len--) {
      const w = text.slice(i, i + len);
      const c = syn.canonical.get(w);
      if (c !== undefined) {
        out.push({ text: w, start: i, key: `\u0000S${c}`, kind: 'synonym' });
        i += len;
        matched = true;
      }
    }
    if (matched) continue;
    const ph = PLACEHOLDER.exec(rest);
    if (ph) {
      out.push({ text: ph[0], start: i, key: PLACEHOLDER_KEY, kind: 'placeholder' });
      i += ph[0].length;
      continue;
    }
    const num = DIGITS.exec(rest);
    if (num) {
      out.push({ text: num[0], start: i, key: NUMBER_KEY, kind: 'number' });
      i += num[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (!SPACE.test(ch)) out.push({ text: ch, start: i, key: ch.normalize('NFKC'), kind: 'char' });
    i += ch.length;
  }
  return out;
}
