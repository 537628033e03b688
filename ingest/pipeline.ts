import { basename } from 'node:path';
import { toCodePoints } from '../common/offsets';
import { SCHEMA_VERSION, type RowOf } from '../common/schema';
import type { IngestConfig } from './config';
import { loadFileContext, partDocuments, prepareInput, stageTimer, type PartDocument, type PreparedInput } from './file-work';
import { quietReporter, type Reporter } from './progress';
import { chromeLearner } from './stages/clean/chrome';
import type { Removal } from './stages/clean/index';
import { correctedFields, loadOverrides, overrideKey } from './stages/overrides';
import { listFiles } from './stages/read';
import { detectReuseParallel, loadSynonyms, reuseTableRows, type ReuseDoc } from './stages/reuse/index';
import { loadThemes } from './stages/themes';
import { openDatabase, type DatabaseWriter } from './stages/write';

/** A document as the pipeline writes it: a file's document with its place in the run and the analyst's corrections. */
interface PipelineDoc extends PartDocument {
  readonly docId: number;
  readonly sourcePath: string;
  readonly partNo: number;
  readonly encoding: string;
  /** Fields corrected by the analyst's overrides file, comma-separated, or null. */
  readonly corrected: string | null;
}

/** What one run did: counts, skips and time per stage. */
export interface IngestSummary {
  files: number;
  filesIngested: number;
  documents: number;
  characters: number;
  tokens: number;
  distinctTerms: number;
  reusePassages: number;
  removals: number;
  charsRemoved: number;
  skipped: { path: string; reason: string }[];
  stageMs: Record<string, number>;
  db: string;
}

/** A user-facing failure: the message is the whole story, no stack trace needed. */
export class IngestError extends Error {}

async function timed<T>(summary: IngestSummary, stage: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    summary.stageMs[stage] = (summary.stageMs[stage] ?? 0) + performance.now() - t0;
  }
}

/** Whole milliseconds per stage, for the summary and `ingest_meta`. */
function roundStages(summary: IngestSummary): void {
  for (const [k, v] of Object.entries(summary.stageMs)) summary.stageMs[k] = Math.round(v);
}

/**
 * Ingest every file under `config.input` into a fresh DuckDB file at `config.db`:
 * read → decode → clean → segment → spans → tokenize → themes → write (atomically), in two passes
 * over the files: the first reads and cleans each file and learns the collection's chrome, the second
 * makes each file's documents and writes their rows at once, keeping only what the reuse stage needs
 * (each document's text, year and unit). A file that cannot be used is listed in `skipped_files` and
 * the run goes on; the database is replaced only when at least one document came out.
 */
