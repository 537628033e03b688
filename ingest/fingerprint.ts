/**
 * What decides an ingest's output besides its input files: the content of every data file the config
 * points to, every setting, and the ingest's own code. Recorded in `ingest_meta` (`config`); `--update`
 * copies rows from the last database only when none of it changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestConfig } from './config';

/**
 * How each config field enters the fingerprint: a data file by its content, a setting by its value;
 * null for what an update is about (the folder, the database, the mode) and for what changes memory,
 * never the tables.
 */
const FIELDS: { readonly [K in keyof IngestConfig]: 'file' | 'value' | null } = {
  input: null,
  db: null,
  update: null,
  keepPreparedChars: null,
  fileThreads: null,
  parallelMinFiles: null,
  lexicon: 'file',
  wrapperRules: 'file',
  userDict: 'file',
  stopwords: 'file',
  themes: 'file',
  synonyms: 'file',
  overrides: 'file',
  // read again by every run, as the tables across documents it changes are derived again
  references: null,
  chromeMinFiles: 'value',
  minRepeatChars: 'value',
  nowYear: 'value',
  reuse: 'value',
};

/** The name of the ingest's own code in a {@link Fingerprint}. */
const CODE = 'code';

/** A hash (or a setting's value) per data file, setting and the code, by config field name. */
export type Fingerprint = Readonly<Record<string, string>>;

/** SHA-256 of bytes or text, hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

const ROOT = join(import.meta.dirname, '..');
let codeHash: string | undefined;

/** One hash of the ingest's code: every source file under `ingest/` and `common/`, and the locked dependency versions. */
function ingestCode(): string {
  if (codeHash === undefined) {
    const hash = createHash('sha256');
    const files = ['ingest', 'common'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    );
    for (const f of [...files.sort(), 'package-lock.json']) {
      const path = join(ROOT, f);
      if (existsSync(path)) hash.update(`${f}\u0000`).update(readFileSync(path)).update('\u0000');
    }
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

/** The fingerprint of a config: each data file's SHA-256 (`missing` for an absent optional file), each setting's value, and the code's hash. */
export function configFingerprint(config: IngestConfig): Fingerprint {
  const out: Record<string, string> = {};
  for (const [name, how] of Object.entries(FIELDS) as [keyof IngestConfig, 'file' | 'value' | null][]) {
    const value = config[name];
    if (how === 'file') out[name] = existsSync(value as string) ? sha256(readFileSync(value as string)) : 'missing';
    else if (how === 'value') out[name] = JSON.stringify(value);
  }
  out[CODE] = ingestCode();
  return out;
}

/** What differs between two fingerprints, for a person: `the themes file (data/themes.txt)`, `the nowYear setting`, `the ingest's code`. */
export function fingerprintChanges(before: Fingerprint, after: Fingerprint, config: IngestConfig): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
  return names.map((name) => {
    if (name === CODE) return "the ingest's code";
    const how = FIELDS[name as keyof IngestConfig];
    return how === 'file' ? `the ${name} file (${String(config[name as keyof IngestConfig])})` : `the ${name} setting`;
  });
}
