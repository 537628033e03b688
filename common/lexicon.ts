/**
 * The genre lexicon (`data/lexicon.txt`) compiled once into the patterns every ingest stage and the
 * dashboard use: genre words and document types, title decorations, unit words and kinds, outline
 * numerals, sentence ends, placeholders, dated landmarks, writing advice, chrome words and mandated
 * formulations. Nothing here reads files: the ingest passes the file's text, the web bundles it.
 */
import { DataFileError } from './data-file-error';
import { UNIT_KINDS, type UnitKind } from './schema';
import { foldWidth } from './width';

/** Document types a genre word can signal. */
export const GENRE_TYPES = ['plan', 'summary', 'commentary'] as const;
/** One of {@link GENRE_TYPES}. */
export type GenreType = (typeof GENRE_TYPES)[number];

export { UNIT_KINDS, type UnitKind } from './schema';

/** The compiled lexicon. */
export interface Lexicon {
  /** Genre words, longest first, with the type each signals. */
  readonly genreWords: readonly { readonly word: string; readonly type: GenreType }[];
  /** Any genre word. */
  readonly genreWord: RegExp;
  /** Genre words that also end section headings (情况, 小结): a title ending in one needs a year, unit or 关于 too. */
  readonly weakGenreWords: readonly string[];
  /** Words that join a summary and a plan in one title (和, 及 …). */
  readonly joiners: readonly string[];
  /** A summary word, a joiner, then a plan word within a few characters (2023年工作总结和2024年工作计划). */
  readonly combinedTitle: RegExp;
  /** Cues of each type in an untitled document's text (global patterns, counted per 1,000 characters). */
  readonly cues: Readonly<Record<GenreType, RegExp>>;
  /** Words that begin a title's topic (the unit comes before them). */
  readonly titleTopics: readonly string[];
  /** Words too generic to be a unit on their own. */
  readonly genericUnits: ReadonlySet<string>;
  /** Decorations sites add to titles, each anchored at the start or end of the title. */
  readonly titleDecorations: readonly RegExp[];
  /** Organisational suffixes taken off a unit name before its kind is looked up (党委, 人民政府 …). */
  readonly unitSuffixes: readonly string[];
  /** Unit words, longest first, with their kind. */
  readonly unitWords: readonly { readonly word: string; readonly kind: UnitKind }[];
  /** Words that end in a unit word but name no unit (干部, 全县). */
  readonly notUnits: readonly string[];
  /** Any unit word (alternation, longest first), for building unit-name patterns. */
  readonly unitWordSource: string;
  /** Self-references (我局, 本社区 …) → kind. */
  readonly selfReferences: ReadonlyMap<string, UnitKind>;
  /** Any self-reference, global. */
  readonly selfReference: RegExp;
  /** Outline numerals in value order (一 … 十). */
  readonly numerals: string;
  /** Characters that end a sentence. */
  readonly sentenceEnd: string;
  /** Characters that end a line without ending its thought (: …). */
  readonly clauseEnd: string;
  /** Closing quotes that stay with their sentence. */
  readonly closingQuotes: string;
  /** Quotation marks and brackets: `open[i]` pairs with `close[i]`. */
  readonly quotePairs: { readonly open: string; readonly close: string };
  /** Words that open a closing paragraph (总之 …). */
  readonly closingWords: readonly string[];
  /** Placeholders (global, Unicode): the one pattern themes, tokens, reuse and the web see through. */
  readonly placeholder: RegExp;
  /** Pieces of a placeholder broken across lines, as an alternation source. */
  readonly placeholderPieceSource: string;
  /** Characters that make a unit name a placeholder (某局, x镇). */
  readonly placeholderUnitChars: string;
  /** Phrase → year it dates a text to. */
  readonly landmarks: readonly { readonly phrase: string; readonly year: number }[];
  /** Five-year plan → its first year (十四五 → 2021). */
  readonly planPeriods: readonly { readonly period: string; readonly year: number }[];
  /** Party congress → the year it was held (二十大 → 2022). */
  readonly congresses: readonly { readonly congress: string; readonly year: number }[];
  /** Event → founding year, for "<event> N 周年". */
  readonly anniversaries: readonly { readonly event: string; readonly year: number }[];
  /** Paragraph shapes of generic writing advice. */
  readonly writingAdvice: readonly RegExp[];
  /** Words that mark a line as site chrome. */
  readonly chromeWords: readonly string[];
  /** Mandated formulations. */
  readonly mandated: readonly string[];
}

interface Entry {
  readonly text: string;
  readonly line: number;
}

type SectionKind = 'words' | 'regex' | 'pairs';

