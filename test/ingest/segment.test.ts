import { describe, expect, it } from 'vitest';
import { unitKindOf, type UnitKind } from '../../common/lexicon';
import { fileDocuments } from '../../ingest/file-work';
import { landmarkYear } from '../../ingest/stages/segment/metadata';
import { LEXICON, RULES } from './helpers';

const docs = (...lines: string[]) => fileDocuments(lines.join('\n'), { wrapperRules: RULES, minRepeatChars: 80, nowYear: 2026, lexicon: LEXICON });

/** An invented body of a town's summary: enough sentences to be a document. */
const SUMMARY_BODY = [
  '今年以来,我镇在县委宣传部的指导下,认真落实意识形态工作责任制,各项工作有序推进。',
  '一、强化理论武装',
  '镇党委理论学习中心组全年开展集中学习12次,围绕党的创新理论开展专题研讨4次。',
  '二、加强阵地管理',
  '对辖区内的宣传栏、电子屏和微信群进行全面排查,及时清理过时和不当内容。',
];
const PLAN_BODY = [
  '(一)持续深化理论学习',
  '坚持把学习贯彻党的创新理论作为首要政治任务,全年安排集中学习不少于12次。',
  '(二)压紧压实工作责任',
  '每半年专题研究一次意识形态工作,及时研判处置苗头性倾向性问题。',
  '(三)加强网络阵地建设',
  '健全网络舆情监测和处置机制,培育一支熟悉网络传播规律的评论员队伍。',
];

