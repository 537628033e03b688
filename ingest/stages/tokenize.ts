import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPlaceholder, PLACEHOLDER } from '../../common/placeholders';
import { foldWidth } from '../../common/width';

interface Jieba {
  DEFAULT_USER_DICT: string;
  load(options: { userDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
}

/** A loaded tokenizer: jieba with the domain dictionary, and the stopword list. */
export interface Tokenizer {
  readonly cut: (text: string) => string[];
  readonly stopwords: ReadonlySet<string>;
}

let loadedWith: string | undefined;
let jieba: Jieba | undefined;

/**
 * Load nodejieba once per process with its bundled dictionary plus the domain user dictionary, so
 * that formulations such as 意识形态工作责任制 and 两个确立 stay single tokens.
 */
export function loadTokenizer(userDictPath: string, stopwordsPath: string): Tokenizer {
  if (!jieba) jieba = createRequire(import.meta.url)('nodejieba') as Jieba;
  if (loadedWith !== userDictPath) {
    if (loadedWith !== undefined) throw new Error('nodejieba can load its dictionaries only once per process');
    jieba.load({ userDict: `${jieba.DEFAULT_USER_DICT}|${withoutComments(userDictPath)}` });
    loadedWith = userDictPath;
  }
  const stopwords = new Set(
    readFileSync(stopwordsPath, 'utf8')
      .split(/\r?\n/u)
      .map((l) => l.replace(/#.*$/u, '').trim())
      .filter(Boolean),
  );
  const j = jieba;
  return { cut: (text) => j.cut(text), stopwords };
}

/**
 * cppjieba has no comment syntax: a `#` line would become a dictionary word and break segmentation
 * around `#`. Hand it a copy without comments and blank lines (named by content, so reruns reuse it).
 */
function withoutComments(path: string): string {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const body = `${lines.join('\n')}\n`;
  const copy = join(tmpdir(), `reportscope-userdict-${createHash('sha1').update(body).digest('hex').slice(0, 12)}.utf8`);
  writeFileSync(copy, body);
  return copy;
}

const HAS_WORD_CHAR = /[\p{Script=Han}A-Za-z]/u;
const NUMBER_LIKE = /^[\d.%,]+(?:[年月日号次个名条份人场余万亿多]|余[万份条人场次])*$/u;

/** Whether a token counts as a term: a word of two or more characters, not a stopword, number or placeholder. */
export function isTerm(token: string, stopwords: ReadonlySet<string>): boolean {
  const t = token.trim();
  return !(t.length < 2 || !HAS_WORD_CHAR.test(t) || NUMBER_LIKE.test(t) || stopwords.has(t) || isPlaceholder(t));
}

/** Where a text is cut before tokenizing: placeholders and whitespace. */
const CUT = new RegExp(`${PLACEHOLDER.source}|\\s+`, 'u');

/**
 * Term counts of a text. The text is width-folded, then cut at placeholders (`*局`, `X镇`, `__社区`)
 * and line breaks so that neither becomes part of a term, then each piece is tokenized.
 */
export function countTerms(text: string, tokenizer: Tokenizer): { terms: Map<string, number>; tokenCount: number } {
  const terms = new Map<string, number>();
  let tokenCount = 0;
  for (const piece of foldWidth(text).split(CUT)) {
    if (!piece) continue;
    for (const token of tokenizer.cut(piece)) {
      if (!isTerm(token, tokenizer.stopwords)) continue;
      tokenCount++;
      terms.set(token, (terms.get(token) ?? 0) + 1);
    }
  }
  return { terms, tokenCount };
}