export async function runIngest(config: IngestConfig, reporter: Reporter = quietReporter): Promise<IngestSummary> {
  const summary: IngestSummary = {
    files: 0,
    filesIngested: 0,
    documents: 0,
    characters: 0,
    tokens: 0,
    distinctTerms: 0,
    reusePassages: 0,
    removals: 0,
    charsRemoved: 0,
    skipped: [],
    stageMs: {},
    db: config.db,
  };
  const time = stageTimer(summary.stageMs);
  const ctx = time('setup', () => loadFileContext(config));
  const lexicon = ctx.lexicon;
  const themes = time('setup', () => loadThemes(config.themes));
  const synonyms = time('setup', () => loadSynonyms(config.synonyms, lexicon));
  const overrides = time('setup', () => loadOverrides(config.overrides));

  let files;
  try {
    files = listFiles(config.input);
  } catch (err) {
    throw new IngestError(`cannot read input folder ${config.input}: ${(err as Error).message}`);
  }
  summary.files = files.length;
  if (files.length === 0) throw new IngestError(`no files under ${config.input}`);

  // Pass 1: read, decode and clean each file as far as one file allows, and count its line keys for
  // the chrome learned from the whole collection.
  const learner = chromeLearner(lexicon, config.chromeMinFiles);
  const inputs: (KeptInput | null)[] = [];
  for (const [i, file] of files.entries()) {
    reporter.progress('clean', i, files.length, file.relPath);
    const input = await prepareInput(file, ctx, summary.stageMs);
    // chrome is learned per file: the parts of a long file are one file there
    if (input.ok) time('clean', () => learner.add(input.parts.flatMap((p) => p.lines)));
    inputs.push(keep(input));
  }
  reporter.progress('clean', files.length, files.length);
  const chrome = time('clean', () => learner.profile());

  // Pass 2: each file's documents, written as they come; only what reuse needs stays in memory.
  const db = await openDatabase(config.db);
  try {
    const reuseDocs: ReuseDoc[] = [];
    const terms = new Set<string>();
    const used = new Set<string>();
    const write = (work: () => void): void => time('write', work);
    for (const [i, kept] of inputs.entries()) {
      inputs[i] = null; // the file's lines are not needed after this
      if (!kept) continue;
      const input = unpack(kept);
      reporter.progress('tokenize', i, inputs.length, input.relPath);
      if (!input.ok) {
        summary.skipped.push({ path: input.relPath, reason: input.reason });
        reporter.warn(`${input.relPath}: skipped: ${input.reason}`);
        continue;
      }
      if (input.warning) reporter.warn(input.warning);
      const log: RowOf<'cleaning_log'>[] = [];
      logRemovals(log, input.relPath, input.removals, summary);
      const documents: PartDocument[] = [];
      for (const part of input.parts) {
        const out = partDocuments(part, chrome, ctx, summary.stageMs);
        logRemovals(log, input.relPath, out.removals, summary);
        documents.push(...out.documents);
      }
      write(() => db.append('cleaning_log', log));
      if (documents.length === 0) {
        summary.skipped.push({ path: input.relPath, reason: 'no document left after cleaning: only site chrome, or no part with a body' });
        reporter.warn(`${input.relPath}: skipped: no document left after cleaning`);
        continue;
      }
      summary.filesIngested++;
      documents.forEach((found, part) => {
        const key = overrideKey(input.relPath, part + 1);
        const fix = overrides.get(key);
        if (fix) used.add(key);
        const corrected = fix ? correctedFields(fix) : [];
        const doc: PipelineDoc = {
          ...found,
          ...(fix?.year !== undefined ? { year: fix.year, yearSource: 'override' as const } : {}),
          ...(fix?.doc_type !== undefined ? { docType: fix.doc_type } : {}),
          ...(fix?.unit_type !== undefined ? { unitType: fix.unit_type } : {}),
          ...(fix?.org !== undefined ? { org: fix.org } : {}),
          ...(fix?.title !== undefined ? { title: fix.title, titleInferred: false } : {}),
          corrected: corrected.length ? corrected.join(',') : null,
          docId: reuseDocs.length + 1,
          sourcePath: input.relPath,
          partNo: part + 1,
          encoding: input.encoding,
        };
        write(() => appendDocument(db, doc));
        reuseDocs.push({ docId: doc.docId, text: doc.text, year: doc.year, org: doc.org });
        summary.characters += doc.charCount;
        summary.tokens += doc.tokenCount;
        for (const term of doc.terms.keys()) terms.add(term);
      });
    }
    reporter.progress('tokenize', inputs.length, inputs.length);
    for (const [key, fix] of overrides) {
      if (!used.has(key))
        reporter.warn(`${config.overrides}:${fix.line}: no document ${key.replace('\u0000', ' part ')} in this run; the correction was not applied`);
    }
    if (reuseDocs.length === 0) throw new IngestError(`no usable document in ${files.length} file(s); ${config.db} left unchanged`);
    summary.documents = reuseDocs.length;
    summary.distinctTerms = terms.size;

    reporter.progress('reuse', 0, 1);
    const reuse = await timed(summary, 'reuse', () => detectReuseParallel(reuseDocs, config.reuse, synonyms, lexicon));
    reporter.progress('reuse', 1, 1);
    summary.reusePassages = reuse.reuse.length;
    const cp = new Map<number, (index: number) => number>();
    const at = (docId: number): ((index: number) => number) => {
      let f = cp.get(docId);
      if (!f) cp.set(docId, (f = toCodePoints(reuseDocs[docId - 1]!.text)));
      return f;
    };
    write(() => {
      for (const [name, rows] of Object.entries(reuseTableRows(reuse, at))) db.append(name as 'reuse', rows as RowOf<'reuse'>[]);
      db.append(
        'skipped_files',
        summary.skipped.map((s) => ({ source_path: s.path, reason: s.reason })),
      );
      db.append(
        'synonyms',
        [...synonyms].map(([variant, canonical]) => ({ variant, canonical })),
      );
      db.append(
        'themes',
        themes.flatMap((t) => t.terms.map((term) => ({ theme: t.id, term, label_zh: t.labelZh, label_en: t.labelEn }))),
      );
    });
    roundStages(summary);
    db.append('ingest_meta', [
      { key: 'schema_version', value: String(SCHEMA_VERSION) },
      { key: 'created_at', value: new Date().toISOString() },
      { key: 'input', value: config.input },
      { key: 'database', value: basename(config.db) },
      { key: 'files', value: String(summary.files) },
      { key: 'documents', value: String(summary.documents) },
      { key: 'stage_ms', value: JSON.stringify(summary.stageMs) },
    ]);
    await timed(summary, 'write', () => db.commit());
  } catch (err) {
    db.abort();
    throw err;
  }
  roundStages(summary);
  return summary;
}

