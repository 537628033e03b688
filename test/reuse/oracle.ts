/**
 * An independent judge of "really alike", written without the detector's code: whole-string OpenCC
 * conversion, NFKC width folding, a regular-expression placeholder mask, synonyms by one regular
 * expression (longest alternative first), and a plain two-row Levenshtein DP.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Build the oracle's normaliser for a synonym table (variant → canonical). */
export function oracleNormaliser(synonyms: ReadonlyMap<string, string>): (text: string) => string {
  const table = new Map<string, string>();
  for (const c of synonyms.values()) table.set(c, c);
  for (const [v, c] of synonyms) table.set(v, c);
  const keys = [...table.keys()].sort((x, y) => y.length - x.length);
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = keys.length ? new RegExp(keys.map(escape).join('|'), 'g') : null;
  return (text) => {
    let t = toSimplified(text).normalize('NFKC');
    t = t.replace(/\*+|_+|[xX×]{2,}|(?<![A-Za-z])[xX](?![A-Za-z])|[○〇□■]+|\p{N}+/gu, '#');
    t = t
      .replace(/[^\p{L}#]/gu, '')
      .replace(/#+/g, '#')
      .toLowerCase();
    return pattern ? t.replace(pattern, (m) => table.get(m)!) : t;
  };
}

/** Plain Levenshtein distance. */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** 1 − edit distance / longer length of the two normalised texts. */
export function oracleSimilarity(a: string, b: string, norm: (text: string) => string): number {
  const na = norm(a);
  const nb = norm(b);
  const longer = Math.max(na.length, nb.length);
  return longer === 0 ? 1 : 1 - levenshtein(na, nb) / longer;
}
