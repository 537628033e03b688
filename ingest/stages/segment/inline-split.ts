/**
 * Viewer dumps lose every line break: titles, headings and list items run into one line. Restore the
 * paragraph breaks that are certain: before a document title (a short span ending in a plan or summary
 * genre word followed by an opening), and before outline markers that follow a finished sentence.
 */
import { alternation, charClass, type Lexicon } from '../../../common/lexicon';
import type { SegmentPatterns } from './patterns';

interface InlinePatterns {
  readonly inlineTitle: RegExp;
  readonly leadingTitle: RegExp;
  readonly breakBefore: readonly RegExp[];
  readonly echoedTitle: RegExp;
}

/** How a document body opens right after its title: a year, 今年, an outline marker, 根据 / 按照 / 为深入 …, 现将, 本人. */
const OPENING = (num: string): string => `(?:19|20)\\d{2}年|今年|${num}{1,3}\\s*[、.]|根据|按照|为(?:深入|进一步|全面|认真|切实)|现将|本人`;

const compiled = new WeakMap<Lexicon, InlinePatterns>();

function inlinePatterns(pat: SegmentPatterns): InlinePatterns {
  const hit = compiled.get(pat.lex);
  if (hit) return hit;
  const lex = pat.lex;
  const num = charClass(lex.numerals);
  const ends = lex.sentenceEnd;
  const words = alternation(lex.genreWords.filter((g) => g.type !== 'commentary').map((g) => g.word));
  const notStop = `[^${charClass(`${ends},:“”`).slice(1, -1)}\\s]`;
  const title = `((?:19|20)\\d{2}年?度?)?${notStop}{2,40}?(?:${words})(?=${OPENING(num)})`;
  const p: InlinePatterns = {
    inlineTitle: new RegExp(`(?<=^|${charClass(ends)})${title}`, 'gu'),
    leadingTitle: new RegExp(`^(?:${title})`, 'u'),
    breakBefore: [
      // 一、 二 . after a finished sentence or colon
      new RegExp(`(?<=${charClass(ends + ':')})(?=${num}{1,3}\\s*[、.])`, 'gu'),
      // (一) after a finished sentence or colon
      new RegExp(`(?<=${charClass(ends + ':')})(?=\\(${num}{1,3}\\))`, 'gu'),
      // 1、 1. 1 . after a finished sentence, or glued to a heading
      new RegExp(`(?<=[${charClass(`${ends}:`).slice(1, -1)}\\p{Script=Han}])(?=\\d{1,2}(?:、|\\s?[.](?!\\d)))`, 'gu'),
    ],
    echoedTitle: new RegExp(`(?<=${charClass(ends)})${notStop}{2,28}“[^”]{1,12}”(?=\\p{Script=Han})`, 'gu'),
  };
  compiled.set(pat.lex, p);
  return p;
}

const unquote = (s: string): string => s.replace(/[“”]/gu, '');

/** A paragraph restored from a run-together line, and whether it is a document title. */
export interface RestoredParagraph {
  readonly text: string;
  readonly title: boolean;
}

/**
 * A paragraph that starts with its document's title glued to the opening (`…工作要点2024年是…`),
 * as copy-paste from web pages often leaves it: the title as a paragraph of its own, then the rest.
 */
export function splitLeadingTitle(paragraph: string, pat: SegmentPatterns): RestoredParagraph[] {
  const m = inlinePatterns(pat).leadingTitle.exec(paragraph);
  if (!m || m[0].length === paragraph.length) return [{ text: paragraph, title: false }];
  return [
    { text: m[0], title: true },
    { text: paragraph.slice(m[0].length).trim(), title: false },
  ];
}

/**
 * Split one run-together paragraph into the paragraphs it had, marking the titles found inside it.
 * An article title without a genre word (奋力走好新时代宣传思想文化“赶考路”: a short span ending in a
 * quoted phrase between two sentences) counts as a title only when the article echoes it later.
 */
export function splitRunTogether(paragraph: string, pat: SegmentPatterns): RestoredParagraph[] {
  const ip = inlinePatterns(pat);
  const titles = new Set<string>();
  let marked = paragraph.replace(ip.inlineTitle, (m) => {
    titles.add(m);
    return `\u0000${m}\u0000`;
  });
  marked = marked.replace(ip.echoedTitle, (m, offset: number, whole: string) => {
    const bare = unquote(m);
    if (bare.length < 8 || !unquote(whole.slice(offset + m.length)).includes(bare)) return m;
    titles.add(m);
    return `\u0000${m}\u0000`;
  });
  for (const re of ip.breakBefore) marked = marked.replace(re, '\u0000');
  return marked
    .split('\u0000')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((text) => ({ text, title: titles.has(text) }));
}
