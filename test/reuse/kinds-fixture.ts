/**
 * A collection made to show the kinds of copying (every unit real, every sentence invented): a
 * county's plan copied by two of its towns (vertical), a town's 2022 and 2023 reports recycling a
 * passage (self), two towns of different counties sharing a passage (horizontal), and three
 * communities sharing a long passage that no document of the collection is the source of (template).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The county plan's paragraph that two of its towns copy (148 characters). */
export const DOWN =
  '各乡镇要把新时代文明实践所建设作为年度重点任务，统一设置理论宣讲、文化服务、志愿服务三个功能区，每月至少组织一次面向群众的集中宣讲活动，' +
  '宣讲内容提前报县委宣传部审核备案，活动照片和签到表按月归档；年底由县文明办牵头开展实地检查，检查结果纳入乡镇综合绩效考核，对排名靠后的乡镇由分管县领导进行约谈。';
/** A town's own passage, used again a year later (114 characters). */
export const OWN =
  '镇党委把网格员队伍作为收集社情民意的前哨，全镇划分四十二个网格，每个网格明确一名信息员，遇到群众反映集中的问题当天登记、两天内回复，' +
  '涉及政策解释的由驻村干部上门说明，每季度镇党委会议专题分析一次网格信息，形成问题清单并逐项销号。';
/** Two towns of different counties share this (109 characters). */
export const PEER =
  '依托镇广播站开设“乡音说政策”栏目，邀请老党员、致富带头人用方言讲解惠农政策和移风易俗要求，节目每周三、周六早晚各播出一次，' +
  '播出稿由镇宣传委员审定，群众可以通过村委会留言本点播想听的内容，全年计划录制节目不少于五十期。';
/** Three communities share this; none of them wrote it (173 characters: longer than a formula may be). */
export const TEMPLATE =
  '社区党委坚持每月第一个周五召开意识形态工作分析会，重点研判辖区内出租屋、商铺、培训机构和各类微信群的舆情动态，发现苗头性问题及时上报街道，' +
  '对宣传栏、电子屏实行“一屏一责任人”管理，节假日前组织一次全面检查，检查记录由社区专人保管备查；' +
  '楼栋长和物业管理人员每周巡查一次公共区域张贴物，发现违规内容当场清理并拍照留存，情况汇总后在下一次分析会上通报。';

/** Distinct sentences, two per document, so that only the passages above are shared. */
const OWN_LINES = [
  '全年组织中心组学习十二次，撰写学习心得二十余篇。',
  '县融媒体中心全年刊发各类稿件一千二百余篇，其中省级以上媒体采用八十篇。',
  '今年上半年共开展送戏下乡十六场，惠及群众四千余人次。',
  '镇里投入资金十二万元更新了文化广场的灯光和音响设备。',
  '全镇开展道德讲堂活动九次，评选表彰好媳妇、好婆婆二十名。',
  '村级宣传栏全部完成更新，统一张贴了新修订的村规民约。',
  '本年度共收集群众意见建议一百三十七条，已办结一百二十九条。',
  '组织青年干部赴红色教育基地开展现场教学两次。',
  '镇文化站新增图书一千五百册，农家书屋借阅量同比增长三成。',
  '全镇成立了由退休教师组成的义务宣讲队，共有队员十八名。',
  '本年度完成了三个村的村史馆布展，收集老物件二百余件。',
  '与县图书馆合作开展全民阅读进乡村活动，发放书籍六百册。',
  '社区新建了老年人智能手机培训班，每周二下午开课。',
  '辖区学校开展法治进校园活动四场，覆盖学生一千余名。',
  '社区志愿者服务队全年开展助老服务活动三十余次。',
  '社区组织开展邻里节活动，居民自编自演节目十二个。',
  '辖区内新开设了两处二十四小时自助图书角。',
  '社区与辖区企业结对共建，联合开展主题党日活动四次。',
];

export const KIND_DOCS: [string, string, string][] = [
  // [file, title, body paragraphs]
  ['county_2022.txt', '嘉禾县委宣传部2022年宣传思想文化工作要点', `一、总体要求。${OWN_LINES[0]}\n二、重点任务。${DOWN}\n三、保障措施。${OWN_LINES[1]}`],
  ['tangcun_2022.txt', '塘村镇2022年宣传思想工作总结', `一、主要做法。${OWN_LINES[2]}\n${DOWN}\n二、下步打算。${OWN_LINES[3]}`],
  ['zhuquan_2022.txt', '珠泉镇2022年宣传思想工作总结', `一、工作开展情况。${OWN_LINES[4]}\n${DOWN}\n二、存在不足。${OWN_LINES[5]}`],
  ['yuanjia_2022.txt', '袁家镇2022年意识形态工作总结', `一、基本情况。${OWN_LINES[6]}\n${OWN}\n二、明年思路。${OWN_LINES[7]}`],
  ['yuanjia_2023.txt', '袁家镇2023年意识形态工作总结', `一、基本情况。${OWN_LINES[8]}\n${OWN}\n二、明年思路。${OWN_LINES[9]}`],
  ['xinglang_2023.txt', '行廊镇2023年宣传工作总结', `一、工作成效。${OWN_LINES[10]}\n${PEER}\n二、下步工作。${OWN_LINES[11]}`],
  ['renyi_2023.txt', '桂阳县仁义镇2023年宣传工作总结', `一、工作成效。${OWN_LINES[12]}\n${PEER}\n二、下步工作。${OWN_LINES[13]}`],
  ['xiangyang_2023.txt', '向阳社区2023年意识形态工作总结', `一、主要工作。${OWN_LINES[14]}\n${TEMPLATE}`],
  ['longtan_2023.txt', '龙潭社区2023年意识形态工作总结', `一、主要工作。${OWN_LINES[15]}\n${TEMPLATE}`],
  ['jinshan_2023.txt', '金山社区2023年意识形态工作总结', `一、主要工作。${OWN_LINES[16]}\n${TEMPLATE}\n二、下步打算。${OWN_LINES[17]}`],
];

/** Write the collection's files into `dir` (made when missing), one document per file. */
export function writeKindsFixture(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, title, body] of KIND_DOCS) writeFileSync(join(dir, file), `${title}\n${body}\n`);
}
