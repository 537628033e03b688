import { readFileSync } from 'node:fs';
import { DataFileError } from '../common/data-file-error';

/**
 * The text of a hand-edited data file (lexicon, themes, rules, synonyms, overrides); a file that cannot
 * be read is a user error naming it, not a crash. `what` says what the file is for.
 */
export function readDataFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new DataFileError(path, null, `cannot read the ${what}: ${(err as Error).message}`);
  }
}
