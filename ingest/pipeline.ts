import { basename } from 'node:path';
import type { Lexicon } from '../common/lexicon';
import { toCodePoints } from '../common/offsets';
import { SCHEMA_VERSION, type RowOf } from '../common/schema';
import type { IngestConfig } from './config';
import { loadFileContext, partDocuments, prepareInput, stageTimer, type FileDocument, type PreparedInput, type Timer } from './file-work';
import { quietReporter, type Reporter } from './progress';
import { learnChrome } from './stages/clean/chrome';
import type { CleanedFile, Removal } from './stages/clean/index';
import { correctedFields, loadOverrides, overrideKey } from './stages/overrides';
import { listFiles } from './stages/read';
import { detectReuse, loadSynonyms, reuseTableRows, type ReuseResult } from './stages/reuse/index';
import type { ThemeHit } from './stages/themes';
import { loadThemes } from './stages/themes';
import { writeDatabase, type TableRows } from './stages/write';

/** A document as the pipeline carries it between stages. */
export interface PipelineDoc extends FileDocument {
  readonly docId: number;
  readonly sourcePath: string;
  readonly partNo: number;
  readonly encoding: string;
  /** Fields corrected by the analyst's overrides file, comma-separated, or null. */
  readonly corrected: string | null;
  readonly tokenCount: number;
  readonly terms: Map<string, number>;
  readonly themeHits: ThemeHit[];
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
 * read → decode → clean → segment → spans → tokenize → themes → write (atomically).
 * A file that cannot be used is listed in `skipped_files` and the run goes on; the database is
 * replaced only when at least one document came out.
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

  const inputs: PreparedInput[] = [];
  for (const [i, file] of files.entries()) {
    reporter.progress('clean', i, files.length, file.relPath);
    inputs.push(await prepareInput(file, ctx, summary.stageMs));
  }
  const cleaningLog: RowOf<'cleaning_log'>[] = [];
  const prepared: { relPath: string; encoding: string; file: CleanedFile }[] = [];
  for (const input of inputs) {
    if (!input.ok) {
      summary.skipped.push({ path: input.relPath, reason: input.reason });
      reporter.warn(`${input.relPath}: skipped: ${input.reason}`);
      continue;
    }
    logRemovals(cleaningLog, input.relPath, input.removals, summary);
    if (input.warning) reporter.warn(input.warning);
    for (const part of input.parts) prepared.push({ relPath: input.relPath, encoding: input.encoding, file: part });
  }
  // chrome is learned per file: the parts of a long file are one file there
  const fileLines = new Map<string, CleanedFile['lines']>();
  for (const p of prepared) fileLines.set(p.relPath, (fileLines.get(p.relPath) ?? []).concat(p.file.lines));
  const chrome = time('clean', () => learnChrome([...fileLines.values()], lexicon, config.chromeMinFiles));

  const parts = prepared.map((p, i) => {
    reporter.progress('tokenize', i, prepared.length, p.relPath);
    return partDocuments(p.file, chrome, ctx, summary.stageMs);
  });
  reporter.progress('tokenize', prepared.length, prepared.length);

  const docs: PipelineDoc[] = [];
  const partsSoFar = new Map<string, number>(); // documents already taken from earlier parts of a file
  const used = new Set<string>();
  for (const [index, { relPath, encoding }] of prepared.entries()) {
    const { removals, documents } = parts[index]!;
    logRemovals(cleaningLog, relPath, removals, summary);
    const before = partsSoFar.get(relPath) ?? 0;
    partsSoFar.set(relPath, before + documents.length);
    if (prepared[index + 1]?.relPath === relPath) {
      // a later part of the same file follows: skipped or counted once, after the last part
    } else if (before + documents.length === 0) {
      summary.skipped.push({ path: relPath, reason: 'no document left after cleaning: only site chrome, or no part with a body' });
      reporter.warn(`${relPath}: skipped: no document left after cleaning`);
      continue;
    } else summary.filesIngested++;
    documents.forEach((doc, i) => {
      const part = before + i;
      const key = overrideKey(relPath, part + 1);
      const fix = overrides.get(key);
      if (fix) used.add(key);
      const corrected = fix ? correctedFields(fix) : [];
      docs.push({
        ...doc,
        ...(fix?.year !== undefined ? { year: fix.year, yearSource: 'override' as const } : {}),
        ...(fix?.doc_type !== undefined ? { docType: fix.doc_type } : {}),
        ...(fix?.unit_type !== undefined ? { unitType: fix.unit_type } : {}),
        ...(fix?.org !== undefined ? { org: fix.org } : {}),
        ...(fix?.title !== undefined ? { title: fix.title, titleInferred: false } : {}),
        corrected: corrected.length ? corrected.join(',') : null,
        docId: docs.length + 1,
        sourcePath: relPath,
        partNo: part + 1,
        encoding,
      });
    });
  }
  for (const [key, fix] of overrides) {
    if (!used.has(key))
      reporter.warn(`${config.overrides}:${fix.line}: no document ${key.replace('\u0000', ' part ')} in this run; the correction was not applied`);
  }
  reporter.progress('clean', files.length, files.length);
  if (docs.length === 0) throw new IngestError(`no usable document in ${files.length} file(s); ${config.db} left unchanged`);
  return await finishRun(docs, cleaningLog, themes, synonyms, config, summary, reporter, time, lexicon);
}

