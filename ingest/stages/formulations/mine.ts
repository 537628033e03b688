/**
 * Mining set formulations (提法) from the corpus's text, without a list given in advance:
 *  - *numbered*: a numeral (两 … 二十, 2 … 20; not 一, which is an article, nor after 第, an ordinal)
 *    and a measure word (个 项 大 种 条 方面 点), then a phrase. The phrase starts as the next two
 *    characters (四个意识) and grows while one next character follows in at least `extendShare` of the
 *    occurrences (五个必由 → 五个必由之路), to at most `MAX_PHRASE` characters and never through a
 *    function word (的 和 与 及 …): where the continuations vary, the formulation has ended.
 *  - *compound*: two numbered halves of one character each (两学一做, 三会一课, 一岗双责), idioms and
 *    numeral phrases of the general dictionary left out (一心一意, 一点一滴).
 *  - *quoted*: a phrase of 3 to 12 characters written in quotation marks (“学习强国”), neither a word
 *    of the general dictionary put in quotes for emphasis (“惯性”, “看不见”) nor a placeholder (“平安X”).
 * A candidate becomes a formulation when `minDocs` documents of `minUnits` units use it. Written forms
 * are folded to one (4个意识 → 四个意识, 二个 → 两个) and kept as its variants.
 */

/** Measure words of numbered formulations. */
const MEASURE = '个|项|大|种|条|方面|点';
/** Longest phrase after the measure word (五个必由之路, 六个必须坚持, 八项规定精神). */
export const MAX_PHRASE = 4;
/** Function characters a numbered phrase never contains: where one comes, the phrase has ended (十九大和十九届…). */
const FUNCTION_CHARS = /[的和与及等是在对把从向为了于]/u;
/** A compound's one-character halves are never a numeral or a unit of time or order (十九届五中全会 holds 九届五中, not a formulation). */
const NOT_HALF = /[一二两三四五六七八九十双届年月日次号时岁]/u;
/** Characters of a placeholder or of Latin text: not a set phrase. */
const NOT_PHRASE = /[A-Za-z0-9_*＊×○□]/u;

/** Chinese numerals of numbered formulations, and their Arabic forms. */
const DIGITS = '两二三四五六七八九十';
/** The numbered pattern as RE2 (DuckDB) and JavaScript both read it: an optional 第, numeral, measure word, and up to `MAX_TAIL` Han characters. */
export const MAX_TAIL = 8;
export const NUMBERED_PATTERN = `第?(?:[${DIGITS}]{1,3}|[1-9][0-9]?)(?:${MEASURE})\\p{Han}{1,${MAX_TAIL}}`;
/** Two numbered halves: numeral, character, numeral, character. */
export const COMPOUND_PATTERN = `[一${DIGITS}]\\p{Han}[一双${DIGITS}]\\p{Han}`;
/** A quoted phrase: 2 to 12 characters between Chinese quotation marks, no sentence punctuation inside. */
export const QUOTED_PATTERN = '“[^“”\\s，。；：！？,.;:!?]{3,12}”';

const CHINESE = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九'];

/** The value of a numeral of the numbered pattern (两 = 2, 十九 = 19, 12 = 12), or null. */
export function numeralValue(s: string): number | null {
  if (/^[0-9]+$/u.test(s)) return Number(s);
  const d = (c: string | undefined) => (c === undefined ? 0 : c === '二' ? 2 : CHINESE.indexOf(c));
  const m = /^([两二三四五六七八九])?(十)?([一二三四五六七八九两])?$/u.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[3] !== undefined ? null : d(m[1]);
  return (m[1] ? d(m[1]) : 1) * 10 + d(m[3]);
}

/** The numeral written as the formulation's canonical form writes it: 两 for 2, Chinese digits above. */
function canonicalNumeral(n: number): string {
  if (n === 2) return '两';
  if (n < 10) return CHINESE[n]!;
  const digit = (d: number) => (d === 2 ? '二' : CHINESE[d]!);
  return `${n >= 20 ? digit(Math.floor(n / 10)) : ''}十${n % 10 ? digit(n % 10) : ''}`;
}

/** A numbered occurrence split: its canonical prefix (numeral + measure word), its written prefix, and the Han characters after it. */
export interface NumberedMatch {
  readonly prefix: string;
  readonly written: string;
  readonly tail: string;
}