describe('documents that are documents', () => {
  it('keeps a title printed three times, decorated, once', () => {
    const out = docs(
      '【精选】青石镇2023年意识形态工作总结(3200字)',
      '青石镇2023年意识形态工作总结',
      '———————',
      '青石镇2023年意识形态工作总结',
      ...SUMMARY_BODY,
    );
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0]!.title).toBe('青石镇2023年意识形态工作总结');
    expect(out.documents[0]!.text.startsWith('青石镇2023年意识形态工作总结\n今年以来')).toBe(true);
    expect(out.removals.filter((r) => r.rule === 'repeated_title')).toHaveLength(2);
    expect(out.removals.some((r) => r.rule === 'title_decoration')).toBe(true);
  });

  it('reads a title printed as 范文 and again with its year left blank (…总结范文____年…总结) as the titled one', () => {
    const out = docs('2022年社区宣传思想文化工作总结范文____年社区宣传思想文化工作总结', ...SUMMARY_BODY);
    expect(out.documents.map((d) => [d.title, d.year])).toEqual([['2022年社区宣传思想文化工作总结', 2022]]);
  });

  it('keeps a title printed twice on one line once', () => {
    const out = docs('青石镇2023年意识形态工作总结 青石镇2023年意识形态工作总结', ...SUMMARY_BODY);
    expect(out.documents.map((d) => d.title)).toEqual(['青石镇2023年意识形态工作总结']);
  });

  it('drops generic writing advice before the real title', () => {
    const out = docs(
      '工作总结是对一定时期内的工作进行回顾和分析,从中找出经验和教训,以便指导今后工作的一种应用文体。',
      '青石镇2023年意识形态工作总结',
      ...SUMMARY_BODY,
    );
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0]!.title).toBe('青石镇2023年意识形态工作总结');
    expect(out.removals.map((r) => r.rule)).toContain('writing_advice');
  });

  it('drops a table of contents whose titles come back as documents', () => {
    const out = docs(
      '目录',
      '篇一:青石镇2023年意识形态工作总结',
      '篇二:青石镇2024年意识形态工作计划',
      '篇一:青石镇2023年意识形态工作总结',
      ...SUMMARY_BODY,
      '篇二:青石镇2024年意识形态工作计划',
      ...PLAN_BODY,
    );
    expect(out.documents.map((d) => [d.title, d.docType, d.year])).toEqual([
      ['青石镇2023年意识形态工作总结', 'summary', 2023],
      ['青石镇2024年意识形态工作计划', 'plan', 2024],
    ]);
    expect(out.removals.filter((r) => r.rule === 'table_of_contents')).toHaveLength(3);
  });

  it('never makes a document of a part without a body: a site line before the title is logged as chrome', () => {
    const out = docs('墨香公文范文网', '青石镇2023年意识形态工作总结', ...SUMMARY_BODY);
    expect(out.documents).toHaveLength(1);
    expect(out.removals.find((r) => r.rule === 'no_body')?.sample).toBe('墨香公文范文网');
  });

  it('merges a short titled fragment into the document before it', () => {
    const out = docs('青石镇2023年意识形态工作总结', ...SUMMARY_BODY, '附件:意识形态工作责任清单', '略');
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0]!.text.endsWith('略')).toBe(true);
  });

  it("splits a year's summary from next year's plan at the plan's own heading", () => {
    const out = docs('青石镇2023年工作总结和2024年工作计划', ...SUMMARY_BODY, '三、2024年工作计划', ...PLAN_BODY);
    expect(out.documents.map((d) => [d.title, d.docType, d.year, d.org])).toEqual([
      ['青石镇2023年工作总结和2024年工作计划', 'summary', 2023, '青石镇'],
      ['青石镇2024年工作计划', 'plan', 2024, '青石镇'],
    ]);
  });

  it('starts the plan at an unnumbered plan heading whose items restart the outline', () => {
    const items = PLAN_BODY.map((p) => p.replace('(一)', '一、').replace('(二)', '二、').replace('(三)', '三、'));
    const out = docs('青石镇2023年工作总结', ...SUMMARY_BODY, '2024年工作计划', ...items);
    expect(out.documents.map((d) => [d.docType, d.year])).toEqual([
      ['summary', 2023],
      ['plan', 2024],
    ]);
  });

  it('keeps a combined page without a plan heading as one summary of the earlier year', () => {
    const out = docs('青石镇2023年工作总结和2024年工作计划', ...SUMMARY_BODY, '三、下一步工作打算', ...PLAN_BODY);
    expect(out.documents.map((d) => [d.docType, d.year])).toEqual([['summary', 2023]]);
  });

  it('keeps a section heading that ends in 情况 inside its report, but splits at a 情况 title that names a year', () => {
    const report = [
      '县人民医院意识形态工作专项报告',
      '院党委始终把意识形态工作摆在重要位置,将其纳入党建工作的总体布局,现将有关情况报告如下:',
      '阵地建设基本情况',
      '门诊大厅和住院部走廊设有宣传栏,院内电子屏每周更新健康知识与政策解读,官方网站和公众号有专人审核发布内容。',
      '工作开展情况',
      '院党委成立了意识形态工作领导小组,由党委书记任组长,每季度召开专题会议研究部署,及时解决工作中遇到的问题。',
    ];
    expect(docs(...report).documents.map((d) => d.title)).toEqual(['县人民医院意识形态工作专项报告']);
    const two = docs(...report, '2023年青石社区意识形态工作开展情况', ...SUMMARY_BODY).documents;
    expect(two.map((d) => d.title)).toEqual(['县人民医院意识形态工作专项报告', '2023年青石社区意识形态工作开展情况']);
  });

  it('keeps a real numbered list of short items (not viewer page markers)', () => {
    const items = Array.from({ length: 9 }, (_, i) => `${i + 1}、组织开展第${i + 1}次专题学习`);
    const out = docs('青石镇2024年理论学习计划', '为加强理论武装,制定本计划。', ...items, '各村要按时上报学习情况。');
    expect(out.removals.filter((r) => r.rule === 'page_marker')).toEqual([]);
    expect(out.documents[0]!.text).toContain('9、组织开展第9次专题学习');
  });
});

