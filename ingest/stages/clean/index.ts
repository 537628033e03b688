import type { Lexicon } from '../../../common/lexicon';
import { foldWidth } from '../../../common/width';
import { stripLearnedChrome, type ChromeProfile } from './chrome';
import { closeFlattenedWraps, joinHardWraps } from './hard-wrap';
import { stripWrappers, type CompiledRule } from './wrappers';
import { joinPageMarkers } from './page-markers';
import { dropRepeatedBlocks } from './repeated-blocks';
import { simplifyIfTraditional, stripPinyinDebris } from './script';
import { sampleOf, type CleanHints, type Removal, type SourceLine, type StepResult } from './types';

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
  readonly lexicon: Lexicon;
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const WIDE = /[\uff01-\uff5e]/gu;

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
 * Fold full-width ASCII (，：（）！？；０-９Ａ-Ｚ) to half width, one character for one character, so every
 * source is written one way and every lexicon pattern matches it (a rewrite, logged with 0 characters).
 */
export function foldFullWidth(text: string): { text: string; removals: Removal[] } {
  const wide = text.match(WIDE)?.length ?? 0;
  if (wide === 0) return { text, removals: [] };
  return {
    text: foldWidth(text),
    removals: [{ rule: 'width_fold', chars: 0, sample: sampleOf(`${wide} full-width characters folded to half width`), lineNo: null }],
  };
}

/** Spaces between a Han character and a digit or Latin letter (2020 年, 在 X 的领导下): layout, not text. */
const HAN_SPACING = /(?<=\p{Script=Han})[ \t\u3000]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])[ \t\u3000]+(?=\p{Script=Han})/gu;

/**
 * Close the spaces PDF text extraction and some editors put between Han characters and digits or Latin
 * letters, so that 2020 年 reads as 2020年 for years, units and terms. Runs after the site rules, whose
 * patterns may rely on a space after a forum user name (a rewrite, logged with 0 characters).
 */
export function closeHanSpacing(lines: readonly SourceLine[]): StepResult {
  let closed = 0;
  const out = lines.map((line) => {
    const text = line.text.replace(HAN_SPACING, () => {
      closed++;
      return '';
    });
    return text === line.text ? line : { text, lineNo: line.lineNo };
  });
  const removals: Removal[] = closed
    ? [{ rule: 'han_spacing', chars: 0, sample: `${closed} spaces between Han characters and digits or letters closed`, lineNo: null }]
    : [];
  return { lines: out, removals };
}

/**
 * The per-file part of cleaning, before anything learned from the whole collection: width folding,
 * pinyin debris, Traditional → Simplified, lines, site-chrome rules, Han–digit spacing, viewer page
 * markers, hard-wrapped lines. Script conversion runs before the rules so that one rule list serves both scripts; lines are
 * rejoined before the collection is compared, so a wrapped paragraph's last piece is not taken for chrome.
 */
export function prepareFile(decoded: string, config: CleanConfig): CleanedFile {
  const removals: Removal[] = [];
  const hints: CleanHints = { titles: [], postedYear: null, viewerDump: false };
  const folded = foldFullWidth(decoded);
  removals.push(...folded.removals);
  const pinyin = stripPinyinDebris(folded.text);
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
  apply(closeHanSpacing(lines));
  apply(closeFlattenedWraps(lines, config.lexicon));
  hints.viewerDump = apply(joinPageMarkers(lines, config.lexicon)) > 0;
  if (!hints.viewerDump) apply(joinHardWraps(lines, config.lexicon));
  return { lines, removals, hints };
}

/**
 * The rest of cleaning, once the collection's chrome is known: learned site chrome, blocks the scraper
 * repeated, blank lines.
 */
export function finishFile(prepared: CleanedFile, chrome: ChromeProfile | null, config: CleanConfig): CleanedFile {
  let lines = prepared.lines;
  const removals = [...prepared.removals];
  const hints = prepared.hints;
  const apply = (result: StepResult): number => {
    lines = result.lines.filter((l) => l.text.trim() !== '');
    removals.push(...result.removals);
    return result.removals.length;
  };
  if (chrome) apply(stripLearnedChrome(lines, chrome));
  apply(dropRepeatedBlocks(lines, config.minRepeatChars));
  return { lines, removals, hints };
}

/** Clean one file on its own (no collection to learn chrome from): {@link prepareFile} then {@link finishFile}. */
export function cleanFile(decoded: string, config: CleanConfig, chrome: ChromeProfile | null = null): CleanedFile {
  return finishFile(prepareFile(decoded, config), chrome, config);
}
