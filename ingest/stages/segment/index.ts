import type { Lexicon, UnitKind } from '../../../common/lexicon';
import type { DocType, YearSource } from '../../../common/schema';
import { sampleOf, type CleanHints, type Removal, type SourceLine } from '../clean/types';
import { cleanTitle, documentStarts, isHeadingLike, isTitleLine } from './boundaries';
import { splitLeadingTitle, splitRunTogether } from './inline-split';
import { inferDocType, inferOrg, inferTitle, inferYear, unitKind, yearOfTitle } from './metadata';
import { segmentPatterns, type SegmentPatterns } from './patterns';

/** One document found in a file, with its metadata and paragraphs (title paragraph included). */
export interface FoundDocument {
  readonly title: string;
  readonly titleInferred: boolean;
  readonly year: number | null;
  readonly yearSource: YearSource | null;
  readonly docType: DocType;
  readonly org: string | null;
  readonly unitType: UnitKind;
  readonly paragraphs: string[];
}

/** What segmentation needs besides the cleaned lines. */
export interface SegmentConfig {
  readonly lexicon: Lexicon;
  readonly nowYear: number;
}

/**
 * A document must have a body of at least this many non-whitespace characters, title excluded, and
 * one finished sentence; a shorter part of a page is site chrome or a fragment, never a document.
 */
export const MIN_BODY_CHARS = 100;

/** A paragraph on its way through segmentation, with the source line it came from. */
interface Para {
  text: string;
  readonly lineNo: number;
  readonly title: boolean;
  /** Listed under a 目录 header. */
  readonly contents?: boolean;
}

const nonSpace = (s: string): number => s.replace(/\s+/gu, '').length;
/** A line of separators only (——, ====, ***, |). */
const SEPARATOR = /^[\s\-–—_=*~·•|/\\.]*$/u;

/**
 * Split a cleaned file into documents and describe each: title, year, type, unit. Viewer dumps first
 * get their paragraph breaks back; then title decorations, repeated titles, tables of contents and
 * generic writing advice are taken off (each logged), the page is cut at titles and outline restarts,
 * a summary followed by next year's plan under its own heading is cut there, and parts without a body
 * are merged into the document before them (or logged as chrome when nothing comes before).
 */
export function segmentFile(lines: readonly SourceLine[], hints: CleanHints, config: SegmentConfig): { segments: FoundDocument[]; removals: Removal[] } {
  const pat = segmentPatterns(config.lexicon);
  const removals: Removal[] = [];
  const drop = (p: Para, rule: string, text = p.text): void => {
    removals.push({ rule, chars: nonSpace(text), sample: sampleOf(text), lineNo: p.lineNo });
  };
  let paras: Para[] = lines.flatMap((l) =>
    (hints.viewerDump ? splitRunTogether(l.text, pat) : splitLeadingTitle(l.text, pat)).map((r) => ({ text: r.text, lineNo: l.lineNo, title: r.title })),
  );
  paras = tidyTitles(paras, pat, drop);
  if (paras.length === 0) return { segments: [], removals };

  const texts = paras.map((p) => p.text);
  const knownTitles = new Set(paras.flatMap((p, i) => (p.title ? [i] : [])));
  const starts = documentStarts(texts, pat, knownTitles);
  let parts = starts.map((s, i) => paras.slice(s, starts[i + 1] ?? paras.length));
  parts = parts.flatMap((part) => splitSummaryAndPlan(part, pat, config.nowYear));
  parts = mergeBodiless(parts, pat, drop);

  const hintTitle = parts.length === 1 ? (hints.titles[0] ?? null) : null;
  const segments: FoundDocument[] = [];
  for (const part of parts) {
    const first = part[0]!;
    const ownTitle = first.title || isTitleLine(first.text, pat) ? first.text : null;
    const body = (ownTitle ? part.slice(1) : part).map((p) => p.text);
    const title = ownTitle ?? hintTitle;
    const { year, source } = inferYear(title, body, hints.postedYear, config.nowYear, config.lexicon);
    const docType = inferDocType(title, body, pat);
    // next year's plan after a summary on the same page is the same unit's
    const prev = segments[segments.length - 1];
    const summary = prev?.docType === 'summary' && docType === 'plan' && prev.year !== null && year === prev.year + 1 ? prev : undefined;
    const own = inferOrg(title, body, pat);
    const inherit = summary !== undefined && own.from !== 'heading';
    segments.push({
      title: title ?? inferTitle(body, pat),
      titleInferred: title === null,
      year,
      yearSource: source,
      docType,
      org: inherit ? summary.org : own.org,
      unitType: inherit ? summary.unitType : unitKind(own, body, config.lexicon),
      paragraphs: part.map((p) => p.text),
    });
  }
  return { segments, removals };
}

