import { readDataFile } from '../../data-file';
import { DataFileError } from '../../../common/data-file-error';
import type { Lexicon } from '../../../common/lexicon';
import { normaliseChars, normString } from './normalise';

/**
 * Parse a synonym table: one `variant<TAB>canonical` pair per line, `#` starts a comment line, blank
 * lines ignored. Both sides are normalised like the texts. A canonical that is itself a variant is
 * followed to its own canonical (cycles stop where they close). Malformed lines throw with their number.
 */
export function parseSynonyms(tsv: string, lex: Lexicon, path = 'synonyms'): Map<string, string> {
  /** One side of a pair normalised the way texts are (script, width, punctuation, masks). */
  const normWord = (word: string): string => normString(normaliseChars(word, lex));
  const raw = new Map<string, string>();
  tsv.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = line.split('\t').map((f) => f.trim());
    if (fields.length !== 2 || !fields[0] || !fields[1]) {
      throw new DataFileError(path, i + 1, `expected "variant<TAB>canonical", got ${JSON.stringify(line)}`);
    }
    const variant = normWord(fields[0]);
    const canonical = normWord(fields[1]);
    if (variant && canonical && variant !== canonical) raw.set(variant, canonical);
  });
  const resolved = new Map<string, string>();
  for (const [variant, canonical] of raw) {
    let target = canonical;
    const seen = new Set([variant]);
    while (raw.has(target) && !seen.has(target)) {
      seen.add(target);
      target = raw.get(target)!;
    }
    resolved.set(variant, target);
  }
  return resolved;
}

/** Read and parse the synonym table at `path` (see {@link parseSynonyms}). The only I/O of the stage. */
export function loadSynonyms(path: string, lex: Lexicon): Map<string, string> {
  return parseSynonyms(readDataFile(path, 'synonym table'), lex, path);
}