/**
 * A prepared file as it waits for pass 2: its parts and removals as one JSON string, one heap object
 * where the lines would be millions of small ones that every garbage collection of pass 2 walks.
 */
type KeptInput = Exclude<PreparedInput, { ok: true }> | (Omit<Extract<PreparedInput, { ok: true }>, 'parts' | 'removals'> & { packed: string });

function keep(input: PreparedInput): KeptInput {
  if (!input.ok) return input;
  const { parts, removals, ...rest } = input;
  return { ...rest, packed: JSON.stringify({ parts, removals }) };
}

function unpack(kept: KeptInput): PreparedInput {
  if (!kept.ok) return kept;
  const { packed, ...rest } = kept;
  return { ...rest, ...(JSON.parse(packed) as Pick<Extract<PreparedInput, { ok: true }>, 'parts' | 'removals'>) };
}

function logRemovals(log: RowOf<'cleaning_log'>[], path: string, removals: readonly Removal[], summary: IngestSummary): void {
  for (const r of removals) {
    log.push({ source_path: path, rule: r.rule, chars_removed: r.chars, sample: r.sample, line_no: r.lineNo });
    summary.removals++;
    summary.charsRemoved += r.chars;
  }
}

/** One document's rows of the per-document tables; offsets converted to code points (`common/offsets.ts`). */
function appendDocument(db: DatabaseWriter, d: PipelineDoc): void {
  const at = toCodePoints(d.text);
  db.append('documents', [
    {
      doc_id: d.docId,
      source_path: d.sourcePath,
      title: d.title,
      year: d.year,
      doc_type: d.docType,
      org: d.org,
      text: d.text,
      char_count: d.charCount,
      token_count: d.tokenCount,
      year_source: d.yearSource,
      unit_type: d.unitType,
      part_no: d.partNo,
      source_encoding: d.encoding,
      title_inferred: d.titleInferred,
      corrected: d.corrected,
    },
  ]);
  db.append(
    'paragraphs',
    d.paragraphSpans.map((s, i) => ({ doc_id: d.docId, para_no: i + 1, start: at(s.start), end: at(s.end) })),
  );
  db.append(
    'sentences',
    d.sentences.map((s, i) => ({ doc_id: d.docId, sent_no: i + 1, para_no: s.paraNo, start: at(s.start), end: at(s.end) })),
  );
  db.append(
    'doc_terms',
    [...d.terms].map(([term, freq]) => ({ doc_id: d.docId, term, freq })),
  );
  const counts = new Map<string, number>();
  for (const hit of d.themeHits) counts.set(hit.theme, (counts.get(hit.theme) ?? 0) + 1);
  db.append(
    'theme_freq',
    [...counts].map(([theme, freq]) => ({ doc_id: d.docId, theme, freq })),
  );
  db.append(
    'theme_hits',
    d.themeHits.map((h) => ({ doc_id: d.docId, theme: h.theme, term: h.term, start: at(h.start), end: at(h.end) })),
  );
}