/** Does this paragraph carry a body (a finished sentence of some length)? */
function isBodyParagraph(p: Para, pat: SegmentPatterns): boolean {
  return !p.title && !isTitleLine(p.text, pat) && (!isHeadingLike(p.text, pat) || pat.outlineMarker.test(p.text));
}

/**
 * Titles as a reader sees them: decorations off; a title printed two to four times (in a row, with
 * separators between, or twice on one line) kept once, and pieces of it printed under it (a viewer's
 * keyword lines) dropped; a table of contents (titles listed before the documents they name) and
 * generic writing advice before the first body dropped.
 */
function tidyTitles(paras: Para[], pat: SegmentPatterns, drop: (p: Para, rule: string, text?: string) => void): Para[] {
  const out: Para[] = [];
  let afterContents = false;
  for (const p of paras) {
    if (SEPARATOR.test(p.text)) {
      drop(p, 'separator');
      continue;
    }
    if (/^(?:本文)?目\s*录:?$/u.test(p.text)) {
      drop(p, 'table_of_contents');
      afterContents = true;
      continue;
    }
    const titleLike = p.title || isTitleLine(p.text, pat);
    if (titleLike) {
      const clean = doubledTitle(cleanTitle(p.text, pat));
      if (clean !== p.text) drop(p, 'title_decoration', p.text.length > clean.length ? diffSample(p.text, clean) : p.text);
      p.text = clean;
      if (!clean) continue;
    } else afterContents = false;
    out.push(afterContents ? { ...p, contents: true } : p);
  }
  dropKeywordRuns(out, pat, drop);
  // repeated titles: the same title again before any body
  const kept: Para[] = [];
  let lastTitle: string | null = null;
  out.forEach((p, i) => {
    const titleLike = p.title || isTitleLine(p.text, pat);
    if (titleLike && lastTitle !== null && sameTitle(lastTitle, p.text)) {
      drop(p, 'repeated_title');
      return;
    }
    // a viewer's keyword lines around the title: 青石镇 / 2024 / 意识形态工作 / 要点
    if (!titleLike && isTitleFragment(out, i, pat)) {
      drop(p, 'title_fragment');
      return;
    }
    if (titleLike) lastTitle = p.text;
    else if (isBodyParagraph(p, pat) || nonSpace(p.text) > 30) lastTitle = null;
    kept.push(p);
  });
  // a table of contents: two or more titles in a row; those that come back later as titles are its entries
  const titleAt = kept.map((p) => p.title || isTitleLine(p.text, pat));
  const lastAt = new Map<string, number>();
  kept.forEach((p, n) => {
    if (titleAt[n]) lastAt.set(titleKey(p.text), n);
  });
  const toc = new Set<number>();
  for (let i = 0; i < kept.length; i++) {
    let j = i;
    while (j < kept.length && titleAt[j]) j++;
    for (let k = i; j - i >= 2 && k < j - 1; k++) {
      // under a 目录 header every entry but the last (the first document's own title) is the contents
      if (kept[k]!.contents || (lastAt.get(titleKey(kept[k]!.text)) ?? -1) > k) toc.add(k);
    }
    i = Math.max(i, j);
  }
  // generic writing advice before the first body paragraph, with a short lead-in or two after it
  let seenBody = false;
  let inAdvice = 0;
  const result: Para[] = [];
  kept.forEach((p, i) => {
    if (toc.has(i)) {
      drop(p, 'table_of_contents');
      return;
    }
    const advice = pat.lex.writingAdvice.some((re) => re.test(p.text));
    // a short lead-in right after advice (接下来请看…) goes with it; nothing numbered or long does
    const leadIn = inAdvice > 0 && p.text.length <= 60 && !pat.outlineMarker.test(p.text);
    if (!seenBody && !titleAt[i] && (advice || leadIn)) {
      drop(p, 'writing_advice');
      inAdvice = advice ? 2 : inAdvice - 1;
      return;
    }
    inAdvice = 0;
    if (!titleAt[i] && isBodyParagraph(p, pat)) seenBody = true;
    result.push(p);
  });
  return keepMostSpecificTitle(result, pat, drop);
}

