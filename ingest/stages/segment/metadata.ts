import { alternation, charClass, docTypeOfTitle, isPlaceholderUnit, unitKindOf, type Lexicon, type UnitKind } from '../../../common/lexicon';
import type { DocType, YearSource } from '../../../common/schema';
import type { SegmentPatterns } from './patterns';

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/gu;
const YEAR_IN_OPENING = /((?:19|20)\d{2})年(?:度)?(?:以来|是|上半年|下半年|第[一二三四]季度|全年|工作|,|来)/u;
const YEAR_IN_BODY = /(?<![到至\d-])((?:19|20)\d{2})(?:年|全国两会)/gu;
/** A school year 2020-2021学年(度); the second term (第二学期) is in its second calendar year. */
const SCHOOL_YEAR = /((?:19|20)\d{2})\s*[-—~至到]\s*((?:19|20)\d{2})\s*学年(?:度)?(第二学期|下学期)?/u;
const QUOTES = /[“”"‘’「」『』]/gu;
const CN_DIGITS = '零一二三四五六七八九';

/** 一百 → 100, 七十五 → 75, 102 → 102. */
function numberValue(s: string): number {
  if (/^\d+$/u.test(s)) return Number(s);
  let n = 0;
  let digit = 0;
  for (const c of s) {
    const d = CN_DIGITS.indexOf(c);
    const unit = c === '十' ? 10 : c === '百' ? 100 : 0;
    if (d >= 0) digit = d;
    else if (unit) {
      n += (digit || 1) * unit;
      digit = 0;
    }
  }
  return n + digit;
}

/** The year a title names: for a combined summary-and-plan title the summary's, else the first. */
export function yearOfTitle(title: string, lex: Lexicon): number | null {
  const school = SCHOOL_YEAR.exec(title);
  if (school) return Number(school[3] ? school[2] : school[1]);
  const years = Array.from(title.matchAll(YEAR), (m) => ({ year: Number(m[1]), at: m.index }));
  if (years.length === 0) return null;
  const combined = lex.combinedTitle.exec(title);
  if (combined && years.length > 1) {
    const before = years.filter((y) => y.at < combined.index);
    if (before.length) return before[before.length - 1]!.year;
  }
  return years[0]!.year;
}

/** The latest year the text's dated landmarks point to (建党100周年 → 2021, 迎接二十大 → 2022), or null. */
export function landmarkYear(text: string, lex: Lexicon): number | null {
  const bare = text.replace(QUOTES, '');
  const re = landmarkPatterns(lex);
  let best: number | null = null;
  for (const l of re.phrases) {
    if (bare.includes(l.phrase)) best = Math.max(best ?? 0, l.year);
  }
  for (const p of re.periods) {
    const m = p.re.exec(bare);
    if (m) best = Math.max(best ?? 0, m[1] === '开局' ? p.year : p.year + 4);
  }
  for (const c of re.congresses) {
    if (c.held.test(bare)) best = Math.max(best ?? 0, c.year);
    // the first full year after a congress: 全面贯彻党的二十大精神的开局之年 → 2023
    if (c.after.test(bare)) best = Math.max(best ?? 0, c.year + 1);
  }
  for (const m of bare.matchAll(re.anniversary)) {
    const founded = lex.anniversaries.find((a) => a.event === m[1])!.year;
    best = Math.max(best ?? 0, founded + numberValue(m[2]!));
  }
  return best;
}

interface LandmarkPatterns {
  readonly phrases: readonly { readonly phrase: string; readonly year: number }[];
  readonly periods: readonly { readonly re: RegExp; readonly year: number }[];
  readonly congresses: readonly { readonly held: RegExp; readonly after: RegExp; readonly year: number }[];
  readonly anniversary: RegExp;
}

const landmarkCache = new WeakMap<Lexicon, LandmarkPatterns>();

/** The lexicon's dated landmarks as patterns, built once per lexicon. */
function landmarkPatterns(lex: Lexicon): LandmarkPatterns {
  let p = landmarkCache.get(lex);
  if (!p) {
    p = {
      phrases: lex.landmarks.map((l) => ({ phrase: l.phrase.replace(QUOTES, ''), year: l.year })),
      periods: lex.planPeriods.map((x) => ({ re: new RegExp(`${x.period}(?:规划)?(?:的)?(开局|收官)`, 'u'), year: x.year })),
      congresses: lex.congresses.map((c) => ({
        held: new RegExp(`(?:迎接|喜迎)(?:党的)?${c.congress}|${c.congress}(?:胜利)?召开之年`, 'u'),
        after: new RegExp(`${c.congress}精神的?开局之年`, 'u'),
        year: c.year,
      })),
      anniversary: new RegExp(`(${alternation(lex.anniversaries.map((a) => a.event))})(\\d{1,3}|[${CN_DIGITS}十百]{1,5})周年`, 'gu'),
    };
    landmarkCache.set(lex, p);
  }
  return p;
}

/**
 * The year a document is about: its title, then its opening, then the years its body names most
 * (none after the posting date), then its dated landmarks. A posting date alone never dates a document.
 */
export function inferYear(
  title: string | null,
  paragraphs: readonly string[],
  postedYear: number | null,
  nowYear: number,
  lex: Lexicon,
): { year: number | null; source: YearSource | null } {
  const valid = (y: number | null): y is number => y !== null && y >= 1990 && y <= nowYear + 1;
  const t = title ? yearOfTitle(title, lex) : null;
  if (valid(t)) return { year: t, source: 'title' };
  const opening = paragraphs.slice(0, 3).join('\n').slice(0, 400);
  const o = YEAR_IN_OPENING.exec(opening);
  if (o && valid(Number(o[1]))) return { year: Number(o[1]), source: 'opening' };
  const counts = new Map<number, number>();
  for (const m of paragraphs.join('\n').matchAll(YEAR_IN_BODY)) {
    const y = Number(m[1]);
    if (valid(y) && (postedYear === null || y <= postedYear)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (best) return { year: best[0], source: 'body' };
  // a landmark in the opening (今年是建党100周年) outweighs those named further on
  const landmark = landmarkYear(paragraphs.slice(0, 1).join('\n'), lex) ?? landmarkYear(paragraphs.join('\n'), lex);
  if (valid(landmark)) return { year: landmark, source: 'landmark' };
  return { year: null, source: null };
}

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** plan / summary / commentary / other: from the title's genre word, else the report's announcement, else body cues. */
export function inferDocType(title: string | null, paragraphs: readonly string[], pat: SegmentPatterns): DocType {
  const lex = pat.lex;
  if (title) {
    const type = docTypeOfTitle(lex, title.replace(/\([^)]{0,12}\)$/u, ''));
    if (type) return type;
  }
  const text = paragraphs.join('\n');
  if (pat.announce.test(paragraphs.slice(0, 3).join('\n'))) return 'summary';
  const per = Math.max(1, text.length / 1000);
  const summary = count(text, lex.cues.summary) / per;
  const plan = count(text, lex.cues.plan) / per;
  const commentary = count(text, lex.cues.commentary) / per;
  const best = Math.max(summary, plan, commentary);
  if (best < 0.5) return 'other';
  if (best === commentary) return 'commentary';
  return best === summary ? 'summary' : 'plan';
}

/** Words a unit name never starts with: 在全县… is a phrase, not a unit. */
const NOT_A_UNIT_START = /^(?:在|全|各|我|本|该|对|向|为|由|把|将|从|关于)/u;

function validOrg(org: string, lex: Lexicon): string | null {
  const o = org.replace(/^中共/u, '').trim();
  if (o.length < 2 || o.length > 24 || NOT_A_UNIT_START.test(o) || lex.genericUnits.has(o)) return null;
  return org.trim();
}

/**
 * The unit named before the topic of a title or announcement: the longest leading run that ends in
 * a unit word (and organisational suffixes) and is followed by a year, 关于 or a topic word:
 * 县委宣传部 in 县委宣传部宣传思想工作要点, 市第三人民医院 in 市第三人民医院2023年意识形态工作总结.
 */
export function orgFromHeading(heading: string, pat: SegmentPatterns): string | null {
  const unit = headingUnit(heading, pat);
  return unit ? validOrg(unit, pat.lex) : null;
}

/** The leading unit of a heading as written, generic ones (社区, 学校) included; see {@link orgFromHeading}. */
function headingUnit(heading: string, pat: SegmentPatterns, continues: RegExp | null = null): string | null {
  const lex = pat.lex;
  let h = heading
    .trim()
    .replace(/^(?:在|关于)/u, '')
    .replace(/^(?:(?:19|20)\d{2}\s*)?年(?:度|末|底|初|终|中)?|^(?:19|20)\d{2}/u, '')
    .trim();
  const cut = pat.punctuation.exec(h)?.index;
  if (cut !== undefined) h = h.slice(0, cut);
  const about = h.indexOf('关于');
  if (about > 0) h = h.slice(0, about + 2);
  let best: string | null = null;
  for (let i = 0; i < h.length; i++) {
    for (const { word } of lex.unitWords) {
      if (!h.startsWith(word, i) || lex.notUnits.some((w) => h.slice(0, i + word.length).endsWith(w))) continue;
      for (const end of unitEnds(h, i + word.length, lex)) {
        const rest = h.slice(end);
        const topic = rest === '' || pat.topicStart.exec(rest)?.index === 0 || rest.startsWith('关于') || lex.genreWord.exec(rest)?.index === 0;
        if ((topic || continues?.exec(rest)?.index === 0) && (!best || end > best.length)) best = h.slice(0, end);
      }
    }
  }
  return best;
}

/** How an opening sentence goes on after naming its unit: 青石街道将继续…, 县中医医院坚持…, 我局在…. */
const SUBJECT_CONTINUES =
  /[,、]|将|在|以|把|对|按照|根据|围绕|坚持|始终|认真|紧紧|深入|全面|高度|扎实|积极|切实|进一步|不断|持续|立足|聚焦|结合|严格|牢牢|充分|注重|着力|党委|党组|党支部|党总支|的/u;

/** Where a unit name ending at `end` may end once organisational suffixes (党委, 办事处 …) are added. */
function unitEnds(h: string, end: number, lex: Lexicon): number[] {
  const ends = [end];
  for (let grown = true; grown;) {
    grown = false;
    const at = ends[ends.length - 1]!;
    const suffix = lex.unitSuffixes.find((s) => h.startsWith(s, at));
    if (suffix) {
      ends.push(at + suffix.length);
      grown = true;
    }
  }
  return ends;
}

/** The time lead of an opening sentence (今年以来, 2020年, 新的一年, 今年是建党100周年 …), before its subject. */
const OPENING_LEAD =
  /^(?:今年以来|今年上半年|本季度|新的一年|今年|(?:19|20)\d{2}年(?:以来|上半年|度)?|今年是[^,。]{2,40})[,]\s*(?:在[^,]{0,60}下[,])?(?<rest>.{2,40})/u;

const markedOrgs = new WeakMap<Lexicon, RegExp>();

/** Units the body names with a placeholder (X镇, *社区) or a county/city prefix (县民政局); superiors' committees (县委) excluded. */
function markedOrg(lex: Lexicon): RegExp {
  let re = markedOrgs.get(lex);
  if (!re) {
    const chars = Array.from(lex.placeholderUnitChars)
      .filter((c) => c !== '某')
      .join('');
    const bureau = alternation(lex.unitWords.filter((u) => u.kind === 'bureau' && u.word.length <= 3 && /[局办]$/u.test(u.word)).map((u) => u.word));
    const own = alternation(lex.unitWords.filter((u) => u.kind !== 'party_committee').map((u) => u.word));
    re = new RegExp(`[${chars.replace(/[\]\\^-]/gu, '\\$&')}]{1,3}(?:${own})|[县市区]\\p{Script=Han}{1,5}?(?:${bureau})(?!公)`, 'gu');
    markedOrgs.set(lex, re);
  }
  return re;
}

/** The issuing unit and where it was found: the title or opening (strong), or only named in the body (weak). */
export interface OrgFound {
  readonly org: string | null;
  readonly from: 'heading' | 'body' | null;
  /** The kind a title names with a word too generic to be the unit (社区季度…报告 → community). */
  readonly titleKind?: UnitKind | null;
}

/** The issuing unit: from the title, the announcement (现将…如下), the opening's subject, or the unit the body names most. */
export function inferOrg(title: string | null, paragraphs: readonly string[], pat: SegmentPatterns): OrgFound {
  const fromTitle = title ? orgFromHeading(title, pat) : null;
  if (fromTitle) return { org: fromTitle, from: 'heading' };
  const opening = paragraphs.slice(0, 3).join('\n');
  const announce = pat.announce.exec(opening)?.groups?.['subject'];
  const fromAnnounce = announce ? orgFromHeading(announce, pat) : null;
  if (fromAnnounce) return { org: fromAnnounce, from: 'heading' };
  const first = paragraphs[0] ?? '';
  const subject = OPENING_LEAD.exec(first)?.groups?.['rest'] ?? first;
  const named = headingUnit(subject.slice(0, 40), pat, SUBJECT_CONTINUES);
  const valid = named ? validOrg(named, pat.lex) : null;
  if (valid && valid.length <= 16) return { org: valid, from: 'heading' };
  const counts = new Map<string, number>();
  for (const m of paragraphs.join('\n').matchAll(markedOrg(pat.lex))) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  const generic = title ? headingUnit(title, pat) : null;
  const titleKind = generic ? unitKindOf(pat.lex, generic) : null;
  return best && (best[1] >= 2 || (counts.size === 1 && isPlaceholderUnit(pat.lex, best[0])))
    ? { org: best[0], from: 'body', titleKind }
    : { org: null, from: null, titleKind };
}

/** The kind of unit the text names itself as most (我局, 本社区, 我院 …), or null. */
function selfKind(text: string, lex: Lexicon): UnitKind | null {
  const counts = new Map<UnitKind, number>();
  for (const m of text.matchAll(lex.selfReference)) {
    const kind = lex.selfReferences.get(m[0])!;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Kind of unit, for grouping, from the strongest evidence: the unit named in the title or opening (its
 * unit word, per the lexicon); how the first paragraph names itself (我局, 本社区, 我院 …); a unit the
 * body names (*局); how the opening, then the whole text, names itself; else other.
 */
export function unitKind(found: OrgFound, paragraphs: readonly string[], lex: Lexicon): UnitKind {
  const named = found.org ? unitKindOf(lex, found.org) : null;
  if (named && found.from === 'heading') return named;
  if (found.titleKind) return found.titleKind;
  const first = selfKind(paragraphs.slice(0, 1).join('\n'), lex);
  if (first) return first;
  if (named) return named;
  return selfKind(paragraphs.slice(0, 3).join('\n'), lex) ?? selfKind(paragraphs.join('\n'), lex) ?? 'other';
}

/** A title for a document that has none: the unit's announcement (现将…如下) or the first clause. */
export function inferTitle(paragraphs: readonly string[], pat: SegmentPatterns): string {
  const announce = pat.announce.exec(paragraphs.slice(0, 3).join('\n'))?.groups?.['subject'];
  if (announce && announce.length >= 6) return announce;
  const first = (paragraphs[0] ?? '').split(new RegExp(charClass(pat.lex.sentenceEnd), 'u'))[0] ?? '';
  return first.length > 24 ? `${first.slice(0, 24)}…` : first;
}
