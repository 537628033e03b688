/**
 * The per-file part of the ingest: reading a file into prepared parts (decode, split, per-file
 * cleaning), and turning one prepared part into documents (learned chrome, segmentation, spans, tokens,
 * theme hits). Nothing here needs the whole collection but the chrome keys, which are passed in, so
 * the work runs on worker threads (`file-pool.ts`). What crosses threads is strings: a prepared file
 * as one JSON string, a file's documents as another (an earlier try cloned the prepared lines and
 * documents as objects, and the cloning ate what the second core gave).
 */
import type { Lexicon } from '../common/lexicon';
import { stageTimer, untimed, type StageMs, type Timer } from './stages/timing';
import type { IngestConfig } from './config';
import { loadLexicon } from './lexicon';

import { sha256 } from './fingerprint';
import { chromeLines, type ChromeLine, type ChromeProfile } from './stages/clean/chrome';
import { finishFile, prepareFile, type CleanedFile, type Removal } from './stages/clean/index';
import type { CompiledRule } from './stages/clean/wrappers';
import { segmentFile, type FoundDocument } from './stages/segment/index';
import { segmentPatterns } from './stages/segment/patterns';
import { charCount, joinParagraphs, sentenceSpans, type SentenceSpan, type Span } from './stages/spans';
import { loadWrapperRules } from './stages/clean/wrappers';
import { MAX_PART_CHARS, splitParts } from './stages/parts';
import { READERS, readBytes, readInput, type InputFile } from './stages/read';
import { compileThemes, findThemeHits, loadThemes, type ThemeHit } from './stages/themes';
import { countTerms, loadTokenizer, type Tokenizer } from './stages/tokenize';
import { loadGazetteer, type Gazetteer } from './stages/places/gazetteer';
import { findPlaces, type PlaceHome, type PlaceMention } from './stages/places/find';

/** A document of one file: its segment, its text and the spans into it. */
export interface FileDocument extends FoundDocument {
  readonly text: string;
  readonly charCount: number;
  readonly paragraphSpans: Span[];
  readonly sentences: SentenceSpan[];
}

/** One file's documents, and what cleaning and segmentation removed from it. */
export interface FileOutcome {
  readonly removals: Removal[];
  readonly documents: FileDocument[];
}

/**
 * Clean one decoded file, split it into documents and lay out each document's text and spans:
 * the clean → segment → spans part of the pipeline, for one file.
 */
export function fileDocuments(decoded: string, config: FileConfig, time: Timer = untimed, chrome: ChromeProfile | null = null): FileOutcome {
  const prepared = time('clean', () => prepareFile(decoded, config));
  return preparedDocuments(prepared, config, time, chrome);
}

/** What cleaning and segmenting one file needs. */
export type FileConfig = Pick<IngestConfig, 'minRepeatChars' | 'nowYear'> & { wrapperRules: CompiledRule[]; lexicon: Lexicon };

/** The rest of {@link fileDocuments} for a file already prepared, once the collection's chrome is known. */
export function preparedDocuments(prepared: CleanedFile, config: FileConfig, time: Timer = untimed, chrome: ChromeProfile | null = null): FileOutcome {
  const cleaned = time('clean', () => finishFile(prepared, chrome, config));
  const { segments, removals } = time('segment', () => segmentFile(cleaned.lines, cleaned.hints, config));
  const documents = time('spans', () =>
    segments.map((seg) => {
      const joined = joinParagraphs(seg.paragraphs);
      return {
        ...seg,
        text: joined.text,
        charCount: charCount(joined.text),
        paragraphSpans: joined.paragraphs,
        sentences: sentenceSpans(joined.text, joined.paragraphs, segmentPatterns(config.lexicon).sentenceSplit),
      };
    }),
  );
  return { removals: [...cleaned.removals, ...removals], documents };
}

/** What per-file work needs, loaded once. */
export interface FileContext {
  readonly file: FileConfig;
  readonly lexicon: Lexicon;
  readonly tokenizer: Tokenizer;
  readonly themes: ReturnType<typeof compileThemes>;
  readonly gazetteer: Gazetteer;
}