/**
 * Titles in a row before a body (a site's category label 述职报告 over the document's own title, a
 * title and its variant) are one title: the longest is kept, the others are logged as `extra_title`.
 */
function keepMostSpecificTitle(paras: Para[], pat: SegmentPatterns, drop: (p: Para, rule: string) => void): Para[] {
  const out: Para[] = [];
  for (let i = 0; i < paras.length;) {
    let j = i;
    while (j < paras.length && (paras[j]!.title || isTitleLine(paras[j]!.text, pat))) j++;
    if (j - i >= 2) {
      const run = paras.slice(i, j);
      const best = run.reduce((a, b) => (b.text.length > a.text.length ? b : a));
      for (const p of run) if (p !== best) drop(p, 'extra_title');
      out.push(best);
      i = j;
    } else {
      out.push(paras[i]!);
      i++;
    }
  }
  return out;
}

/**
 * A viewer's keyword block next to a title (青石镇 / 2024 / 网络意识形态工作 / 讲话): two or more short
 * lines without punctuation, one of them a bare year or a piece of the title, right before or after a
 * title line. The whole block is dropped (in place) and logged as `title_keywords`.
 */
function dropKeywordRuns(paras: Para[], pat: SegmentPatterns, drop: (p: Para, rule: string) => void): void {
  const short = (p: Para): boolean =>
    !p.title && p.text.length <= 12 && !pat.outlineMarker.test(p.text) && !pat.lineEnd.test(p.text) && !isTitleLine(p.text, pat);
  const titleAt = (k: number): Para | null => {
    const q = paras[k];
    return q && (q.title || isTitleLine(q.text, pat)) ? q : null;
  };
  for (let i = 0; i < paras.length; i++) {
    if (!short(paras[i]!)) continue;
    let j = i;
    while (j < paras.length && short(paras[j]!)) j++;
    const titles = [titleAt(i - 1), titleAt(j)].filter((t): t is Para => t !== null);
    const run = paras.slice(i, j);
    const anchored = run.some((p) => /^(?:19|20)\d{2}$/u.test(p.text) || titles.some((t) => t.text.includes(p.text)));
    if (run.length >= 2 && titles.length > 0 && anchored) {
      for (const p of run) drop(p, 'title_keywords');
      paras.splice(i, run.length);
      i--;
    } else i = j - 1;
  }
}

/** A short line that is a piece of a title printed just before or after it (no body in between). */
function isTitleFragment(paras: readonly Para[], i: number, pat: SegmentPatterns): boolean {
  const t = paras[i]!.text;
  if (t.length > 20 || pat.outlineMarker.test(t) || pat.lineEnd.test(t)) return false;
  for (const step of [-1, 1]) {
    for (let k = i + step, n = 0; k >= 0 && k < paras.length && n < 6; k += step, n++) {
      const q = paras[k]!;
      if (q.title || isTitleLine(q.text, pat)) {
        if (q.text.includes(t) && q.text !== t) return true;
        continue;
      }
      if (isBodyParagraph(q, pat) || nonSpace(q.text) > 30) break;
    }
  }
  return false;
}

