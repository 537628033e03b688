import { describe, expect, it } from 'vitest';
import { compileSynonyms, loadSynonyms, normalise, normaliseChars, normString, originalSpan, parseSynonyms } from '../../ingest/stages/reuse';
import { LEXICON, loadFixtureDocs, SYNONYMS_PATH } from './fixtures';

const docs = loadFixtureDocs();

interface NormCase {
  readonly name: string;
  readonly text: string;
  readonly norm: string;
}

const CHAR_CASES: NormCase[] = [
  { name: 'punctuation, quotes and line breaks go', text: '增强“四个意识”、\n坚定“四个自信”。', norm: '增强四个意识坚定四个自信' },
  { name: 'Traditional becomes Simplified', text: '導語:縣民政局宣傳思想文化工作計劃', norm: '导语县民政局宣传思想文化工作计划' },
  { name: 'placeholder *局', text: '*局党组', norm: '#局党组' },
  { name: 'placeholder xxx', text: '中国xxx网', norm: '中国#网' },
  { name: 'placeholder X镇 and X多名', text: 'X镇共有X多名党员', norm: '#镇共有#多名党员' },
  { name: 'placeholder __社区', text: '__社区党工委', norm: '#社区党工委' },
  { name: 'placeholder 20X年 and a real year mask alike', text: '20X年度;2024年度', norm: '#年度#年度' },
  { name: 'placeholder ***', text: '***同志', norm: '#同志' },
  { name: 'placeholder runs broken across lines', text: '美丽xx\nx县和__\n社区,_\n_镇', norm: '美丽#县和#社区#镇' },
  { name: 'full-width placeholders ＊局 and ＸＸ镇', text: '＊局和ＸＸ镇', norm: '#局和#镇' },
  { name: 'placeholder 19XX年', text: '19XX年', norm: '#年' },
  { name: 'placeholder ××and ○○', text: '××同志在○○会上', norm: '#同志在#会上' },
  { name: 'numbers of any width collapse', text: '投稿15篇,共１２３份,12.5%', norm: '投稿#篇共#份#' },
  { name: 'Latin lower-cased, full-width folded, words with x kept', text: 'LED屏和ＡＰＰ,xxxapp', norm: 'led屏和app#app' },
];

describe('normaliseChars', () => {
  it.each(CHAR_CASES)('$name', ({ text, norm }) => {
    expect(normString(normaliseChars(text, LEXICON))).toBe(norm);
  });

  it('maps every unit back to the original characters it came from', () => {
    const text = docs.map((d) => d.text).join('\n');
    const n = normaliseChars(text, LEXICON);
    for (let i = 0; i < n.codes.length; i++) {
      const piece = text.slice(n.start[i], n.end[i]);
      expect(normString(normaliseChars(piece, LEXICON))).toBe(String.fromCodePoint(n.codes[i]!));
    }
  });

  it('keeps a character beyond the Basic Multilingual Plane as one two-byte unit spanning its surrogate pair', () => {
    // 𠮷 (U+20BB7, CJK extension B) in a place name: one unit, not two, and the same unit each time
    const text = '𠮷溪镇和𠮷溪村';
    const n = normaliseChars(text, LEXICON);
    expect(n.codes).toBeInstanceOf(Uint16Array);
    expect(n.codes.length).toBe(7);
    expect(n.codes[0]).toBe(n.codes[4]);
    expect(n.codes[0]).toBeGreaterThanOrEqual(0xe000);
    expect(originalSpan(n, 0, 3)).toEqual([0, 4]);
  });

  it('gives spans whose normalisation is the normalised slice', () => {
    const text = docs[0]!.text;
    const n = normaliseChars(text, LEXICON);
    for (const [from, to] of [
      [0, 30],
      [100, 180],
      [500, 900],
      [n.codes.length - 40, n.codes.length],
    ] as const) {
      const [s, e] = originalSpan(n, from, to);
      expect(normString(normaliseChars(text.slice(s, e), LEXICON))).toBe(normString(n, from, to));
    }
  });
});

describe('synonyms', () => {
  const table = loadSynonyms(SYNONYMS_PATH, LEXICON);
  const trie = compileSynonyms(table);

  it('ships the spin pairs named in the issue', () => {
    const pairs = { 进取: '积极', 礼貌: '文明', 供给: '提供', 经过: '通过', 职责: '责任', 情景: '情况', 必须: '一定' };
    for (const [variant, canonical] of Object.entries(pairs)) expect(table.get(variant)).toBe(canonical);
  });

  const CASES: NormCase[] = [
    { name: 'a spun word maps to its canonical', text: '取得了必须成绩', norm: '取得了一定成绩' },
    { name: 'the canonical stays', text: '取得了一定成绩', norm: '取得了一定成绩' },
    { name: 'Traditional spun text', text: '進取行動、迅速部署', norm: '积极行动迅速部署' },
    { name: 'longest match, different length', text: '国家主席指出', norm: '习近平总书记指出' },
    { name: 'a canonical is not split by a variant that overlaps it', text: '提供给群众', norm: '提供给群众' },
    { name: 'a spun sentence of the 商务局 report', text: '为商务事业的健康发展供给了强大的思想基础', norm: '为商务事业的健康发展提供了强大的思想基础' },
  ];

  it.each(CASES)('$name', ({ text, norm }) => {
    expect(normString(normalise(text, trie, LEXICON))).toBe(norm);
  });

  it('maps a replacement back to the whole replaced word', () => {
    const text = '他说:国家主席指出。';
    const n = normalise(text, trie, LEXICON);
    const at = normString(n).indexOf('习近平总书记');
    expect(originalSpan(n, at, at + 6)).toEqual([text.indexOf('国家主席'), text.indexOf('国家主席') + 4]);
    expect(originalSpan(n, at + 2, at + 3)).toEqual([text.indexOf('国家主席'), text.indexOf('国家主席') + 4]);
  });

  it('parses comments, blank lines and chains, and rejects malformed lines', () => {
    const parsed = parseSynonyms('# comment\n\n甲乙\t丙丁\n丙丁\t戊己\n進取\t積極\n', LEXICON);
    expect(parsed.get('甲乙')).toBe('戊己');
    expect(parsed.get('进取')).toBe('积极');
    expect(() => parseSynonyms('甲乙 丙丁\n', LEXICON)).toThrow(/synonyms:1: expected "variant<TAB>canonical"/);
  });
});
