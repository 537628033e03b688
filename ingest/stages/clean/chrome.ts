/**
 * Site chrome learned from the collection itself (the idea of boilerpipe, jusText and passim's
 * boilerplate filter): a line that recurs outside the document (before its title or after its last
 * sentence) in several files, or that recurs anywhere and is made of chrome words (下载, 本站, 版权 …),
 * is that site's header or footer, and is removed from every file. The document's own wording is
 * protected: titles, outline headings, finished sentences and mandated formulations stay even when
 * many documents share them (that is reuse, which the reuse stage reports).
 */
import type { Lexicon } from '../../../common/lexicon';
import { isTitleLine } from '../segment/boundaries';
import { segmentPatterns } from '../segment/patterns';
import { sampleOf, type Removal, type SourceLine, type StepResult } from './types';

/** A line must recur in at least this many files to be learned as chrome. */
export const CHROME_MIN_FILES = 3;

/** A line this long is a document's paragraph, never chrome (site lines are short). */
export const PROTECTED_CHARS = 80;

/** The chrome learned from a collection: line keys and the number of files each was seen in. */
export interface ChromeProfile {
  readonly keys: ReadonlyMap<string, number>;
  readonly lexicon: Lexicon;
}

/** A line's identity for recurrence: spaces dropped, digits (counts, dates, sizes) made one, Latin lower-cased. */
export function chromeKey(text: string): string {
  return text.replace(/\s+/gu, '').replace(/\d+/gu, '0').toLowerCase();
}

/** Whether a line holds one of the lexicon's chrome words. */
function hasChromeWord(text: string, lex: Lexicon): boolean {
  const lower = text.toLowerCase();
  return lex.chromeWords.some((w) => lower.includes(w.toLowerCase()));
}

/**
 * The document's own wording, never taken for chrome: a long paragraph; unless it holds a chrome word,
 * a title, an outline heading, a finished sentence or a mandated formulation.
 */
function isProtected(text: string, lex: Lexicon): boolean {
  const pat = segmentPatterns(lex);
  if (text.length >= PROTECTED_CHARS) return true;
  if (hasChromeWord(text, lex)) return false;
  if (isTitleLine(text, pat) || pat.outlineMarker.test(text)) return true;
  if (pat.sentenceEnd.test(text) && text.length >= 20) return true;
  return lex.mandated.some((m) => text.includes(m));
}

/** Indices of the lines outside the document: before the first title or sentence, after the last sentence. */
function outsideLines(lines: readonly SourceLine[], lex: Lexicon): Set<number> {
  const pat = segmentPatterns(lex);
  const sentence = (t: string): boolean => pat.sentenceEnd.test(t) && t.length >= 20;
  let first = lines.findIndex((l) => isTitleLine(l.text, pat) || sentence(l.text));
  if (first < 0) first = lines.length;
  let last = -1;
  lines.forEach((l, i) => {
    if (sentence(l.text) && !hasChromeWord(l.text, lex)) last = i;
  });
  const out = new Set<number>();
  for (let i = 0; i < first; i++) out.add(i);
  for (let i = Math.max(last + 1, first); i < lines.length; i++) out.add(i);
  return out;
}

/**
 * One distinct line key of a file as the learner counts it: what {@link ChromeLearner} needs of a file,
 * small enough to keep in the database (`chrome_lines`) so that an update learns the collection's
 * chrome without reading unchanged files again.
 */
export interface ChromeLine {
  readonly key: string;
  /** The file's first line with this key short enough to be chrome; null when every such line is a paragraph (the key is then never counted, only looked up). */
  readonly text: string | null;
  /** Whether one of those short lines lies outside the document. */
  readonly outside: boolean;
}

/**
 * A file's distinct line keys that could be learned chrome (keys shorter than {@link PROTECTED_CHARS}),
 * in order of first appearance: the short lines are counted, and every key is kept so that one can
 * tell which learned chrome a file holds.
 */
export function chromeLines(lines: readonly SourceLine[], lex: Lexicon): ChromeLine[] {
  const outside = outsideLines(lines, lex);
  const inFile = new Map<string, { outside: boolean; text: string | null }>();
  lines.forEach((l, i) => {
    const key = chromeKey(l.text);
    if (!key || key.length >= PROTECTED_CHARS) return;
    const at = inFile.get(key);
    const short = l.text.length < PROTECTED_CHARS;
    inFile.set(key, { outside: (at?.outside ?? false) || (short && outside.has(i)), text: at?.text ?? (short ? l.text : null) });
  });
  return [...inFile].map(([key, f]) => ({ key, ...f }));
}

/** Counts line keys file by file (see {@link chromeLearner}). */
export interface ChromeLearner {
  /** Count one file's lines (after the rule-based cleaning). */
  add(lines: readonly SourceLine[]): void;
  /** Count one file given by its {@link chromeLines}. */
  count(lines: readonly ChromeLine[]): void;
  /** The chrome learned from the files counted so far. */
  profile(): ChromeProfile;
}

/**
 * Learn the collection's chrome one file at a time, so that a file's lines need not be kept for it:
 * only the keys of lines short enough to be chrome are counted (a line of {@link PROTECTED_CHARS} or
 * more is a paragraph, never chrome).
 */
export function chromeLearner(lex: Lexicon, minFiles = CHROME_MIN_FILES): ChromeLearner {
  const seen = new Map<string, { files: number; outside: number; text: string }>();
  const count = (lines: readonly ChromeLine[]): void => {
    for (const f of lines) {
      if (f.text === null) continue;
      const s = seen.get(f.key) ?? { files: 0, outside: 0, text: f.text };
      s.files++;
      if (f.outside) s.outside++;
      seen.set(f.key, s);
    }
  };
  return {
    add: (lines) => count(chromeLines(lines, lex)),
    count,
    profile() {
      const keys = new Map<string, number>();
      for (const [key, s] of seen) {
        if (s.files < minFiles || isProtected(s.text, lex)) continue;
        if (hasChromeWord(s.text, lex) || s.outside * 3 >= s.files * 2) keys.set(key, s.files);
      }
      return { keys, lexicon: lex };
    },
  };
}

/**
 * Whether the learned chrome a file holds differs between two profiles: a key of the file learned in
 * one and not the other, or seen in another number of files (the count is part of its log sample).
 */
export function chromeChangedFor(lines: readonly ChromeLine[], before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): boolean {
  return lines.some((l) => before.get(l.key) !== after.get(l.key));
}

/** Learn the collection's chrome from every file's lines (after the rule-based cleaning). */
export function learnChrome(files: readonly (readonly SourceLine[])[], lex: Lexicon, minFiles = CHROME_MIN_FILES): ChromeProfile {
  const learner = chromeLearner(lex, minFiles);
  for (const lines of files) learner.add(lines);
  return learner.profile();
}

/** Remove the learned chrome lines from one file; each removal is logged as `learned_chrome`. */
export function stripLearnedChrome(lines: readonly SourceLine[], profile: ChromeProfile): StepResult {
  const kept: SourceLine[] = [];
  const removals: Removal[] = [];
  for (const line of lines) {
    const files = profile.keys.get(chromeKey(line.text));
    if (files === undefined) kept.push(line);
    else removals.push({ rule: 'learned_chrome', chars: line.text.length, sample: sampleOf(`${line.text} (in ${files} files)`), lineNo: line.lineNo });
  }
  return { lines: kept, removals };
}
