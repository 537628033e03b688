/**
 * A search as the corpus is written: the ingest stores documents in Simplified script with full-width
 * ASCII folded to half width, so a query goes through the same folding (`common/width.ts`) and
 * OpenCC's Traditional → Simplified conversion, and is lower-cased (Latin placeholders are written
 * xxx, XXX or Xxx; the search ignores their case). Several space-separated terms mean all of them in
 * one sentence; quotes ("…", “…”, 「…」) keep a phrase with its spaces.
 */
import { foldWidth } from '../../common/width';

/** Traditional → Simplified. */
export type Simplifier = (text: string) => string;

let simplifier: Promise<Simplifier> | undefined;

/** OpenCC's Traditional → Simplified converter (loaded once, on first use: its dictionary is ~100 kB). */
export function loadSimplifier(): Promise<Simplifier> {
  simplifier ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 't', to: 'cn' }));
  return simplifier;
}

/** One term normalised as documents are: width folded, Simplified, lower case, spaces trimmed. */
export function normaliseTerm(term: string, toSimplified: Simplifier): string {
  return toSimplified(foldWidth(term)).toLowerCase().trim();
}

const QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」|'([^']*)'|(\S+)/gu;

/** Split a query into terms: quoted phrases whole, the rest at whitespace; empty and repeated terms dropped. */
export function splitQuery(query: string): string[] {
  const out: string[] = [];
  const folded = foldWidth(query);
  for (const m of folded.matchAll(QUOTED)) {
    const term = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

/** The terms of a query, each normalised as documents are (see the module comment). */
export function parseQuery(query: string, toSimplified: Simplifier): string[] {
  const out: string[] = [];
  for (const t of splitQuery(query)) {
    const n = normaliseTerm(t, toSimplified);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}
