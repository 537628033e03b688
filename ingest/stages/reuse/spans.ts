/** Spans of the original text: mapping normalised spans back, and counting characters under them. */
import type { Lexicon } from '../../../common/lexicon';
import { originalSpan, type NormText } from './normalise';

/**
 * The original span of normalised units `[from, to)`, widened by one adjacent quotation mark or
 * bracket (the lexicon's quote pairs) when the passage holds its unmatched partner (so that “两个维护”
 * is shown with both marks). The span never leaves the text: a passage that runs to either end of
 * its document is not widened there (an invariant checked here, where spans are made).
 */
export function passageSpan(text: string, norm: NormText, from: number, to: number, lex: Lexicon): [number, number] {
  const { open, close } = lex.quotePairs;
  let [start, end] = originalSpan(norm, from, to);
  const inner = text.slice(start, end);
  const after = end < text.length ? close.indexOf(text[end]!) : -1;
  if (after >= 0 && inner.lastIndexOf(open[after]!) > inner.lastIndexOf(close[after]!)) end += 1;
  const before = start > 0 ? open.indexOf(text[start - 1]!) : -1;
  if (before >= 0 && inner.indexOf(close[before]!) >= 0 && (inner.indexOf(open[before]!) < 0 || inner.indexOf(close[before]!) < inner.indexOf(open[before]!))) {
    start -= 1;
  }
  if (!(start >= 0 && start < end && end <= text.length))
    throw new Error(`reuse: passage span [${start}, ${end}) leaves its text of ${text.length} characters`);
  return [start, end];
}

/** Whitespace as `charCount` (ingest/stages/spans.ts) leaves it out of `documents.char_count`: JS `\s`. */
const SPACE = /\s/;

/** Whether UTF-16 unit `c` is JS whitespace (Han and most other characters answered without the regex). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c > 0x3000 && c !== 0xfeff) return false;
  return SPACE.test(String.fromCharCode(c));
}

/** Non-whitespace characters of `text[start, end)`: what `documents.char_count` counts. */
export function nonSpaceChars(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

/** Non-whitespace characters of `text` covered by the union of half-open spans `[start, end)`. */
export function unionChars(spans: readonly (readonly [number, number])[], text: string): number {
  return charsByPriority([spans], text)[0]!;
}

/** Lists {@link charsByPriority} can tell apart (an event's list is kept in its sort key's low bits). */
const MAX_LISTS = 16;
/** The events and open counts of {@link charsByPriority}, reused from one call to the next (it runs for every pair of documents). */
let eventScratch = new Float64Array(1024);
const openScratch = new Int32Array(MAX_LISTS);

/**
 * Non-whitespace characters of `text` under each list of half-open spans, each character counted once,
 * under the first list that covers it: `[quoted, self, vertical, …]` gives what each kind adds beyond
 * the lists before it. One sort of the spans' ends (as numbers) and one sweep, where taking unions of
 * growing lists sorted the spans again for every list.
 */
export function charsByPriority(lists: readonly (readonly (readonly [number, number])[])[], text: string): number[] {
  if (lists.length > MAX_LISTS) throw new RangeError(`charsByPriority: at most ${MAX_LISTS} lists`);
  const out = lists.map(() => 0);
  let n = 0;
  for (const list of lists) n += list.length;
  if (n === 0) return out;
  // an event is position × 2·MAX_LISTS + list × 2 + (1 at a span's end): its order needs no comparator
  if (2 * n > eventScratch.length) eventScratch = new Float64Array(Math.max(2 * n, 2 * eventScratch.length));
  const events = eventScratch;
  let e = 0;
  lists.forEach((list, l) => {
    for (const [start, end] of list) {
      if (end <= start) continue;
      events[e++] = start * 2 * MAX_LISTS + 2 * l;
      events[e++] = end * 2 * MAX_LISTS + 2 * l + 1;
    }
  });
  const sorted = events.subarray(0, e).sort();
  const open = openScratch.fill(0, 0, lists.length);
  let from = 0;
  for (const key of sorted) {
    const at = Math.floor(key / (2 * MAX_LISTS));
    if (at > from) {
      let first = 0;
      while (first < lists.length && open[first] === 0) first++;
      if (first < lists.length) out[first]! += nonSpaceChars(text, from, at);
    }
    from = at;
    const rest = key - at * 2 * MAX_LISTS;
    open[rest >> 1]! += rest & 1 ? -1 : 1;
  }
  return out;
}
