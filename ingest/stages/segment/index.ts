import type { DocType } from '../../../common/schema';
import type { CleanHints, SourceLine } from '../clean/types';
import { documentStarts, isTitleLine } from './boundaries';
import { splitLeadingTitle, splitRunTogether } from './inline-split';
import { inferDocType, inferOrg, inferTitle, inferYear, unitType, type YearSource } from './metadata';

/** One document found in a file, with its metadata and paragraphs (title paragraph included). */
export interface Segment {
  readonly title: string;
  readonly titleInferred: boolean;
  readonly year: number | null;
  readonly yearSource: YearSource | null;
  readonly docType: DocType;
  readonly org: string | null;
  readonly unitType: string;
  readonly paragraphs: string[];
}

/**
 * Split a cleaned file into documents and describe each: title, year, type, unit.
 * Viewer dumps first get their paragraph breaks back.
 */
export function segmentFile(lines: readonly SourceLine[], hints: CleanHints, nowYear: number): Segment[] {
  const restored = lines.flatMap((l) => (hints.viewerDump ? splitRunTogether(l.text) : splitLeadingTitle(l.text)));
  if (restored.length === 0) return [];
  const paragraphs = restored.map((p) => p.text);
  const knownTitles = new Set(restored.flatMap((p, i) => (p.title ? [i] : [])));
  const starts = documentStarts(paragraphs, knownTitles);
  const parts = starts.map((s, i) => paragraphs.slice(s, starts[i + 1] ?? paragraphs.length));
  const hintTitle = parts.length === 1 ? hints.titles[0] ?? null : null;
  return parts.map((part, n) => {
    const ownTitle = isTitleLine(part[0]!) || knownTitles.has(starts[n]!) ? part[0]! : null;
    const body = ownTitle ? part.slice(1) : part;
    const title = ownTitle ?? hintTitle;
    const { year, source } = inferYear(title, body, hints.postedYear, nowYear);
    const org = inferOrg(title, body);
    return {
      title: title ?? inferTitle(body),
      titleInferred: title === null,
      year,
      yearSource: source,
      docType: inferDocType(title, body),
      org,
      unitType: unitType(org, body),
      paragraphs: part,
    };
  });
}
