import { stripWrappers, type CompiledRule } from './wrappers';
import { joinPageMarkers } from './page-markers';
import { dropRepeatedBlocks } from './repeated-blocks';
import { simplifyIfTraditional, stripPinyinDebris } from './script';
import type { CleanHints, Removal, SourceLine, StepResult } from './types';

export type { CleanHints, Removal, SourceLine } from './types';

/** The outcome of cleaning one file: kept lines (with source line numbers), removals and hints. */
export interface CleanedFile {
  readonly lines: SourceLine[];
  readonly removals: Removal[];
  readonly hints: CleanHints;
}

/** Cleaning settings. */
export interface CleanConfig {
  readonly wrapperRules: readonly CompiledRule[];
  readonly minRepeatChars: number;
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Normalise line breaks and invisible characters; each line trimmed of outer whitespace. */
export function toLines(text: string): { lines: SourceLine[]; removals: Removal[] } {
  const removals: Removal[] = [];
  const invisible = text.match(INVISIBLE)?.length ?? 0;
  if (invisible) removals.push({ rule: 'invisible_chars', chars: invisible, sample: `${invisible} zero-width or soft-hyphen characters`, lineNo: null });
  const lines = text
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((t, i) => ({ text: t.trim(), lineNo: i + 1 }));
  return { lines, removals };
}

/**
 * Clean one decoded file, in this order: line breaks and invisible characters; pinyin debris;
 * Traditional → Simplified; site wrappers; viewer page markers; blocks the scraper repeated; blank lines.
 * Script conversion runs before the wrapper rules so that one rule list serves both scripts.
 */
export function cleanFile(decoded: string, config: CleanConfig): CleanedFile {
  const removals: Removal[] = [];
  const hints: CleanHints = { titles: [], postedYear: null, viewerDump: false };
  const pinyin = stripPinyinDebris(decoded);
  removals.push(...pinyin.removals);
  const simple = simplifyIfTraditional(pinyin.text);
  removals.push(...simple.removals);
  const split = toLines(simple.text);
  removals.push(...split.removals);

  let lines = split.lines.filter((l) => l.text !== '');
  const apply = (result: StepResult): number => {
    lines = result.lines.filter((l) => l.text.trim() !== '');
    removals.push(...result.removals);
    return result.removals.length;
  };
  apply(stripWrappers(lines, config.wrapperRules, hints));
  hints.viewerDump = apply(joinPageMarkers(lines)) > 0;
  apply(dropRepeatedBlocks(lines, config.minRepeatChars));
  return { lines, removals, hints };
}
