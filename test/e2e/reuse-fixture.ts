/**
 * Four invented work plans added to the sample corpus for the end-to-end test, so that reuse with a
 * direction can be checked: A (2021) and B (2024) share one long paragraph (over 200 characters: a
 * source → copy label is allowed), C (2021) and D (2024) share one short sentence pair (under 200
 * characters: the direction must stay undetermined). Every unit and sentence is invented.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The long shared paragraph (about 290 characters). */
export const LONG_PASSAGE =
  '围绕乡村文化振兴这条主线,组织文艺志愿者每季度深入各行政村开展一次送戏下乡活动,把新时代文明实践站、农家书屋和村史馆统筹起来使用,' +
  '建立由镇村两级宣传委员牵头、驻村第一书记参与的工作台账,逐村梳理群众点单的文化需求,按照“群众点单、中心派单、志愿者接单、群众评单”的流程落实,' +
  '每月底在工作群内通报完成情况,对连续两个月未开展活动的村进行约谈提醒,年底把活动次数、群众满意度和台账完整程度一并纳入年度考核评分细则。' +
  '同时挖掘本土非遗项目和民间文艺骨干,组建不少于三支常态化演出队伍,统一配发演出服装和音响设备,由文化站建立器材借用登记制度,做到专人保管、定期维护、用后归还。';

/** The short shared passage (about 75 characters). */
export const SHORT_PASSAGE =
  '在校园公众号和电子显示屏开设“身边的好人好事”专栏,每周推送一期师生志愿服务故事,由团委负责选题、审核和留存底稿,确保内容真实、导向正确、发布及时。';

const DOCS: [string, string][] = [
  [
    '100_wenlv_2021.txt',
    `临川县文化和旅游局2021年意识形态工作要点
一、总体要求。今年是建党一百周年,全局上下要把学习党史同总结经验、观照现实、推动工作结合起来,切实把意识形态工作责任制落到实处。
二、重点任务。${LONG_PASSAGE}
三、保障措施。局党组每半年专题研究一次意识形态工作,分管领导每季度听取一次汇报,办公室负责收集整理各科室的工作材料并按时报送县委宣传部。`,
  ],
  [
    '101_town_2024.txt',
    `青石镇人民政府2024年意识形态工作要点
一、工作思路。坚持守正创新,紧扣全镇中心工作,在凝聚人心、推动发展上下功夫,让主流声音在田间地头传得开、传得响。
二、具体措施。${LONG_PASSAGE}
三、工作要求。各村要明确一名联络员负责信息报送,镇宣传办每月汇总一次进展,对工作中涌现的好做法及时总结推广,年底形成专题报告。`,
  ],
  [
    '102_street_2021.txt',
    `东湖街道办事处2021年意识形态工作计划
一、加强理论武装。街道党工委理论学习中心组全年安排集中学习不少于十二次,各社区党组织书记轮流领学,学习记录按月归档。
二、做好阵地管理。${SHORT_PASSAGE}
三、抓好舆情应对。建立街道、社区、网格三级信息员队伍,发现涉及辖区的负面信息第一时间核实处置,重大情况两小时内报告区委宣传部。`,
  ],
  [
    '103_school_2024.txt',
    `城南第二中学2024年意识形态工作计划
一、强化课堂主渠道。各教研组每学期至少开展一次思政课集体备课,把社会主义核心价值观教育融入各学科教学,校领导每学期听课不少于十节。
二、用好校园新媒体。${SHORT_PASSAGE}
三、落实教师管理。新入职教师岗前培训增加师德师风专题,对教师在课堂和网络上的不当言论做到早发现、早提醒、早纠正,情节严重的按规定处理。`,
  ],
];

/** Write the four documents into `dir` (next to the sample's files). */
export function writeReuseFixture(dir: string): void {
  for (const [name, text] of DOCS) writeFileSync(join(dir, name), `${text}\n`, 'utf8');
}
