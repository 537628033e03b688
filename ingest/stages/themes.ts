import { readDataFile } from '../data-file';
import { DataFileError } from '../../common/data-file-error';
import { foldWidth } from '../../common/width';

/** One theme of the lexicon. */
export interface Theme {
  readonly id: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly terms: readonly string[];
}

/** One occurrence of a theme term in a document. */
export interface ThemeHit {
  readonly theme: string;
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

const HEADER = /^\[([a-z][a-z0-9_]*)\]\s*([^|]+?)\s*(?:\|\s*([^|]+?))?\s*$/u;

/**
 * Parse the theme lexicon (`data/themes.txt`): `[id] 中文名 | English` headers, then one term per
 * line; `#` starts a comment. Errors name the file and line.
 */
export function parseThemes(source: string, path = 'themes'): Theme[] {
  const themes: { id: string; labelZh: string; labelEn: string; terms: string[] }[] = [];
  source.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw.replace(/#.*$/u, '').trim();
    if (!line) return;
    const header = HEADER.exec(line);
    if (header) {
      if (themes.some((t) => t.id === header[1])) throw new DataFileError(path, i + 1, `theme [${header[1]}] is defined twice`);
      themes.push({ id: header[1]!, labelZh: header[2]!, labelEn: header[3] ?? header[1]!, terms: [] });
      return;
    }
    if (line.startsWith('[')) {
      const columns = line.split('|').length;
      const why = columns > 2 ? `${columns} columns where a header has two (中文名 | English)` : 'expected [id] 中文名 | English, id in lower-case ASCII';
      throw new DataFileError(path, i + 1, `bad theme header "${line}": ${why}`);
    }
    const current = themes[themes.length - 1];
    if (!current) throw new DataFileError(path, i + 1, `term "${line}" comes before any [theme] header`);
    const term = foldWidth(line);
    if (!current.terms.includes(term)) current.terms.push(term);
  });
  return themes;
}

/** Read and parse the lexicon file. */
export function loadThemes(path: string): Theme[] {
  const themes = parseThemes(readDataFile(path, 'theme lexicon'), path);
  if (themes.length === 0) throw new DataFileError(path, null, 'no theme defined (expected [id] 中文名 | English headers, then terms)');
  const empty = themes.find((t) => t.terms.length === 0);
  if (empty) throw new DataFileError(path, null, `theme [${empty.id}] has no terms`);
  return themes;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A matcher per theme: the theme's terms as one alternation, longest first. */
export function compileThemes(themes: readonly Theme[]): { theme: Theme; re: RegExp }[] {
  return themes
    .filter((t) => t.terms.length > 0)
    .map((theme) => ({
      theme,
      re: new RegExp(
        [...theme.terms]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|'),
        'gu',
      ),
    }));
}

/**
 * Every theme-term occurrence in a text: matched on the width-folded text (so ２０２４ and 2024 match
 * alike) with offsets into the original; within one theme the longest term wins and matches do not
 * overlap.
 */
export function findThemeHits(text: string, compiled: ReturnType<typeof compileThemes>): ThemeHit[] {
  const folded = foldWidth(text);
  const hits: ThemeHit[] = [];
  for (const { theme, re } of compiled) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) hits.push({ theme: theme.id, term: m[0], start: m.index, end: m.index + m[0].length });
  }
  return hits.sort((a, b) => a.start - b.start || a.theme.localeCompare(b.theme));
}
