import { sampleOf, type Removal, type SourceLine, type StepResult } from '../../../ingest/stages/clean/types';

/** A repeated block must be at least this long to be taken for a scraper repeat. */
export const MIN_REPEAT_CHARS = 80;

const key = (line: SourceLine): string => line.text.replace(/\s+/g, '');

/**
 * Scrapers sometimes emit a page twice in a row. Find each block of lines that is immediately followed
 * by an identical block (whitespace ignored, at least {@link MIN_REPEAT_CHARS} characters) and keep the
 * first copy. Identical passages that are not adjacent are left alone: they may be real reuse between
 * documents of a compilation, which the reuse stage reports.
 */
export function dropRepeatedBlocks(lines: readonly SourceLine[], minChars = MIN_REPEAT_CHARS): StepResult {
  const keys = lines.map(key);
  const positions = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (!k) return;
    const list = positions.get(k);
    if (list) list.push(i);
    else positions.set(k, [i]);
  });
  const drop = new Set<number>();
  const removals: Removal[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (drop.has(i) || !keys[i]) continue;
    for (const j of positions.get(keys[i]!) ?? []) {
      if (j <= i || drop.has(j)) continue;
      const k = j - i;
      if (j + k > keys.length) break;
      let same = true;
      let chars = 0;
      for (let t = 0; t < k && same; t++) {
        same = keys[i + t] === keys[j + t] && !drop.has(i + t);
        chars += keys[i + t]!.length;
      }
      if (!same || chars < minChars) continue;
      // the same block may follow more than once (a page scraped three times)
      let copy = j;
      while (copy + k <= keys.length && keys.slice(copy, copy + k).every((kk, t) => kk === keys[i + t])) {
        for (let t = 0; t < k; t++) drop.add(copy + t);
        const text = lines
          .slice(copy, copy + k)
          .map((l) => l.text)
          .join('\n');
        removals.push({ rule: 'repeated_block', chars: text.length, sample: sampleOf(text), lineNo: lines[copy]!.lineNo });
        copy += k;
      }
      i = copy - 1;
      break;
    }
  }
  return { lines: lines.filter((_, i) => !drop.has(i)), removals };
}
