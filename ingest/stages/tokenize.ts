import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DataFileError } from '../../common/data-file-error';
import { readDataFile } from '../data-file';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Lexicon } from '../../common/lexicon';
import { isPlaceholder } from '../../common/placeholders';
import { foldWidth } from '../../common/width';

interface Jieba {
  DEFAULT_USER_DICT: string;
  load(options: { userDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
}

/** A loaded tokenizer: jieba with the domain dictionary, the stopword list and the genre lexicon (placeholders). */
export interface Tokenizer {
  readonly cut: (text: string) => string[];
  readonly stopwords: ReadonlySet<string>;
  readonly lexicon: Lexicon;
}

let loadedWith: string | undefined;
let jieba: Jieba | undefined;

/**
 * Load nodejieba once per process with its bundled dictionary plus the domain user dictionary, so
 * that formulations such as 意识形态工作责任制 and 两个确立 stay single tokens. The lexicon's
 * placeholders are cut out of texts and are never terms.
 */
export function loadTokenizer(userDictPath: string, stopwordsPath: string, lexicon: Lexicon): Tokenizer {
  if (!jieba) jieba = createRequire(import.meta.url)('nodejieba') as Jieba;
  if (loadedWith !== userDictPath) {
    if (loadedWith !== undefined) throw new Error('nodejieba can load its dictionaries only once per process');
    const copy = withoutComments(userDictPath);
    try {
      jieba.load({ userDict: `${jieba.DEFAULT_USER_DICT}|${copy}` });
    } finally {
      rmSync(dirname(copy), { recursive: true, force: true });
    }
    loadedWith = userDictPath;
  }
  const stopwords = new Set(
    readDataFile(stopwordsPath, 'stopword list')
      .split(/\r?\n/u)
      .map((l) => l.replace(/#.*$/u, '').trim())
      .filter(Boolean),
  );
  const j = jieba;
  return { cut: (text) => j.cut(text), stopwords, lexicon };
}

/**
 * cppjieba has no comment syntax: a `#` line would become a dictionary word and break segmentation
 * around `#`. Hand it a copy without comments and blank lines, written into a fresh private folder
 * (`mkdtemp`, mode 0700; the file created exclusively, 0600), never a predictable name in the shared
 * temp folder that another user could have pre-placed as a symlink. The caller removes the folder.
 */
export function withoutComments(path: string): string {
  const lines = readDataFile(path, 'user dictionary')
    .split(/\r?\n/u)
    .map((l, i) => {
      const line = l.trim();
      // cppjieba reads `word`, `word tag` or `word freq tag`; anything longer is a mistake
      if (line && !line.startsWith('#') && line.split(/\s+/u).length > 3) {
        throw new DataFileError(path, i + 1, `"${line}": expected "word", "word tag" or "word freq tag"`);
      }
      return line;
    })
    .filter((l) => l && !l.startsWith('#'));
  const body = `${lines.join('\n')}\n`;
  const copy = join(mkdtempSync(join(tmpdir(), 'reportscope-userdict-')), 'user.dict.utf8');
  writeFileSync(copy, body, { flag: 'wx', mode: 0o600 });
  return copy;
}

const HAS_WORD_CHAR = /[\p{Script=Han}A-Za-z]/u;
const NUMBER_LIKE = /^[\d.%,]+(?:[年月日号次个名条份人场余万亿多]|余[万份条人场次])*$/u;

/**
 * Whether a token counts as a term: a word of two or more characters, not a stopword, number or
 * placeholder (the tokenizer's stopwords and lexicon).
 */
export function isTerm(token: string, tokenizer: Pick<Tokenizer, 'stopwords' | 'lexicon'>): boolean {
  const t = token.trim();
  return !(t.length < 2 || !HAS_WORD_CHAR.test(t) || NUMBER_LIKE.test(t) || tokenizer.stopwords.has(t) || isPlaceholder(tokenizer.lexicon, t));
}

const cuts = new WeakMap<Lexicon, RegExp>();

/** Where a text is cut before tokenizing: the lexicon's placeholders and whitespace. */
function cutPattern(lex: Lexicon): RegExp {
  let cut = cuts.get(lex);
  if (!cut) {
    cut = new RegExp(`${lex.placeholder.source}|\\s+`, 'u');
    cuts.set(lex, cut);
  }
  return cut;
}

/** Tokens whose {@link isTerm} answer a tokenizer keeps before it starts again (a corpus of odd tokens cannot grow it without end). */
const TERM_MEMO_MAX = 500_000;
const termMemos = new WeakMap<Tokenizer, Map<string, boolean>>();

/**
 * Term counts of a text. The text is width-folded, then cut at the lexicon's placeholders
 * and line breaks so that neither becomes part of a term, then each piece is tokenized.
 * Whether a token is a term is asked once per tokenizer: the same few thousand words come back
 * millions of times (7–11 % of the stage's time on the generated corpus).
 */
export function countTerms(text: string, tokenizer: Tokenizer): { terms: Map<string, number>; tokenCount: number } {
  const terms = new Map<string, number>();
  let memo = termMemos.get(tokenizer);
  if (!memo) termMemos.set(tokenizer, (memo = new Map()));
  let tokenCount = 0;
  for (const piece of foldWidth(text).split(cutPattern(tokenizer.lexicon))) {
    if (!piece) continue;
    for (const token of tokenizer.cut(piece)) {
      let term = memo.get(token);
      if (term === undefined) {
        if (memo.size >= TERM_MEMO_MAX) memo.clear();
        memo.set(token, (term = isTerm(token, tokenizer)));
      }
      if (!term) continue;
      tokenCount++;
      terms.set(token, (terms.get(token) ?? 0) + 1);
    }
  }
  return { terms, tokenCount };
}
