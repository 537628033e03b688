import { charClass, type Lexicon } from '../../../common/lexicon';
import { sampleOf, type Removal, type SourceLine, type StepResult } from './types';

const MARKER = /^(\d{1,4})、/;
/** A viewer prints a page per line: pages shorter than this (median) are list items, not pages. */
export const MIN_PAGE_CHARS = 120;

const lineEnds = new WeakMap<Lexicon, RegExp>();

/** Does this line stop in the middle of a sentence (so the next line continues it)? A colon or … ends a page too. */
function endsMidSentence(text: string, lex: Lexicon): boolean {
  let end = lineEnds.get(lex);
  if (!end) lineEnds.set(lex, (end = new RegExp(`${charClass(lex.sentenceEnd + lex.clauseEnd)}$`, 'u')));
  const t = text.trimEnd();
  return t.length > 0 && !end.test(t);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface Candidate {
  readonly index: number;
  readonly n: number;
}

/**
 * Document viewers number their pages `1、 2、 3、…` at the start of each page and cut lines at page
 * ends, even inside a word (学 / `3、`习强国). A run of such markers counting up by one, where most
 * page ends stop mid-sentence, is a viewer dump: drop every marker and join each page to the previous
 * one. Real list items (`1、强化理论武装。` after a finished sentence, or short items) do not form such a run and stay:
 * a viewer's pages are long lines (median at least {@link MIN_PAGE_CHARS} characters).
 */
export function joinPageMarkers(lines: readonly SourceLine[], lex: Lexicon): StepResult {
  const candidates: Candidate[] = [];
  lines.forEach((line, index) => {
    const m = MARKER.exec(line.text);
    if (m) candidates.push({ index, n: Number(m[1]) });
  });
  const chain = longestChain(candidates);
  const midJoins = chain.slice(1).filter((c) => c.index > 0 && endsMidSentence(lines[c.index - 1]!.text, lex)).length;
  const pageChars = median(chain.map((c) => lines[c.index]!.text.length));
  const isDump = chain.length >= 2 && pageChars >= MIN_PAGE_CHARS && midJoins >= Math.max(1, Math.ceil((chain.length - 1) * 0.6));
  if (!isDump) return { lines: [...lines], removals: [] };

  const markerAt = new Map(chain.map((c) => [c.index, c]));
  const out: SourceLine[] = [];
  const removals: Removal[] = [];
  lines.forEach((line, index) => {
    const c = markerAt.get(index);
    if (!c) {
      out.push(line);
      return;
    }
    const marker = MARKER.exec(line.text)![0];
    const body = line.text.slice(marker.length);
    removals.push({ rule: 'page_marker', chars: marker.length, sample: sampleOf(`${marker}${body.slice(0, 20)}`), lineNo: line.lineNo });
    const prev = out[out.length - 1];
    if (c !== chain[0] && prev) out[out.length - 1] = { text: prev.text + body, lineNo: prev.lineNo };
    else out.push({ text: body, lineNo: line.lineNo });
  });
  return { lines: out, removals };
}

/** The longest run of candidates whose numbers count up by one, in line order. */
function longestChain(candidates: readonly Candidate[]): Candidate[] {
  // prevOf[i]: the candidate before i in the best run ending at i; bestEnding[n]: that run's end
  const length: number[] = [];
  const prevOf: number[] = [];
  const bestEnding = new Map<number, number>();
  let bestEnd = -1;
  candidates.forEach((c, i) => {
    const before = bestEnding.get(c.n - 1);
    length[i] = before === undefined ? 1 : length[before]! + 1;
    prevOf[i] = before ?? -1;
    const current = bestEnding.get(c.n);
    if (current === undefined || length[current]! < length[i]!) bestEnding.set(c.n, i);
    if (bestEnd < 0 || length[i]! > length[bestEnd]!) bestEnd = i;
  });
  const chain: Candidate[] = [];
  for (let i = bestEnd; i >= 0; i = prevOf[i]!) chain.unshift(candidates[i]!);
  return chain;
}