/** Load the data files per-file work needs (the lexicon, rules, tokenizer and themes). */
export function loadFileContext(config: IngestConfig): FileContext {
  const lexicon = loadLexicon(config.lexicon);
  return {
    file: { ...config, wrapperRules: loadWrapperRules(config.wrapperRules), lexicon },
    lexicon,
    tokenizer: loadTokenizer(config.userDict, config.stopwords, lexicon),
    themes: compileThemes(loadThemes(config.themes)),
    gazetteer: loadGazetteer(),
  };
}

/** A file read and prepared: its parts (a long file is several), or why it was skipped. */
export type PreparedInput =
  | {
      readonly ok: true;
      readonly relPath: string;
      readonly encoding: string;
      readonly removals: Removal[];
      readonly parts: CleanedFile[];
      readonly warning?: string;
    }
  | { readonly ok: false; readonly relPath: string; readonly reason: string };

/** Read (from `bytes` when already read), decode and split one file, and clean each part as far as one file allows; times added to `stageMs`. */
export async function prepareInput(file: InputFile, ctx: FileContext, stageMs: StageMs, bytes: Uint8Array | null = null): Promise<PreparedInput> {
  const time = stageTimer(stageMs);
  const t0 = performance.now();
  const read = await readInput(file, READERS, bytes);
  stageMs['read'] = (stageMs['read'] ?? 0) + performance.now() - t0;
  if (!read.ok) return { ok: false, relPath: file.relPath, reason: read.reason };
  const texts = splitParts(read.text);
  const parts = texts.map((text) => time('clean', () => prepareFile(text, ctx.file)));
  const warning = texts.length > 1 ? `${file.relPath}: ${read.text.length} characters, read as ${texts.length} parts of at most ${MAX_PART_CHARS}` : undefined;
  return { ok: true, relPath: file.relPath, encoding: read.encoding, removals: read.removals ?? [], parts, ...(warning ? { warning } : {}) };
}

/** A document of one part, with its tokens, theme hits and places. */
export interface PartDocument extends FileDocument {
  readonly tokenCount: number;
  readonly terms: Map<string, number>;
  readonly themeHits: ThemeHit[];
  readonly places: PlaceMention[];
  readonly home: PlaceHome | null;
}

/** A document's places and home, from its text, title, unit and unit kind (see `stages/places/find.ts`). */
export function documentPlaces(
  doc: Pick<FileDocument, 'text' | 'title' | 'org' | 'unitType'>,
  gazetteer: Gazetteer,
): { places: PlaceMention[]; home: PlaceHome | null } {
  const titleEnd = doc.title && doc.text.startsWith(doc.title) ? doc.title.length : 0;
  const { mentions, home } = findPlaces({ text: doc.text, titleEnd, org: doc.org, unitType: doc.unitType }, gazetteer);
  return { places: mentions, home };
}

/** One prepared part's documents (learned chrome applied), tokenized and with their theme hits; times added to `stageMs`. */
export function partDocuments(
  part: CleanedFile,
  chrome: ChromeProfile | null,
  ctx: FileContext,
  stageMs: StageMs,
): { removals: Removal[]; documents: PartDocument[] } {
  const time = stageTimer(stageMs);
  const { removals, documents } = preparedDocuments(part, ctx.file, time, chrome);
  return {
    removals,
    documents: documents.map((doc) => {
      const { terms, tokenCount } = time('tokenize', () => countTerms(doc.text, ctx.tokenizer));
      const themeHits = time('themes', () => findThemeHits(doc.text, ctx.themes));
      const { places, home } = time('places', () => documentPlaces(doc, ctx.gazetteer));
      return { ...doc, terms, tokenCount, themeHits, places, home };
    }),
  };
}

/** A prepared file that can be used. */
type UsableInput = Extract<PreparedInput, { ok: true }>;

/** What of a usable prepared file waits for pass 2, as JSON: its parts and removals. */
type PackedParts = Pick<UsableInput, 'parts' | 'removals'>;

/**
 * A prepared file as it waits for pass 2: its parts and removals as one JSON string (`packed`), one
 * heap object where the lines would be millions of small ones, and one string to send to a thread.
 */
