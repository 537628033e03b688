import { grown } from './columns';
import { unitOf, type Codes, type NormText } from './normalise';

/** A trie over code points of synonym keys; a node with `out` ends a key. */
export interface SynonymTrie {
  readonly next: Map<number, SynonymTrie>;
  out: Codes | null;
}

const codesOf = (s: string): Codes => Uint16Array.from(Array.from(s, (c) => unitOf(c.codePointAt(0)!)));

/**
 * Compile variant → canonical pairs into a trie. Canonical forms are added as identity keys so that
 * longest-match segmentation treats both sides alike (提供给 stays 提供+给, not 提+供给).
 */
export function compileSynonyms(synonyms: ReadonlyMap<string, string>): SynonymTrie {
  const root: SynonymTrie = { next: new Map(), out: null };
  const add = (key: string, value: string): void => {
    let node = root;
    for (const c of codesOf(key)) {
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), out: null };
        node.next.set(c, child);
      }
      node = child;
    }
    if (node.out === null || key !== value) node.out = codesOf(value);
  };
  for (const canonical of new Set(synonyms.values())) add(canonical, canonical);
  for (const [variant, canonical] of synonyms) add(variant, canonical);
  return root;
}

/**
 * Replace every synonym key in `norm` by its canonical form, longest match first, left to right.
 * Each unit of a replacement maps to the whole original span of the replaced word.
 */
export function applySynonyms(norm: NormText, trie: SynonymTrie): NormText {
  if (trie.next.size === 0) return norm;
  const n = norm.codes.length;
  let cap = n + 16;
  let codes: Codes = new Uint16Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let m = 0;
  const push = (c: number, s: number, e: number): void => {
    if (m === cap) {
      cap *= 2;
      codes = grown(codes, cap);
      start = grown(start, cap);
      end = grown(end, cap);
    }
    codes[m] = c;
    start[m] = s;
    end[m] = e;
    m++;
  };
  for (let i = 0; i < n;) {
    let node: SynonymTrie | undefined = trie;
    let bestLen = 0;
    let bestOut: Codes | null = null;
    for (let j = i; j < n; j++) {
      node = node.next.get(norm.codes[j]!);
      if (!node) break;
      if (node.out) {
        bestLen = j - i + 1;
        bestOut = node.out;
      }
    }
    if (bestOut) {
      const s = norm.start[i]!;
      const e = norm.end[i + bestLen - 1]!;
      for (const c of bestOut) push(c, s, e);
      i += bestLen;
    } else {
      push(norm.codes[i]!, norm.start[i]!, norm.end[i]!);
      i += 1;
    }
  }
  return { codes: codes.subarray(0, m), start: start.subarray(0, m), end: end.subarray(0, m) };
}
