import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { toCodePoints } from '../common/offsets';
import { SCHEMA_VERSION, type RowOf } from '../common/schema';
import type { IngestConfig } from './config';
import type { Lexicon } from '../common/lexicon';
import { fileWork } from './file-pool';
import { documentPlaces, type FileDocs, type FirstPass, type PackedInput, type WrittenDocument } from './file-work';
import { writeDivisions } from './stages/places/divisions';
import { writeUnlocalised } from './stages/places/unlocalised';
import { writeFormulations } from './stages/formulations/index';
import { readReferences } from './stages/references';
import { nonSpaceChars } from './stages/reuse/spans';
import { loadGazetteer } from './stages/places/gazetteer';
import { stageTimer } from './stages/timing';
import { configFingerprint } from './fingerprint';
import { loadLexicon } from './lexicon';
import { quietReporter, type Reporter } from './progress';
import { chromeChangedFor, chromeLearner, type ChromeLine } from './stages/clean/chrome';
import type { Removal } from './stages/clean/index';
import { correctedFields, loadOverrides, overrideKey, type Overrides } from './stages/overrides';
import { listFiles, type InputFile } from './stages/read';
import { detectReuseParallel, loadSynonyms, reuseTableRows, type ReuseDoc } from './stages/reuse/index';
import { loadThemes } from './stages/themes';
import { openDatabase, WRITER_IDLE_MEMORY, WRITER_LEAN_MEMORY, type DatabaseWriter } from './stages/write';
import {
  chromeLineRows,
  chromeProfileJson,
  compareFiles,
  copyUnchanged,
  detachPrevious,
  fullRun,
  META_KEYS,
  openPrevious,
  type Previous,
  type PreviousFile,
  type UpdateSummary,
} from './update';

/** A document as the pipeline writes it: a file's document with its place in the run and the analyst's corrections. */
interface PipelineDoc extends WrittenDocument {
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
  /** Documents placed (a home found), and place names left from another jurisdiction in copied passages. */
  placed: number;
  unlocalised: number;
  /** Set formulations mined (table formulations). */
  formulations: number;
  /** Reference texts read, and passages of documents found in them (quotation). */
  references: number;
  quotations: number;
  removals: number;
  charsRemoved: number;
  skipped: { path: string; reason: string }[];
  /** Files read and turned into rows in this run (every file in a full run). */
  reprocessed: number;
  /** Prepared files that waited for pass 2 on disk, past `config.keepPreparedChars`. */
  preparedSpilled: number;
  /** Files whose rows were copied from the last database (`--update`). */
  copied: number;
  /** What `--update` found; null for a run not asked to update. */
  update: UpdateSummary | null;
  stageMs: Record<string, number>;
  /** Wall-clock time of the whole run. */
  ms: number;
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

/** Run `work`, which appends rows, timed as the run's `write` stage. */
function timeWrite(summary: IngestSummary, work: () => void): void {
  stageTimer(summary.stageMs)('write', work);
}

/** Whole milliseconds per stage, for the summary and `ingest_meta`. */
function roundStages(summary: IngestSummary): void {
  for (const [k, v] of Object.entries(summary.stageMs)) summary.stageMs[k] = Math.round(v);
}

/**
 * One input file after pass 1: prepared and waiting for pass 2 (in memory, or on disk past
 * `config.keepPreparedChars`: see {@link PreparedStore}), or left unread (null) because the last
 * database holds its rows.
 */
interface ListedFile {
  readonly file: InputFile;
  readonly hash: string | null;
  readonly bytes: number;
  /** The file as the last database recorded it, in an update. */
  readonly previous: PreviousFile | undefined;
  /** What the chrome learner counted of it, kept for a file left unread (the copy depends on it); empty for a file read. */
  readonly chrome: ChromeLine[];
  /** Null when unchanged and left unread. */
  input: WaitingInput | null;
}

/**
 * Ingest every file under `config.input` into a fresh DuckDB file at `config.db`:
 * read → decode → clean → segment → spans → tokenize → themes → write (atomically), in two passes
 * over the files: the first reads and cleans each file and learns the collection's chrome, the second
 * makes each file's documents and writes their rows at once, keeping only what the reuse stage needs
 * (each document's text, year and unit). A file that cannot be used is listed in `skipped_files` and
 * the run goes on; the database is replaced only when at least one document came out.
 *
 * With `config.update`, a file whose path and content hash the last database at `config.db` records is
 * not read again: the learner counts its chrome lines from that database, and unless the learned chrome
 * it holds changed, its rows are copied from there under new document ids. Document ids follow the
 * files' order and their parts alone, so an update and a full run over the same files write the same tables.
 */
export async function runIngest(config: IngestConfig, reporter: Reporter = quietReporter): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = {
    files: 0,
    filesIngested: 0,
    documents: 0,
    characters: 0,
    tokens: 0,
    distinctTerms: 0,
    reusePassages: 0,
    placed: 0,
    unlocalised: 0,
    formulations: 0,
    references: 0,
    quotations: 0,
    removals: 0,
    charsRemoved: 0,
    skipped: [],
    reprocessed: 0,
    preparedSpilled: 0,
    copied: 0,
    update: null,
    stageMs: {},
    ms: 0,
    db: config.db,
  };
  const time = stageTimer(summary.stageMs);
  const lexicon = time('setup', () => loadLexicon(config.lexicon));
  const themes = time('setup', () => loadThemes(config.themes));
  const synonyms = time('setup', () => loadSynonyms(config.synonyms, lexicon));
  const overrides = time('setup', () => loadOverrides(config.overrides));
  const fingerprint = time('setup', () => configFingerprint(config));

