/**
 * Scores an ingest of a generated collection of invented sites against what was planted: which
 * planted documents came out (once), which extra documents appeared, which chrome lines survived, and
 * how often type, year and unit kind were right.
 */
import { toSimplified } from '../../ingest/stages/clean/script';
import { foldWidth } from '../../common/width';
import type { GeneratedCollection, PlantedDocument } from '../fixtures/make/sites';

/** A document row as the ingest wrote it. */
export interface IngestedDoc {
  readonly doc_id: number;
  readonly source_path: string;
  readonly title: string;
  readonly year: number | null;
  readonly doc_type: string;
  readonly unit_type: string;
  readonly char_count: number;
  readonly text: string;
}

/** One disagreement, for the test's message. */
export interface Miss {
  readonly file: string;
  readonly what: string;
  readonly expected: unknown;
  readonly got: unknown;
}

/** The score. */
export interface CollectionScore {
  readonly planted: number;
  /** Planted documents found exactly once. */
  readonly foundOnce: number;
  readonly missing: Miss[];
  /** Ingested documents that hold no planted document. */
  readonly extra: IngestedDoc[];
  /** Chrome lines still in a document's text, with the document. */
  readonly survivingChrome: { readonly file: string; readonly line: string }[];
  readonly typeRight: number;
  readonly yearRight: number;
  readonly unitKindRight: number;
  readonly misses: Miss[];
  /** Planted document → ingested doc_id. */
  readonly match: ReadonlyMap<PlantedDocument, number>;
}

/** Text compared as the ingest writes it: width folded, Simplified, without whitespace. */
export const norm = (s: string): string => toSimplified(foldWidth(s)).replace(/\s+/gu, '');

/** Score the ingested documents of a generated collection. */
export function scoreCollection(c: GeneratedCollection, docs: readonly IngestedDoc[]): CollectionScore {
  // a page may have been written as .txt or as .html
  const page = (path: string): string => path.replace(/\.(?:txt|html)$/u, '');
  const byFile = new Map<string, IngestedDoc[]>();
  for (const d of docs) byFile.set(page(d.source_path), [...(byFile.get(page(d.source_path)) ?? []), d]);
  const normText = new Map(docs.map((d) => [d.doc_id, norm(d.text)]));
  const match = new Map<PlantedDocument, number>();
  const missing: Miss[] = [];
  const misses: Miss[] = [];
  let typeRight = 0;
  let yearRight = 0;
  let unitKindRight = 0;
  for (const p of c.documents) {
    const first = norm(p.first);
    const last = norm(p.last);
    const holders = (byFile.get(page(p.file)) ?? []).filter((d) => {
      const t = normText.get(d.doc_id)!;
      return t.includes(first) && t.includes(last);
    });
    if (holders.length !== 1) {
      missing.push({ file: p.file, what: `document ${p.part} (${p.title})`, expected: 1, got: holders.map((h) => h.title) });
      continue;
    }
    const d = holders[0]!;
    match.set(p, d.doc_id);
    const check = (what: string, expected: unknown, got: unknown): number => {
      if (expected === got) return 1;
      misses.push({ file: p.file, what: `${what} of ${p.title}`, expected, got });
      return 0;
    };
    typeRight += check('type', p.docType, d.doc_type);
    yearRight += check('year', p.year, d.year);
    unitKindRight += check('unit kind', p.unitKind, d.unit_type);
  }
  const matched = new Set(match.values());
  const extra = docs.filter((d) => !matched.has(d.doc_id));
  const chrome = new Set(c.chromeLines.map(norm).filter((l) => l.length > 0));
  const survivingChrome = docs.flatMap((d) =>
    d.text
      .split('\n')
      .filter((l) => chrome.has(norm(l)))
      .map((line) => ({ file: d.source_path, line })),
  );
  return { planted: c.documents.length, foundOnce: match.size, missing, extra, survivingChrome, typeRight, yearRight, unitKindRight, misses, match };
}
