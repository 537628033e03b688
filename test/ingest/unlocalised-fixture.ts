/**
 * Un-localised copying (every unit real, every sentence invented): 桂阳县's 2022 plan assigns tasks to
 * its townships by name; 嘉禾县's 2023 plan copies the paragraph with 桂阳's townships left in; 临武县's
 * 2023 plan copies it too but puts its own townships in their place.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The paragraph with the townships as `{0}` … `{3}`. */
const TASKS =
  '{0}、{1}要在上半年建成标准化新时代文明实践所，配齐宣讲员和文艺志愿者队伍，每月开展一次主题宣讲；' +
  '{2}、{3}要抓好农村广播和宣传栏的日常管理，落实专人审核、定期更新和巡查登记制度，' +
  '全县各乡镇在十月底前完成自查，县委宣传部组织交叉检查，检查结果在全县通报并纳入年度综合考评。';

const fill = (towns: readonly string[]) => TASKS.replace(/\{(\d)\}/gu, (_, i: string) => towns[Number(i)]!);

/** 桂阳县's own townships, as its plan names them. */
export const GUIYANG_TOWNS = ['敖泉镇', '仁义镇', '太和镇', '洋市镇'] as const;

export const UNLOCALISED_DOCS: [string, string, string][] = [
  [
    'guiyang_2022.txt',
    '桂阳县2022年宣传思想文化工作要点',
    `一、总体要求。全县宣传思想文化工作要坚持围绕中心、服务大局。\n二、重点任务。${fill(GUIYANG_TOWNS)}\n三、工作保障。县财政安排专项经费用于基层阵地建设。`,
  ],
  [
    'jiahe_2023.txt',
    '嘉禾县2023年宣传思想文化工作要点',
    `一、总体要求。今年要以迎接建县纪念活动为契机，讲好本地发展故事。\n二、重点任务。${fill(GUIYANG_TOWNS)}\n三、工作保障。各单位确定一名信息员负责稿件报送。`,
  ],
  [
    'linwu_2023.txt',
    '临武县2023年宣传思想文化工作要点',
    `一、总体要求。全年组织各类宣讲活动不少于三百场。\n二、重点任务。${fill(['舜峰镇', '金江镇', '武水镇', '南强镇'])}\n三、工作保障。建立月调度、季通报的工作机制。`,
  ],
];

/** Write the three plans into `dir` (made when missing). */
export function writeUnlocalisedFixture(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, title, body] of UNLOCALISED_DOCS) writeFileSync(join(dir, file), `${title}\n${body}\n`);
}
