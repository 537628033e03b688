/**
 * Quotation against copying (every unit real, every sentence invented): a reference folder with one
 * central-level text, and three towns' reports. Two towns quote the same paragraph of the reference text
 * and also share a paragraph of their own (copying); the third quotes another paragraph and copies nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The paragraph of the reference text two towns quote (about 120 characters). */
export const QUOTED =
  '宣传思想文化工作要坚持以人民为中心的工作导向，把服务群众同教育引导群众结合起来，把满足需求同提高素养结合起来，' +
  '多创作接地气、传得开、留得下的优秀作品，让基层群众在潜移默化中受到熏陶和感染。';
/** The other paragraph of the reference text, which the third town quotes. */
export const QUOTED_2 =
  '要加强对各类阵地的统筹管理，落实管阵地必须管导向、管内容、管队伍的要求，确保各类宣传载体始终传播正能量、弘扬主旋律，不给错误思想留下传播空间。';
/** What the two towns share that is in no reference text (copying). */
export const COPIED =
  '镇里把每月最后一个周五定为“文明实践日”，由镇村干部带队入户走访，收集群众对村容村貌、移风易俗和文体活动的意见，' +
  '走访记录当周汇总，能当场解决的当场解决，不能当场解决的列入镇党委会议题，一个月内给群众答复。';

export const REFERENCE = [
  '关于加强新时代基层宣传思想文化工作的意见',
  '一、总体要求',
  QUOTED,
  '二、阵地建设',
  QUOTED_2,
  '三、组织保障',
  '各级党委要把基层宣传思想文化工作纳入重要议事日程。',
].join('\n');

export const REFERENCE_DOCS: [string, string][] = [
  [
    'qingshi_2023.txt',
    `青石镇2023年宣传思想工作总结\n一、主要做法。全年组织理论宣讲四十六场。\n${QUOTED}\n${COPIED}\n二、下步打算。继续抓好农村广播的日常维护。`,
  ],
  ['baisha_2023.txt', `白沙镇2023年宣传思想工作总结\n一、工作开展情况。新建村级宣传栏十二块。\n${QUOTED}\n${COPIED}\n二、存在问题。专职宣传干部力量偏弱。`],
  ['longmen_2023.txt', `龙门镇2023年宣传思想工作总结\n一、基本情况。全镇共有十四个行政村。\n${QUOTED_2}\n二、明年思路。办好第三届乡村文化节。`],
];

/** Write the reports into `dir/in` and the reference text into `dir/references`. */
export function writeReferencesFixture(dir: string): void {
  mkdirSync(join(dir, 'in'), { recursive: true });
  mkdirSync(join(dir, 'references'), { recursive: true });
  for (const [file, text] of REFERENCE_DOCS) writeFileSync(join(dir, 'in', file), `${text}\n`);
  writeFileSync(join(dir, 'references', 'central-opinion.txt'), `${REFERENCE}\n`);
}