/** Sections the file may have, and how their entries are read. */
const SECTIONS: Record<string, SectionKind> = {
  'genre plan': 'words',
  'genre summary': 'words',
  'genre commentary': 'words',
  'weak genre': 'words',
  'combined joiner': 'words',
  'cue summary': 'words',
  'cue plan': 'words',
  'cue commentary': 'words',
  'title topic': 'words',
  'generic unit': 'words',
  'title decoration': 'regex',
  'unit suffix': 'words',
  ...Object.fromEntries(UNIT_KINDS.map((k) => [`unit ${k}`, 'words' as const])),
  'not a unit': 'words',
  'self reference': 'pairs',
  'outline numeral': 'words',
  'sentence end': 'words',
  'clause end': 'words',
  'closing quote': 'words',
  'quote pair': 'pairs',
  'closing word': 'words',
  placeholder: 'regex',
  'placeholder piece': 'regex',
  'placeholder unit char': 'words',
  'year landmark': 'pairs',
  'year anniversary': 'pairs',
  'year plan period': 'pairs',
  'year congress': 'pairs',
  'writing advice': 'regex',
  'chrome word': 'words',
  mandated: 'words',
};

/** Escape text for use inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** A character class of the given characters. */
export function charClass(chars: string): string {
  return `[${Array.from(new Set(chars), (c) => (c === '-' ? '\\-' : escapeRegex(c))).join('')}]`;
}

/** An alternation of words, longest first. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escapeRegex)
    .join('|');
}

/** Read the sections of a lexicon file; unknown sections and malformed lines are errors naming the line. */
function readSections(text: string, file: string): Map<string, Entry[]> {
  const sections = new Map<string, Entry[]>();
  let current: { name: string; entries: Entry[] } | null = null;
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw
      .replace(/(?<!\\)#.*$/u, '')
      .replace(/\\#/gu, '#')
      .trim();
    if (!line) return;
    const header = /^\[([^\]]+)\]\s*(\(regex\))?$/u.exec(line);
    if (header) {
      const name = header[1]!.trim().replace(/\s+/gu, ' ');
      const kind = SECTIONS[name];
      if (!kind) throw new DataFileError(file, i + 1, `unknown section [${name}] (known: ${Object.keys(SECTIONS).join(', ')})`);
      if ((kind === 'regex') !== Boolean(header[2])) {
        throw new DataFileError(
          file,
          i + 1,
          kind === 'regex' ? `section [${name}] holds regular expressions: write [${name}] (regex)` : `section [${name}] is not a regex section`,
        );
      }
      if (sections.has(name)) throw new DataFileError(file, i + 1, `section [${name}] appears twice`);
      current = { name, entries: [] };
      sections.set(name, current.entries);
      return;
    }
    if (line.startsWith('[') && SECTIONS[current?.name ?? ''] !== 'regex')
      throw new DataFileError(file, i + 1, `bad section header "${line}" (expected [name] or [name] (regex))`);
    if (!current) throw new DataFileError(file, i + 1, `"${line}" comes before any [section] header`);
    current.entries.push({ text: line, line: i + 1 });
  });
  for (const name of Object.keys(SECTIONS)) {
    if (!sections.has(name)) throw new DataFileError(file, null, `missing section [${name}]`);
  }
  return sections;
}

function pairs(entries: readonly Entry[], file: string, check: (value: string, e: Entry) => void): [string, string][] {
  return entries.map((e) => {
    const m = /^(.+?)\s*=\s*(.+)$/u.exec(e.text);
    if (!m) throw new DataFileError(file, e.line, `expected "phrase = value", got "${e.text}"`);
    check(m[2]!, e);
    return [foldWidth(m[1]!), m[2]!];
  });
}

function regexes(entries: readonly Entry[], file: string): RegExp[] {
  return entries.map((e) => {
    try {
      return new RegExp(e.text, 'u');
    } catch (err) {
      throw new DataFileError(file, e.line, `bad regular expression: ${(err as Error).message}`);
    }
  });
}

/**
 * Parse and compile a lexicon file's text. `file` names it in errors.
 * @throws DataFileError naming the file and line of the first mistake.
 */