  let files;
  try {
    files = listFiles(config.input);
  } catch (err) {
    throw new IngestError(`cannot read input folder ${config.input}: ${(err as Error).message}`);
  }
  summary.files = files.length;
  if (files.length === 0) throw new IngestError(`no files under ${config.input}`);

  const db = await openDatabase(config.db);
  const store = new PreparedStore(config.keepPreparedChars);
  const work = time('setup', () => fileWork(config, summary.stageMs, files.length));
  try {
    let previous: Previous | null = null;
    if (config.update) {
      const found = await timed(summary, 'setup', () => openPrevious(db, config, fingerprint));
      if (typeof found === 'string') {
        reporter.log(`full run: ${found}`);
        summary.update = fullRun(found);
      } else previous = found;
    }

    // Pass 1: hash each file; read, decode and clean it as far as one file allows unless the last
    // database holds it unchanged; count its line keys for the chrome learned from the whole collection.
    const learner = chromeLearner(lexicon, config.chromeMinFiles);
    const listed: ListedFile[] = [];
    const firsts = work.first(files.map((file) => ({ file, unchangedHash: previous?.files.get(file.relPath)?.hash ?? null })));
    for (const [i, file] of files.entries()) {
      reporter.progress('clean', i, files.length, file.relPath);
      const first = (await firsts.next()).value as FirstPass;
      const before = previous?.files.get(file.relPath);
      // the chrome lines of a file read here are counted below and not needed again; a file left unread has the last database's
      const chromeOf = first.input ? first.chrome : (previous!.chromeLines.get(file.relPath) ?? []);
      listed.push({
        file,
        hash: first.hash,
        bytes: first.bytes,
        previous: before,
        chrome: first.input ? [] : chromeOf,
        input: first.input && store.put(first.input),
      });
      time('clean', () => learner.count(chromeOf));
      timeWrite(summary, () => db.append('chrome_lines', chromeLineRows(file.relPath, chromeOf)));
    }
    reporter.progress('clean', files.length, files.length);
    summary.preparedSpilled = store.spilled;
    const chrome = time('clean', () => learner.profile());
    work.setChrome(chrome);

    // an unchanged file is processed again when the learned chrome it holds changed
    const copies = listed.map((e) => e.input === null && !chromeChangedFor(e.chrome, previous!.chrome, chrome.keys));
    const toProcess = copies.filter((c) => !c).length;
    if (previous) {
      const u = (summary.update = compareFiles(listed, previous, files.length - toProcess));
      reporter.log(
        `update: ${files.length} files, ${u.unchanged} unchanged, ${u.added} new, ${u.changed} changed, ${u.removed} removed; processing ${toProcess}, copying ${files.length - toProcess}`,
      );
    }

    // Pass 2: each file's documents, written as they come (or reserved for the copy from the last
    // database); only what reuse needs stays in memory.
    const reuseDocs: ReuseDoc[] = [];
    const terms = new Set<string>();
    const used = new Set<string>();
    const copiedOld: number[] = [];
    const copiedNew: number[] = [];
    const copiedPaths: string[] = [];
    let nextId = 1;
    const seconds = work.second(
      (function* () {
        for (const [i, e] of listed.entries()) {
          if (copies[i]) continue;
          // a file left unread in pass 1 whose learned chrome changed is read now
          yield e.input ? store.take(e.input) : e.file;
          listed[i]!.input = null; // the file's lines are not needed after this
        }
      })(),
    );
    for (const [i, e] of listed.entries()) {
      const path = e.file.relPath;
      let docCount = 0;
      if (copies[i]) {
        const before = e.previous!;
        docCount = before.docCount;
        for (let k = 0; k < docCount; k++) {
          copiedOld.push(before.firstDocId! + k);
          copiedNew.push(nextId + k);
          const key = overrideKey(path, k + 1);
          if (overrides.has(key)) used.add(key);
        }
        copiedPaths.push(path);
        const reason = previous!.skipped.get(path);
        if (reason !== undefined) summary.skipped.push({ path, reason });
        else if (docCount > 0) summary.filesIngested++;
        summary.copied++;
      } else {
        reporter.progress('tokenize', summary.reprocessed, toProcess, path);
        docCount = writeFile((await seconds.next()).value as FileDocs, nextId, { db, overrides, used, reuseDocs, terms, summary, reporter });
        summary.reprocessed++;
      }
      timeWrite(summary, () =>
        db.append('source_files', [{ source_path: path, content_hash: e.hash, bytes: e.bytes, first_doc_id: docCount ? nextId : null, doc_count: docCount }]),
      );
      nextId += docCount;
    }
    if (toProcess) reporter.progress('tokenize', toProcess, toProcess);
    await work.close(); // the workers' memory is the reuse stage's now
    store.close(); // and every prepared file was taken
    if (copiedPaths.length) {
      const copied = await timed(summary, 'copy', () => copyUnchanged(db, copiedOld, copiedNew, copiedPaths));
      for (const { charCount, tokenCount, ...reuseDoc } of copied.documents) {
        reuseDocs[reuseDoc.docId - 1] = reuseDoc;
        summary.characters += charCount;
        summary.tokens += tokenCount;
      }
      for (const t of copied.terms) terms.add(t);
      summary.removals += copied.removals;
      summary.charsRemoved += copied.charsRemoved;
    }
    if (previous) await detachPrevious(db);
    for (const [key, fix] of overrides) {
      if (!used.has(key))
        reporter.warn(`${config.overrides}:${fix.line}: no document ${key.replace('\u0000', ' part ')} in this run; the correction was not applied`);
    }
    if (reuseDocs.length !== nextId - 1 || reuseDocs.includes(undefined as unknown as ReuseDoc))
      throw new Error(`internal: documents 1 … ${nextId - 1} expected, ${reuseDocs.filter(Boolean).length} written`);
    if (nextId === 1) throw new IngestError(`no usable document in ${files.length} file(s); ${config.db} left unchanged`);
    summary.documents = nextId - 1;
    summary.distinctTerms = terms.size;

    // the documents move into the stage, which lets go of their texts, its passages and their offset
    // tables when it returns: the stages after it (formulations) held them to a 6 GB peak at 100,000 documents
    await reuseStage(db, reuseDocs.splice(0), { config, synonyms, lexicon, summary, reporter });
    timeWrite(summary, () => {
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
    await db.heldTo(WRITER_LEAN_MEMORY, async () => {
      reporter.progress('places', 0, 1);
      await timed(summary, 'places', () => writeDivisions(db));
      summary.unlocalised = await timed(summary, 'places', () => writeUnlocalised(db));
      reporter.progress('places', 1, 1);
      reporter.progress('formulations', 0, 1);
      summary.formulations = await timed(summary, 'formulations', () => writeFormulations(db, { lexicon, userDict: config.userDict }));
      reporter.progress('formulations', 1, 1);
    });
    summary.placed = Number((await db.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM documents WHERE home_code IS NOT NULL'))[0]?.n ?? 0);
    roundStages(summary);
    const run =
      summary.update?.fullRunReason === null
        ? { mode: 'update', ...summary.update, reprocessed: summary.reprocessed, copied: summary.copied }
        : { mode: 'full' };
    db.append('ingest_meta', [
      { key: META_KEYS.schemaVersion, value: String(SCHEMA_VERSION) },
      { key: 'created_at', value: new Date().toISOString() },
      { key: 'input', value: config.input },
      { key: 'database', value: basename(config.db) },
      { key: 'files', value: String(summary.files) },
      { key: 'documents', value: String(summary.documents) },
      { key: 'stage_ms', value: JSON.stringify(summary.stageMs) },
      { key: 'run', value: JSON.stringify(run) },
      { key: META_KEYS.config, value: JSON.stringify(fingerprint) },
      { key: META_KEYS.chrome, value: chromeProfileJson(chrome.keys) },
    ]);
    reporter.progress('commit', 0, 1);
    await timed(summary, 'write', () => db.commit());
    reporter.progress('commit', 1, 1);
  } catch (err) {
    db.abort();
    throw err;
  } finally {
    await work.close();
    store.close();
  }
  roundStages(summary);
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

/** What the reuse stage needs of the run. */
interface ReuseRun {
  readonly config: IngestConfig;
  readonly synonyms: ReadonlyMap<string, string>;
  readonly lexicon: Lexicon;
  readonly summary: IngestSummary;
  readonly reporter: Reporter;
}

/**
 * The reuse stage over the written documents, with the reference texts as documents after them, and
 * its tables written (`reuse`, `reuse_clusters`, `doc_reuse`, `reuse_pairs`, `quotations`,
 * `reference_texts`). Nothing it holds outlives it.
 */
async function reuseStage(db: DatabaseWriter, reuseDocs: readonly ReuseDoc[], { config, synonyms, lexicon, summary, reporter }: ReuseRun): Promise<void> {
  reporter.progress('reuse', 0, 1);
  const references = await timed(summary, 'references', () => readReferences(config.references, (m) => reporter.warn(m)));
  summary.references = references.length;
  // reference texts join the reuse stage after the documents, as documents of their own
  const corpusDocs = reuseDocs.length;
  const withReferences: ReuseDoc[] = [
    ...reuseDocs,
    ...references.map((r, i) => ({ docId: corpusDocs + 1 + i, text: r.text, year: null, org: null, reference: true })),
  ];
  const reuse = await db.heldTo(WRITER_IDLE_MEMORY, () =>
    timed(summary, 'reuse', () => detectReuseParallel(withReferences, config.reuse, synonyms, lexicon, summary.stageMs)),
  );
  reporter.progress('reuse', 1, 1);
  for (const r of reuse.reuse) if (r.docB > corpusDocs && r.docA <= corpusDocs) summary.quotations++;
  summary.reusePassages = reuse.reuse.length - summary.quotations;
  const cp = new Map<number, (index: number) => number>();
  const at = (docId: number): ((index: number) => number) => {
    let f = cp.get(docId);
    if (!f) cp.set(docId, (f = toCodePoints(withReferences[docId - 1]!.text)));
    return f;
  };
  timeWrite(summary, () => {
    for (const [name, rows] of Object.entries(reuseTableRows(reuse, at, corpusDocs))) db.append(name as 'reuse', rows as RowOf<'reuse'>[]);
    db.append(
      'reference_texts',
      references.map((r) => ({ ref_id: r.refId, source_path: r.sourcePath, title: r.title, text: r.text, char_count: nonSpaceChars(r.text) })),
    );
  });
}

/** What writing a processed file's documents needs of the run. */
interface FileSink {
  readonly db: DatabaseWriter;
  readonly overrides: Overrides;
  /** Override keys applied so far. */
  readonly used: Set<string>;
  /** What reuse needs of each document, at its id − 1. */
  readonly reuseDocs: ReuseDoc[];
  readonly terms: Set<string>;
  readonly summary: IngestSummary;
  readonly reporter: Reporter;
}

/**
 * Write one file's documents (pass 2's, see `secondPass`) with the analyst's corrections applied, and
 * the file's cleaning log, ids from `firstId`; a file that cannot be used is listed as skipped.
 * Returns how many documents it wrote.
 */
function writeFile(file: FileDocs, firstId: number, sink: FileSink): number {
  const { db, summary, reporter } = sink;
  const { input, documents } = file;
  if (!input.ok) {
    summary.skipped.push({ path: input.relPath, reason: input.reason });
    reporter.warn(`${input.relPath}: skipped: ${input.reason}`);
    return 0;
  }
  if (input.warning) reporter.warn(input.warning);
  const log: RowOf<'cleaning_log'>[] = [];
  logRemovals(log, input.relPath, file.removals, summary);
  timeWrite(summary, () => db.append('cleaning_log', log));
  if (documents.length === 0) {
    summary.skipped.push({ path: input.relPath, reason: 'no document left after cleaning: only site chrome, or no part with a body' });
    reporter.warn(`${input.relPath}: skipped: no document left after cleaning`);
    return 0;
  }
  summary.filesIngested++;
  documents.forEach((found, part) => {
    const key = overrideKey(input.relPath, part + 1);
    const fix = sink.overrides.get(key);
    if (fix) sink.used.add(key);
    const corrected = fix ? correctedFields(fix) : [];
    const fixed = {
      ...found,
      ...(fix?.year !== undefined ? { year: fix.year, yearSource: 'override' as const } : {}),
      ...(fix?.doc_type !== undefined ? { docType: fix.doc_type } : {}),
      ...(fix?.unit_type !== undefined ? { unitType: fix.unit_type } : {}),
      ...(fix?.org !== undefined ? { org: fix.org } : {}),
      ...(fix?.title !== undefined ? { title: fix.title, titleInferred: false } : {}),
    };
    // a corrected unit or title may place the document elsewhere: placed again, on this thread
    const placed = fix?.org !== undefined || fix?.unit_type !== undefined || fix?.title !== undefined ? documentPlaces(fixed, loadGazetteer()) : {};
    const doc: PipelineDoc = {
      ...fixed,
      ...placed,
      corrected: corrected.length ? corrected.join(',') : null,
      docId: firstId + part,
      sourcePath: input.relPath,
      partNo: part + 1,
      encoding: input.encoding,
    };
    timeWrite(summary, () => appendDocument(db, doc));
    sink.reuseDocs[doc.docId - 1] = {
      docId: doc.docId,
      text: doc.text,
      year: doc.year,
      org: doc.org,
      unitType: doc.unitType,
      homeCode: doc.home?.code ?? null,
      homeLevel: doc.home?.level ?? null,
    };
    summary.characters += doc.charCount;
    summary.tokens += doc.tokenCount;
    for (const term of doc.terms.keys()) sink.terms.add(term);
  });
  return documents.length;
}

/** A prepared file waiting for pass 2: in memory as its JSON, or at `at` in the spill file. */
type WaitingInput = PackedInput | (Omit<Extract<PackedInput, { ok: true }>, 'packed'> & { readonly at: number; readonly bytes: number });

/**
 * Where prepared files wait between the passes: in memory up to `limit` characters of JSON, then
 * appended to a temporary file and read back once in pass 2 (memory bounded, every file prepared once).
 */
class PreparedStore {
  private kept = 0;
  private spill: { dir: string; fd: number; size: number } | null = null;
  /** Files that waited on disk. */
  spilled = 0;

  constructor(private readonly limit: number) {}

  put(input: PackedInput): WaitingInput {
    if (!input.ok) return input;
    const { packed, ...rest } = input;
    if (this.kept + packed.length <= this.limit) {
      this.kept += packed.length;
      return input;
    }
    if (!this.spill) {
      const dir = mkdtempSync(join(tmpdir(), 'reportscope-prepared-'));
      this.spill = { dir, fd: openSync(join(dir, 'prepared.jsonl'), 'w+'), size: 0 };
    }
    const bytes = Buffer.from(packed);
    writeSync(this.spill.fd, bytes, 0, bytes.length, this.spill.size);
    this.spilled++;
    const at = this.spill.size;
    this.spill.size += bytes.length;
    return { ...rest, at, bytes: bytes.length };
  }

  take(waiting: WaitingInput): PackedInput {
    if (!waiting.ok || 'packed' in waiting) return waiting;
    const { at, bytes, ...rest } = waiting;
    const buffer = Buffer.alloc(bytes);
    readSync(this.spill!.fd, buffer, 0, bytes, at);
    return { ...rest, packed: buffer.toString('utf8') };
  }

  /** Remove the temporary file. */
  close(): void {
    if (!this.spill) return;
    closeSync(this.spill.fd);
    rmSync(this.spill.dir, { recursive: true, force: true });
    this.spill = null;
  }
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
      home_code: d.home?.code ?? null,
      home_level: d.home?.level ?? null,
      home_path: d.home?.path ?? null,
      home_evidence: d.home?.evidence ?? null,
    },
  ]);
  db.append(
    'places',
    d.places.map((p) => ({
      doc_id: d.docId,
      name: p.name,
      code: p.code,
      level: p.level,
      start: at(p.start),
      end: at(p.end),
      candidates: p.candidates,
      form: p.form,
    })),
  );
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
