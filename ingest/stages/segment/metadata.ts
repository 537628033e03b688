import type { DocType } from '../../../common/schema';
import { ANNOUNCE, COMMENTARY_CUES, GENERIC_ORG, ORG, PLAN_CUES, SUMMARY_CUES, TITLE_TYPE_WORDS } from './patterns';

/** Where a year came from, in order of trust. */
export type YearSource = 'title' | 'opening' | 'body' | 'posted';

const YEAR_IN_TITLE = /((?:19|20)\d{2})(?=年|[^\d]|$)/u;
const YEAR_IN_OPENING = /((?:19|20)\d{2})年(?:度)?(?:以来|是|上半年|下半年|第[一二三四]季度|全年|工作|,|,|来|,)/u;
const YEAR_IN_BODY = /(?<![到至])((?:19|20)\d{2})(?:年|全国两会)/gu;

/** The year a document is about: its title, then its opening, then the years its body names most, then the posting date. */
export function inferYear(title: string | null, paragraphs: readonly string[], postedYear: number | null, nowYear: number): { year: number | null; source: YearSource | null } {
  const valid = (y: number): boolean => y >= 1990 && y <= nowYear + 1;
  const t = title ? YEAR_IN_TITLE.exec(title) : null;
  if (t && valid(Number(t[1]))) return { year: Number(t[1]), source: 'title' };
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
  if (postedYear !== null) return { year: postedYear, source: 'posted' };
  return { year: null, source: null };
}

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** plan / summary / commentary / other: from the title's genre word, else the report's announcement, else body cues. */
export function inferDocType(title: string | null, paragraphs: readonly string[]): DocType {
  if (title) {
    const core = title.replace(/[((][^))]{0,12}[))]$/u, '');
    for (const [re, type] of TITLE_TYPE_WORDS) if (re.test(core)) return type;
  }
  const text = paragraphs.join('\n');
  if (ANNOUNCE.test(paragraphs.slice(0, 3).join('\n'))) return 'summary';
  const per = Math.max(1, text.length / 1000);
  const summary = count(text, SUMMARY_CUES) / per;
  const plan = count(text, PLAN_CUES) / per;
  const commentary = count(text, COMMENTARY_CUES) / per;
  const best = Math.max(summary, plan, commentary);
  if (best < 0.5) return 'other';
  if (best === commentary) return 'commentary';
  return best === summary ? 'summary' : 'plan';
}

const TOPIC = /宣传|意识形态|思想|党建|工作|精神|理论|学习|文化|关于|季度|年度|上半年|下半年/u;
const SELF = /^(?:我|本|该)/u;

const LEADING_ORG = new RegExp(`^${ORG.source.replace('{0,8}?', '{0,8}')}`, 'u');

function orgIn(fragment: string): string | null {
  const m = LEADING_ORG.exec(fragment);
  const org = m?.groups?.['org'];
  return org && !GENERIC_ORG.test(org) && !SELF.test(org) ? org : null;
}

/** The unit named before the topic words of a title or announcement: `县民政局` in 县民政局宣传思想文化工作计划. */
export function orgFromHeading(heading: string): string | null {
  const stripped = heading.replace(/^关于/u, '').replace(/(?:19|20)[\dXx]{2}年?度?/gu, '');
  const cut = stripped.search(TOPIC);
  return orgIn((cut < 0 ? stripped : stripped.slice(0, cut)).trim());
}

const OPENING_SUBJECT = /^(?:今年以来|今年上半年|本季度|(?:19|20)\d{2}年(?:以来|上半年|度)?)[\uff0c,]\s*(?:在[^\uff0c,]{0,60}下[\uff0c,])?(?<rest>.{2,30})/u;
/** Units the body names with a placeholder (X镇, *社区) or a county/city prefix (县民政局); superiors' committees (县委) excluded. */
const MARKED_ORG = /[*＊X_＿]{1,3}(?:街道|社区|镇|乡|村|局|办|学校|中学|小学|中心)|[县市区]\p{Script=Han}{1,5}?(?:局|办公室|办)(?!公)/gu;

/** The issuing unit: from the title, the announcement (现将…如下), the opening's subject, or the unit the body names most. */
export function inferOrg(title: string | null, paragraphs: readonly string[]): string | null {
  const fromTitle = title ? orgFromHeading(title) : null;
  if (fromTitle) return fromTitle;
  const opening = paragraphs.slice(0, 3).join('\n');
  const announce = ANNOUNCE.exec(opening)?.groups?.['subject'];
  const fromAnnounce = announce ? orgFromHeading(announce) : null;
  if (fromAnnounce) return fromAnnounce;
  const subject = OPENING_SUBJECT.exec(paragraphs[0] ?? '')?.groups?.['rest'];
  if (subject) {
    const m = new RegExp(`^${ORG.source}`, 'u').exec(subject);
    const org = m?.groups?.['org'];
    if (org && !GENERIC_ORG.test(org) && !SELF.test(org) && org.length <= 10) return org;
  }
  const counts = new Map<string, number>();
  for (const m of paragraphs.join('\n').matchAll(MARKED_ORG)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && (best[1] >= 2 || (counts.size === 1 && /^[*＊X_＿]/u.test(best[0]))) ? best[0] : null;
}

const UNIT_KINDS: readonly (readonly [RegExp, string])[] = [
  [/学校|中学|小学|大学|学院|教体|教育局|我校|本校/u, 'school'],
  [/社区|村(?:委|党)?$|我村/u, 'community'],
  [/镇|乡|街道/u, 'town'],
  [/局|办|委|厅|部$|中心$|我办|我局|本局/u, 'bureau'],
];
const SELF_REFERENCE = /我(?:局|办|委|镇|乡|村|校)|本(?:局|办|镇|校)|(?:社区|镇|乡|村)党(?:委|总支|支部)|教体系统|师生/u;

/** Kind of unit, for grouping: school, community, town, bureau or other; from the unit, else how the text refers to itself. */
export function unitType(org: string | null, paragraphs: readonly string[]): string {
  const probe = org ?? SELF_REFERENCE.exec(paragraphs.slice(0, 3).join(''))?.[0];
  if (!probe) return 'other';
  return UNIT_KINDS.find(([re]) => re.test(probe))?.[1] ?? 'other';
}

/** A title for a document that has none: the unit's announcement (现将…如下) or the first clause. */
export function inferTitle(paragraphs: readonly string[]): string {
  const announce = ANNOUNCE.exec(paragraphs.slice(0, 3).join('\n'))?.groups?.['subject'];
  if (announce && announce.length >= 6) return announce;
  const first = (paragraphs[0] ?? '').split(/[。!?;]/u)[0] ?? '';
  return first.length > 24 ? `${first.slice(0, 24)}…` : first;
}
