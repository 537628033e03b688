import { readFileSync } from 'node:fs';
import { compileLexicon, type Lexicon } from '../common/lexicon';
import { DataFileError } from '../common/data-file-error';

const cache = new Map<string, Lexicon>();

/**
 * Read and compile the genre lexicon at `path` (once per path and process).
 * @throws DataFileError naming the file (and line) when it is missing or malformed.
 */
export function loadLexicon(path: string): Lexicon {
  const hit = cache.get(path);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DataFileError(path, null, `cannot read the lexicon: ${(err as Error).message}`);
  }
  const lexicon = compileLexicon(text, path);
  cache.set(path, lexicon);
  return lexicon;
}
