import { compileLexicon, type Lexicon } from '../common/lexicon';
import { readDataFile } from './data-file';

const cache = new Map<string, Lexicon>();

/**
 * Read and compile the genre lexicon at `path` (once per path and process).
 * @throws DataFileError naming the file (and line) when it is missing or malformed.
 */
export function loadLexicon(path: string): Lexicon {
  const hit = cache.get(path);
  if (hit) return hit;
  const lexicon = compileLexicon(readDataFile(path, 'lexicon'), path);
  cache.set(path, lexicon);
  return lexicon;
}
