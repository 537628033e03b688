import { alternation, charClass, type Lexicon } from '../../../common/lexicon';

/** The patterns segmentation builds from the genre lexicon, compiled once per lexicon. */
export interface SegmentPatterns {
  readonly lex: Lexicon;
  /** Any genre word (要点, 报告 …). */
  readonly genreWord: RegExp;
  /** Top-level outline heading `一、` (also `一 .` as viewers print it); group 1 is the numeral. */
  readonly topHeading: RegExp;
  /** Any outline marker at the start of a paragraph: 一、 (一) 1、 1. 1 . 一是 */
  readonly outlineMarker: RegExp;
  /** A sentence end at the end of a line. */
  readonly sentenceEnd: RegExp;
  /** A sentence end anywhere. */
  readonly anySentenceEnd: RegExp;
  /** A sentence or clause end (: …) at the end of a line: such a line is no heading. */
  readonly lineEnd: RegExp;
  /** Every sentence end with the closing quotes that stay with it (global). */
  readonly sentenceSplit: RegExp;
  /** Paragraphs that close a document rather than open one. */
  readonly closing: RegExp;
  /** Opening sentences that announce the report (现将…报告如下, 现述职如下); group `subject`. */
  readonly announce: RegExp;
  /** A unit named as issuing or reporting: a place or placeholder prefix and a unit word; group `org`. */
  readonly org: RegExp;
  /** Where a title's topic begins (year, 关于, topic words): the unit is before it. */
  readonly topicStart: RegExp;
  /** A year as titles write it (2023, 20XX). */
  readonly titleYear: RegExp;
  /** Sentence ends, clause ends and commas: no unit name and no bare title holds one. */
  readonly punctuation: RegExp;
}

const compiled = new WeakMap<Lexicon, SegmentPatterns>();

const TITLE_YEAR = /(?:19|20)[\dXx]{2}/u;

/** The segmentation patterns of a lexicon (built on first use, then cached). */
export function segmentPatterns(lex: Lexicon): SegmentPatterns {
  const hit = compiled.get(lex);
  if (hit) return hit;
  const num = charClass(lex.numerals);
  const ends = charClass(lex.sentenceEnd);
  const summary = alternation(lex.genreWords.filter((g) => g.type === 'summary').map((g) => g.word));
  const units = lex.unitWordSource;
  const suffixes = alternation(lex.unitSuffixes);
  const p: SegmentPatterns = {
    lex,
    genreWord: lex.genreWord,
    topHeading: new RegExp(`^(${num}{1,3})\\s*[、.]`, 'u'),
    outlineMarker: new RegExp(`^(?:${num}{1,3}\\s*[、.]|\\([${lex.numerals}\\d]{1,3}\\)?|\\d{1,2}\\s*[、.](?!\\d)|${num}{1,2}[是要])`, 'u'),
    sentenceEnd: new RegExp(`${ends}$`, 'u'),
    anySentenceEnd: new RegExp(ends, 'u'),
    lineEnd: new RegExp(`${charClass(lex.sentenceEnd + lex.clauseEnd)}$`, 'u'),
    sentenceSplit: new RegExp(`${ends}+${charClass(lex.closingQuotes)}?`, 'gu'),
    closing: new RegExp(`^(?:${alternation(lex.closingWords)})`, 'u'),
    announce: new RegExp(`现将(?<subject>[^,。]{2,60}?(?:${summary})?)如下|现(?:${summary})如下|(?:${summary})如下[:。]?$`, 'u'),
    org: new RegExp(`(?<org>(?:[*Xx_]+|\\p{Script=Han}{0,8}?)(?:${units})(?:${suffixes})*)`, 'u'),
    topicStart: new RegExp(`${TITLE_YEAR.source}|${alternation(lex.titleTopics)}`, 'u'),
    titleYear: TITLE_YEAR,
    punctuation: new RegExp(charClass(`${lex.sentenceEnd}${lex.clauseEnd},，、`), 'u'),
  };
  compiled.set(lex, p);
  return p;
}