/** A title printed twice on one line (`T T`, `T——T`, `TT`) as the title once. */
function doubledTitle(t: string): string {
  const m = /^(.{4,60}?)\s*[-–—_|/]*\s*\1$/u.exec(t);
  return m ? m[1]!.trim() : t;
}

function diffSample(before: string, after: string): string {
  const at = before.indexOf(after);
  return at < 0 ? before : `${before.slice(0, at)}…${before.slice(at + after.length)}`;
}

/** A title without spaces, quotes, brackets and dashes: two printings of one title share it. */
const titleKey = (s: string): string => s.replace(/[\s“”"'《》<>()\-–—_:·]/gu, '');

/** Two titles that are the same one (decorations, spaces and year-less shortening aside). */
function sameTitle(a: string, b: string): boolean {
  const x = titleKey(a);
  const y = titleKey(b);
  return x === y || (x.length >= 6 && y.length >= 6 && (x.endsWith(y) || y.endsWith(x)));
}

/**
 * A year's summary followed by next year's plan under a heading of its own (二、2024年工作计划,
 * 2024年工作打算) is two documents: the plan starts at that heading, which becomes its title (with the
 * summary's unit in front when the heading names none). A 下一步打算 section names no later year and
 * stays part of the summary.
 */
function splitSummaryAndPlan(part: Para[], pat: SegmentPatterns, nowYear: number): Para[][] {
  const first = part[0];
  if (!first || part.length < 4) return [part];
  const title = first.title || isTitleLine(first.text, pat) ? first.text : null;
  const lex = pat.lex;
  const summaryYear = title ? yearOfTitle(title, lex) : null;
  if (title && inferDocType(title, [], pat) !== 'summary') return [part];
  const plan = lex.genreWords.filter((g) => g.type === 'plan').map((g) => g.word);
  for (let i = 2; i < part.length - 1; i++) {
    const p = part[i]!;
    if (!isHeadingLike(p.text, pat) || p.text.length > 40) continue;
    const heading = p.text.replace(pat.outlineMarker, '').trim();
    const m = /^((?:19|20)\d{2})\s*年度?/u.exec(heading);
    if (!m || !plan.some((w) => heading.endsWith(w))) continue;
    const year = Number(m[1]);
    if (year > nowYear + 1 || (summaryYear !== null && year <= summaryYear)) continue;
    const body = part.slice(i + 1);
    if (nonSpace(body.map((q) => q.text).join('')) < MIN_BODY_CHARS) continue;
    const org = title ? inferOrg(title, [], pat).org : null;
    const planTitle = org && !heading.includes(org) ? `${org}${heading}` : heading;
    return [part.slice(0, i), [{ text: planTitle, lineNo: p.lineNo, title: true }, ...body]];
  }
  return [part];
}

/**
 * Parts without a body (below {@link MIN_BODY_CHARS}, or without one finished sentence) are not
 * documents: appended to the document before them, or, at the head of a page, logged as chrome. A page
 * none of whose parts has a body on its own, but that has one taken together, is one document.
 */
function mergeBodiless(parts: Para[][], pat: SegmentPatterns, drop: (p: Para, rule: string, text?: string) => void): Para[][] {
  const hasBody = (paras: readonly Para[]): boolean => {
    const first = paras[0];
    const body = (first && (first.title || isTitleLine(first.text, pat)) ? paras.slice(1) : paras).map((p) => p.text);
    return nonSpace(body.join('')) >= MIN_BODY_CHARS && body.some((t) => pat.anySentenceEnd.test(t));
  };
  const enough = parts.map(hasBody);
  if (!enough.some(Boolean)) {
    const whole = parts.flat();
    if (whole.length && hasBody(whole)) return [whole];
    for (const p of whole) drop(p, 'no_body');
    return [];
  }
  const out: Para[][] = [];
  parts.forEach((part, i) => {
    const prev = out[out.length - 1];
    if (enough[i]) out.push(part);
    else if (prev) prev.push(...part);
    else for (const p of part) drop(p, 'no_body');
  });
  return out;
}
