import { resolve } from 'node:path';
import { CHROME_MIN_FILES } from './stages/clean/chrome';
import { MIN_REPEAT_CHARS } from './stages/clean/repeated-blocks';
import { DEFAULT_REUSE_CONFIG, type ReuseConfig } from './stages/reuse/index';

/** Everything the ingest needs to know, in one place; every stage receives it. */
export interface IngestConfig {
  /** Folder whose files are ingested, recursively. */
  readonly input: string;
  /** The DuckDB file to write. */
  readonly db: string;
  /** Copy the rows of unchanged files from the database at `db` instead of processing them again (`--update`). */
  readonly update: boolean;
  /** The genre lexicon (genre words, unit words, placeholders, landmarks …). */
  readonly lexicon: string;
  /** A line recurring outside the documents of at least this many files is learned as site chrome. */
  readonly chromeMinFiles: number;
  /**
   * Characters (of JSON) of prepared files kept in memory between the two passes; a file past it
   * waits in a temporary file (memory bounded, every file still read and cleaned once).
   */
  readonly keepPreparedChars: number;
  /** Worker threads for the per-file passes (read, clean, segment, tokenize, themes): 0 for one per core, 1 for none. */
  readonly fileThreads: number;
  /** A run of fewer files does its per-file passes on the calling thread (starting workers costs more). */
  readonly parallelMinFiles: number;
  /** Analysts' metadata corrections (CSV; a missing file means none). */
  readonly overrides: string;
  /** Site-wrapper rule list (JSON). */
  readonly wrapperRules: string;
  /** nodejieba user dictionary with the genre's formulations. */
  readonly userDict: string;
  /** Stopwords, one per line. */
  readonly stopwords: string;
  /** Theme lexicon. */
  readonly themes: string;
  /** Synonym table for seeing through spun copies. */
  readonly synonyms: string;
  /** Folder of reference texts (central documents, speeches …) whose passages count as quotation; a missing folder means none. */
  readonly references: string;
  /** Adjacent repeated blocks shorter than this are not taken for scraper repeats. */
  readonly minRepeatChars: number;
  /** The current year: years after it are not taken as the year a document is about. */
  readonly nowYear: number;
  /** Reuse detection thresholds (passage length, seeds, alignment, formula rule). */
  readonly reuse: ReuseConfig;
}

/** Defaults relative to a project root (the repository by default). */
export function defaultConfig(root = process.cwd(), overrides: Partial<IngestConfig> = {}): IngestConfig {
  return {
    input: resolve(root, 'data/raw'),
    db: resolve(root, 'data/corpus.duckdb'),
    update: false,
    lexicon: resolve(root, 'data/lexicon.txt'),
    chromeMinFiles: CHROME_MIN_FILES,
    keepPreparedChars: 200_000_000,
    fileThreads: 0,
    parallelMinFiles: 200,
    overrides: resolve(root, 'data/overrides.csv'),
    wrapperRules: resolve(root, 'data/rules/site-wrappers.json'),
    userDict: resolve(root, 'data/dict/user.dict.utf8'),
    stopwords: resolve(root, 'data/dict/stopwords.txt'),
    themes: resolve(root, 'data/themes.txt'),
    synonyms: resolve(root, 'data/dict/synonyms.tsv'),
    references: resolve(root, 'data/references'),
    minRepeatChars: MIN_REPEAT_CHARS,
    nowYear: new Date().getFullYear(),
    reuse: DEFAULT_REUSE_CONFIG,
    ...overrides,
  };
}