export function compileLexicon(text: string, file = 'data/lexicon.txt'): Lexicon {
  const s = readSections(text, file);
  const words = (name: string): string[] => [...new Set(s.get(name)!.map((e) => foldWidth(e.text)))];
  const chars = (name: string): string => words(name).join('');

  const genreWords = GENRE_TYPES.flatMap((type) => words(`genre ${type}`).map((word) => ({ word, type })));
  genreWords.sort((a, b) => b.word.length - a.word.length);
  const unitWords = UNIT_KINDS.flatMap((kind) => words(`unit ${kind}`).map((word) => ({ word, kind })));
  unitWords.sort((a, b) => b.word.length - a.word.length);

  const isKind = (v: string, e: Entry): void => {
    if (!(UNIT_KINDS as readonly string[]).includes(v)) throw new DataFileError(file, e.line, `unknown unit kind "${v}" (known: ${UNIT_KINDS.join(', ')})`);
  };
  const isYear = (v: string, e: Entry): void => {
    if (!/^\d{4}$/u.test(v)) throw new DataFileError(file, e.line, `expected a four-digit year, got "${v}"`);
  };
  const selfReferences = new Map(pairs(s.get('self reference')!, file, isKind) as [string, UnitKind][]);
  const placeholderRes = regexes(s.get('placeholder')!, file);
  const pieces = regexes(s.get('placeholder piece')!, file);

  return {
    genreWords,
    genreWord: new RegExp(alternation(genreWords.map((g) => g.word)), 'u'),
    weakGenreWords: words('weak genre'),
    joiners: words('combined joiner'),
    combinedTitle: new RegExp(
      `(?:${alternation(genreWords.filter((g) => g.type === 'summary').map((g) => g.word))})(?:${alternation(words('combined joiner'))})` +
        `.{0,16}?(?:${alternation(genreWords.filter((g) => g.type === 'plan').map((g) => g.word))})`,
      'u',
    ),
    cues: Object.fromEntries(GENRE_TYPES.map((t) => [t, new RegExp(alternation(words(`cue ${t}`)), 'gu')])) as Record<GenreType, RegExp>,
    titleTopics: words('title topic'),
    genericUnits: new Set(words('generic unit')),
    titleDecorations: regexes(s.get('title decoration')!, file),
    unitSuffixes: words('unit suffix').sort((a, b) => b.length - a.length),
    unitWords,
    notUnits: words('not a unit'),
    unitWordSource: alternation(unitWords.map((u) => u.word)),
    selfReferences,
    selfReference: new RegExp(alternation([...selfReferences.keys()]), 'gu'),
    numerals: chars('outline numeral'),
    sentenceEnd: chars('sentence end'),
    clauseEnd: chars('clause end'),
    closingQuotes: chars('closing quote'),
    closingWords: words('closing word'),
    quotePairs: (() => {
      const list = s.get('quote pair')!.map((e) => {
        const m = /^(\S)\s*=\s*(\S)$/u.exec(e.text);
        if (!m) throw new DataFileError(file, e.line, `expected "opening = closing" (one character each), got "${e.text}"`);
        return [m[1]!, m[2]!] as const;
      });
      return { open: list.map((p) => p[0]).join(''), close: list.map((p) => p[1]).join('') };
    })(),
    placeholder: new RegExp(placeholderRes.map((r) => r.source).join('|'), 'gu'),
    placeholderPieceSource: pieces.map((r) => r.source).join('|'),
    placeholderUnitChars: chars('placeholder unit char'),
    landmarks: pairs(s.get('year landmark')!, file, isYear).map(([phrase, y]) => ({ phrase, year: Number(y) })),
    planPeriods: pairs(s.get('year plan period')!, file, isYear).map(([period, y]) => ({ period, year: Number(y) })),
    congresses: pairs(s.get('year congress')!, file, isYear).map(([congress, y]) => ({ congress, year: Number(y) })),
    anniversaries: pairs(s.get('year anniversary')!, file, isYear).map(([event, y]) => ({ event, year: Number(y) })),
    writingAdvice: regexes(s.get('writing advice')!, file),
    chromeWords: words('chrome word'),
    mandated: words('mandated'),
  };
}

/** The genre type a title signals: its rightmost genre word's (the longer one on a tie), or null. */
export function genreOfTitle(lex: Lexicon, title: string): GenreType | null {
  let best: { at: number; len: number; type: GenreType } | null = null;
  for (const g of lex.genreWords) {
    const at = title.lastIndexOf(g.word);
    if (at < 0) continue;
    const end = at + g.word.length;
    if (!best || end > best.at + best.len || (end === best.at + best.len && g.word.length > best.len)) best = { at, len: g.word.length, type: g.type };
  }
  return best?.type ?? null;
}

/** The document type a title signals: summary for a combined summary-and-plan title, else {@link genreOfTitle}. */
export function docTypeOfTitle(lex: Lexicon, title: string): GenreType | null {
  return lex.combinedTitle.test(title) ? 'summary' : genreOfTitle(lex, title);
}

/**
 * The kind of a unit name: its longest unit word at the end once organisational suffixes are off;
 * null when it ends in none (or in a word such as 干部 that names no unit).
 */
export function unitKindOf(lex: Lexicon, name: string): UnitKind | null {
  let core = name.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of lex.unitSuffixes) {
      if (core.length > suffix.length && core.endsWith(suffix)) {
        core = core.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  if (lex.notUnits.some((w) => core.endsWith(w))) return null;
  return lex.unitWords.find((u) => core.endsWith(u.word))?.kind ?? null;
}

/** Whether a unit name stands for a withheld name (某局, x镇, ○○社区). */
export function isPlaceholderUnit(lex: Lexicon, name: string): boolean {
  return Array.from(lex.placeholderUnitChars).some((c) => name.includes(c));
}