/** Reuse detection and the database write, on the documents of the run; rounds off the summary. */
async function finishRun(
  docs: PipelineDoc[],
  cleaningLog: RowOf<'cleaning_log'>[],
  themes: ReturnType<typeof loadThemes>,
  synonyms: ReadonlyMap<string, string>,
  config: IngestConfig,
  summary: IngestSummary,
  reporter: Reporter,
  time: Timer,
  lexicon: Lexicon,
): Promise<IngestSummary> {
  const reuse = time('reuse', () => {
    reporter.progress('reuse', 0, 1);
    const result = detectReuse(
      docs.map((d) => ({ docId: d.docId, text: d.text, year: d.year, org: d.org })),
      config.reuse,
      synonyms,
      lexicon,
    );
    reporter.progress('reuse', 1, 1);
    return result;
  });
  summary.reusePassages = reuse.reuse.length;

  roundStages(summary);
  const rows = tableRows(docs, themes, cleaningLog, summary, reuse, synonyms, config);
  await timed(summary, 'write', () => writeDatabase(config.db, rows));
  roundStages(summary);
  summary.documents = docs.length;
  summary.characters = docs.reduce((n, d) => n + d.charCount, 0);
  summary.tokens = docs.reduce((n, d) => n + d.tokenCount, 0);
  summary.distinctTerms = new Set(docs.flatMap((d) => [...d.terms.keys()])).size;
  return summary;
}

function logRemovals(log: RowOf<'cleaning_log'>[], path: string, removals: readonly Removal[], summary: IngestSummary): void {
  for (const r of removals) {
    log.push({ source_path: path, rule: r.rule, chars_removed: r.chars, sample: r.sample, line_no: r.lineNo });
    summary.removals++;
    summary.charsRemoved += r.chars;
  }
}

/** Every table's rows, by column name; offsets converted to code points (`common/offsets.ts`). */
function tableRows(
  docs: readonly PipelineDoc[],
  themes: ReturnType<typeof loadThemes>,
  cleaningLog: RowOf<'cleaning_log'>[],
  summary: IngestSummary,
  reuse: ReuseResult,
  synonyms: ReadonlyMap<string, string>,
  config: IngestConfig,
): TableRows {
  const cp = new Map<number, (index: number) => number>();
  const at = (docId: number): ((index: number) => number) => cp.get(docId)!;
  for (const d of docs) cp.set(d.docId, toCodePoints(d.text));
  // the per-document tables are generated row by row as the Appender takes them, never held whole
  const perDoc = <T>(rows: (d: PipelineDoc) => Iterable<T>): Iterable<T> => ({
    *[Symbol.iterator]() {
      for (const d of docs) yield* rows(d);
    },
  });
  return {
    documents: perDoc((d) => [
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
    ]),
    paragraphs: perDoc((d) => d.paragraphSpans.map((s, i) => ({ doc_id: d.docId, para_no: i + 1, start: at(d.docId)(s.start), end: at(d.docId)(s.end) }))),
    sentences: perDoc((d) =>
      d.sentences.map((s, i) => ({ doc_id: d.docId, sent_no: i + 1, para_no: s.paraNo, start: at(d.docId)(s.start), end: at(d.docId)(s.end) })),
    ),
    doc_terms: perDoc(function* (d) {
      for (const [term, freq] of d.terms) yield { doc_id: d.docId, term, freq };
    }),
    themes: themes.flatMap((t) => t.terms.map((term) => ({ theme: t.id, term, label_zh: t.labelZh, label_en: t.labelEn }))),
    theme_freq: perDoc((d) => {
      const counts = new Map<string, number>();
      for (const hit of d.themeHits) counts.set(hit.theme, (counts.get(hit.theme) ?? 0) + 1);
      return [...counts].map(([theme, freq]) => ({ doc_id: d.docId, theme, freq }));
    }),
    theme_hits: perDoc((d) =>
      d.themeHits.map((h) => ({ doc_id: d.docId, theme: h.theme, term: h.term, start: at(d.docId)(h.start), end: at(d.docId)(h.end) })),
    ),
    cleaning_log: cleaningLog,
    skipped_files: summary.skipped.map((s) => ({ source_path: s.path, reason: s.reason })),
    synonyms: [...synonyms].map(([variant, canonical]) => ({ variant, canonical })),
    ...reuseTableRows(reuse, at),
    ingest_meta: [
      { key: 'schema_version', value: String(SCHEMA_VERSION) },
      { key: 'created_at', value: new Date().toISOString() },
      { key: 'input', value: config.input },
      { key: 'database', value: basename(config.db) },
      { key: 'files', value: String(summary.files) },
      { key: 'documents', value: String(docs.length) },
      { key: 'stage_ms', value: JSON.stringify(summary.stageMs) },
    ],
  };
}