describe('type, year and unit from evidence', () => {
  const TYPES: [string, string][] = [
    ['县文广局2024年宣传工作要点提纲', 'plan'],
    ['在全县宣传思想工作会议上的讲话', 'commentary'],
    ['2023年工作总结和2024年工作计划', 'summary'],
    ['学习党的二十大报告心得体会', 'commentary'],
    ['县委宣传部2022年意识形态工作述职报告', 'summary'],
    ['市第三人民医院2021年意识形态工作自查报告', 'summary'],
    ['青石镇2024年意识形态工作实施方案', 'plan'],
  ];
  for (const [title, type] of TYPES) {
    it(`types ${title} as ${type}`, () => expect(docs(title, ...SUMMARY_BODY).documents[0]!.docType).toBe(type));
  }

  const UNITS: [string, string | null, UnitKind][] = [
    ['县委宣传部2022年意识形态工作述职报告', '县委宣传部', 'bureau'],
    ['市第三人民医院2021年意识形态工作自查报告', '市第三人民医院', 'hospital'],
    ['青石镇人民政府2023年宣传工作总结', '青石镇人民政府', 'town'],
    ['东城街道办事处2023年宣传工作总结', '东城街道办事处', 'street'],
    ['红旗社区2024年意识形态工作计划', '红旗社区', 'community'],
    ['县第二中学2023年意识形态工作总结', '县第二中学', 'school'],
    ['华泰建材有限公司2024年宣传思想工作要点', '华泰建材有限公司', 'company'],
    ['中共安平县委2023年意识形态工作情况报告', '中共安平县委', 'party_committee'],
    ['2023年意识形态工作总结', null, 'town'],
    ['滨江建设投资集团第三季度意识形态领域分析研判报告', '滨江建设投资集团', 'company'],
    ['2020年末社区意识形态工作总结', null, 'community'],
    ['年XX社区宣传思想文化工作总结', 'XX社区', 'community'],
  ];
  for (const [title, org, kind] of UNITS) {
    it(`finds ${org ?? 'no unit'} (${kind}) in ${title}`, () => {
      const d = docs(title, ...SUMMARY_BODY).documents[0]!;
      expect([d.org, d.unitType]).toEqual([org, kind]);
    });
  }

  const OPENINGS: [string, string, UnitKind][] = [
    ['望江街道意识形态工作的总体思路是:围绕中心、服务大局,压实责任、守牢阵地。结合实际,现制定计划如下:', '望江街道', 'street'],
    ['2018年,青石燃气有限公司宣传思想工作的总体要求是:坚持守正创新,围绕中心工作。', '青石燃气有限公司', 'company'],
  ];
  for (const [opening, org, kind] of OPENINGS) {
    it(`finds ${org} (${kind}) in an opening whose sentence goes on to name another unit word (中心)`, () => {
      const d = docs('2021年度网络意识形态工作要点提纲', opening, ...PLAN_BODY).documents[0]!;
      expect([d.org, d.unitType]).toEqual([org, kind]);
    });
  }

  it('takes the kind from how the text names itself when the title names no unit', () => {
    const d = docs('意识形态工作总结', '今年以来,我院坚持把意识形态工作摆在突出位置,全院医务人员思想稳定。', ...SUMMARY_BODY.slice(1)).documents[0]!;
    expect(d.unitType).toBe('hospital');
  });

  it('dates a text that writes no year by its landmarks, and says so', () => {
    const d = docs(
      '意识形态工作总结',
      '今年是建党100周年,我镇以党史学习教育为主线,扎实推进意识形态工作。',
      ...SUMMARY_BODY.slice(1).map((s) => s.replace(/\d{4}年/gu, '')),
    ).documents[0]!;
    expect([d.year, d.yearSource]).toEqual([2021, 'landmark']);
  });

  it('never takes a posting date for the year', () => {
    const d = docs(
      '发布时间:2024-05-06',
      '宣传工作总结',
      '我镇认真落实意识形态工作责任制,理论学习中心组开展集中学习多次。',
      '对辖区内的宣传栏和电子屏进行全面排查,及时清理过时内容。',
      '组织党员干部深入村组开展政策宣讲,群众知晓率明显提高。',
      '下一步,我镇将继续压实责任,确保意识形态领域安全稳定。',
    ).documents[0]!;
    expect(d.year).toBeNull();
  });

  it('reads anniversaries in numerals and in Chinese', () => {
    expect(landmarkYear('热烈庆祝建党102周年', LEXICON)).toBe(2023);
    expect(landmarkYear('迎接新中国成立七十五周年', LEXICON)).toBe(2024);
    expect(landmarkYear('喜迎二十大,奋进新征程', LEXICON)).toBe(2022);
    expect(landmarkYear('扎实推进各项工作', LEXICON)).toBeNull();
  });

  it('gives every unit kind of the lexicon a name that reaches it', () => {
    const names: [string, UnitKind | null][] = [
      ['县统计局', 'bureau'],
      ['县委', 'party_committee'],
      ['桃源乡', 'town'],
      ['城关街道', 'street'],
      ['柳树村', 'community'],
      ['实验小学', 'school'],
      ['电力集团', 'company'],
      ['中心卫生院', 'hospital'],
      ['县文联', 'other'],
      ['读书会', null],
      ['党员干部', null],
    ];
    for (const [name, kind] of names) expect(unitKindOf(LEXICON, name), name).toBe(kind);
  });
});