export type PackedInput = Exclude<PreparedInput, { ok: true }> | (Omit<UsableInput, 'parts' | 'removals'> & { readonly packed: string });

export function packInput(input: PreparedInput): PackedInput {
  if (!input.ok) return input;
  const { parts, removals, ...rest } = input;
  return { ...rest, packed: JSON.stringify({ parts, removals } satisfies PackedParts) };
}

export function unpackInput(input: PackedInput): PreparedInput {
  if (!input.ok) return input;
  const { packed, ...rest } = input;
  return { ...rest, ...(JSON.parse(packed) as PackedParts) };
}

/** Pass 1 of one file: its content hash and size, and unless the hash is `unchangedHash`, the file prepared and its chrome lines. */
export interface FirstPass {
  readonly hash: string | null;
  readonly bytes: number;
  /** Null when the file is unchanged (its hash is `unchangedHash`) and was left unread. */
  readonly input: PackedInput | null;
  /** What the chrome learner counts of the file (empty when left unread). */
  readonly chrome: ChromeLine[];
}

/** Hash one file, and unless it is unchanged, read, decode and clean it as far as one file allows; times added to `stageMs`. */
export async function firstPass(file: InputFile, unchangedHash: string | null, ctx: FileContext, stageMs: StageMs): Promise<FirstPass> {
  const time = stageTimer(stageMs);
  const bytes = time('read', () => readBytes(file));
  const hash = bytes ? time('read', () => sha256(bytes)) : null;
  const size = bytes?.length ?? file.bytes;
  if (hash !== null && hash === unchangedHash) return { hash, bytes: size, input: null, chrome: [] };
  const input = await prepareInput(file, ctx, stageMs, bytes);
  // chrome is learned per file: the parts of a long file are one file there
  const chrome = input.ok
    ? time('clean', () =>
        chromeLines(
          input.parts.flatMap((p) => p.lines),
          ctx.lexicon,
        ),
      )
    : [];
  return { hash, bytes: size, input: packInput(input), chrome };
}

/** A document as pass 2 hands it to the writer: its paragraphs are in its text and spans. */
export type WrittenDocument = Omit<PartDocument, 'paragraphs'>;

/** One file's documents after pass 2, and everything cleaning and segmentation removed from it, in order. */
export interface FileDocs {
  /** The prepared file without its parts: why it was skipped, or its path, encoding and warning. */
  readonly input: Exclude<PreparedInput, { ok: true }> | Omit<UsableInput, 'parts' | 'removals'>;
  readonly removals: Removal[];
  readonly documents: WrittenDocument[];
}

/** Pass 2 of one prepared file (or of a file read again, when given as an {@link InputFile}): its documents; times added to `stageMs`. */
export async function secondPass(job: PackedInput | InputFile, chrome: ChromeProfile, ctx: FileContext, stageMs: StageMs): Promise<FileDocs> {
  const input = 'ok' in job ? unpackInput(job) : await prepareInput(job, ctx, stageMs);
  if (!input.ok) return { input, removals: [], documents: [] };
  const { parts, removals, ...rest } = input;
  const all = [...removals];
  const documents: WrittenDocument[] = [];
  for (const part of parts) {
    const out = partDocuments(part, chrome, ctx, stageMs);
    all.push(...out.removals);
    for (const { paragraphs: _, ...doc } of out.documents) documents.push(doc);
  }
  return { input: rest, removals: all, documents };
}

/** {@link FileDocs} as one JSON string (a document's terms as [term, count] pairs), to cross a thread as one string. */
export function fileDocsJson(docs: FileDocs): string {
  return JSON.stringify({ ...docs, documents: docs.documents.map((d) => ({ ...d, terms: [...d.terms] })) });
}

export function parseFileDocs(json: string): FileDocs {
  const docs = JSON.parse(json) as Omit<FileDocs, 'documents'> & { documents: (Omit<WrittenDocument, 'terms'> & { terms: [string, number][] })[] };
  return { ...docs, documents: docs.documents.map((d) => ({ ...d, terms: new Map(d.terms) })) };
}
