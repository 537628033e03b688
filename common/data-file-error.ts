/**
 * A mistake in a hand-edited data file (lexicon, themes, rules, dictionaries): the message names the
 * file and the line, like a compiler, so the user can fix it. Not a bug: no stack trace is shown.
 */
export class DataFileError extends Error {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based line, or null when the fault is the whole file's. */
  readonly line: number | null;

  constructor(file: string, line: number | null, reason: string) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
    this.name = 'DataFileError';
    this.file = file;
    this.line = line;
  }
}