/** Split one match of {@link NUMBERED_PATTERN}; null for an ordinal (第…), a numeral outside 2 … 20 (二十大 is the 20th congress), or 一. */
export function splitNumbered(match: string): NumberedMatch | null {
  if (match.startsWith('第')) return null;
  const m = new RegExp(`^([${DIGITS}]{1,3}|[1-9][0-9]?)(${MEASURE})(.*)$`, 'u').exec(match);
  if (!m) return null;
  const n = numeralValue(m[1]!);
  if (n === null || n < 2 || n > 20) return null;
  return { prefix: canonicalNumeral(n) + m[2]!, written: m[1]! + m[2]!, tail: m[3]! };
}

/** What a candidate needs to become a formulation. */
export interface MineRule {
  readonly minDocs: number;
  readonly minUnits: number;
  /** A phrase grows by a character that follows in at least this share of its occurrences … */
  readonly extendShare: number;
  /** … when it has at least this many occurrences. */
  readonly extendMin: number;
}

export const DEFAULT_MINE_RULE: MineRule = { minDocs: 3, minUnits: 2, extendShare: 0.9, extendMin: 3 };

/** One occurrence of a candidate: its document and unit. */
export interface Occurrence {
  readonly doc: number;
  readonly unit: string;
}

/** A mined formulation: its canonical form, how it was found, and the written forms to count. */
export interface Mined {
  readonly formulation: string;
  readonly kind: 'numbered' | 'compound' | 'quoted';
  readonly forms: readonly string[];
}

/**
 * The numbered formulations of the numbered matches (with their documents and units): each prefix and
 * first two characters grouped, grown while one continuation dominates, kept when used widely enough.
 */
export function mineNumbered(matches: readonly (NumberedMatch & Occurrence)[], rule: MineRule): Mined[] {
  const byHead = new Map<string, (NumberedMatch & Occurrence)[]>();
  for (const m of matches) {
    if (m.tail.length < 2 || FUNCTION_CHARS.test(m.tail.slice(0, 2))) continue;
    const head = m.prefix + m.tail.slice(0, 2);
    (byHead.get(head) ?? byHead.set(head, []).get(head)!).push(m);
  }
  const out: Mined[] = [];
  for (const [head, occ] of byHead) {
    if (!widely(occ, rule)) continue;
    // the phrase grows along its dominant continuation (whatever order the occurrences come in)
    let phrase = head.slice(-2);
    for (;;) {
      const len = phrase.length;
      const next = new Map<string, number>();
      for (const o of occ) next.set(o.tail[len] ?? '', (next.get(o.tail[len] ?? '') ?? 0) + 1);
      const [c, n] = [...next].sort((a, b) => b[1] - a[1])[0]!;
      if (c === '' || FUNCTION_CHARS.test(c) || len >= MAX_PHRASE || occ.length < rule.extendMin || n / occ.length < rule.extendShare) break;
      phrase += c;
    }
    const forms = [...new Set(occ.filter((o) => o.tail.startsWith(phrase)).map((o) => o.written + phrase))].sort();
    out.push({ formulation: head.slice(0, head.length - 2) + phrase, kind: 'numbered', forms });
  }
  return out;
}

/** Whether the occurrences come from enough documents and units. */
function widely(occ: readonly Occurrence[], rule: MineRule): boolean {
  return new Set(occ.map((o) => o.doc)).size >= rule.minDocs && new Set(occ.map((o) => o.unit)).size >= rule.minUnits;
}

/** Candidates of the compound and quoted patterns used widely enough, in their written form (quotes removed); `general` says a candidate is a word of the general dictionary. */
export function mineLiteral(
  matches: readonly ({ text: string } & Occurrence)[],
  kind: 'compound' | 'quoted',
  rule: MineRule,
  general: (s: string) => boolean,
): Mined[] {
  const byText = new Map<string, Occurrence[]>();
  for (const m of matches) {
    const text = kind === 'quoted' ? m.text.slice(1, -1) : m.text;
    (byText.get(text) ?? byText.set(text, []).get(text)!).push(m);
  }
  return [...byText]
    .filter(
      ([text, occ]) =>
        widely(occ, rule) && !general(text) && !NOT_PHRASE.test(text) && !(kind === 'compound' && (NOT_HALF.test(text[1]!) || NOT_HALF.test(text[3]!))),
    )
    .map(([text]) => ({ formulation: text, kind, forms: [text] }));
}
