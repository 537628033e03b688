import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPlaceholders, isPlaceholder } from '../../common/placeholders';
import { foldWidth } from '../../common/width';
import { cleanFile, closeHanSpacing } from '../../ingest/stages/clean/index';
import { closeFlattenedWraps } from '../../ingest/stages/clean/hard-wrap';
import { joinPageMarkers } from '../../ingest/stages/clean/page-markers';
import { dropRepeatedBlocks } from '../../ingest/stages/clean/repeated-blocks';
import { simplifyIfTraditional, stripPinyinDebris, traditionalShare } from '../../ingest/stages/clean/script';
import type { CleanHints, SourceLine } from '../../ingest/stages/clean/types';
import { stripWrappers } from '../../ingest/stages/clean/wrappers';
import { LEXICON, RAW, RULES } from './helpers';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, lineNo: i + 1 }));
const rawLines = (file: string): string[] => readFileSync(join(RAW, file), 'utf8').split('\n');
const FILE_000 = rawLines('000_b8053b4a706e5b40.txt');
const FILE_002 = rawLines('002_037b8862a6aab3ed.txt');

interface WrapperCase {
  name: string;
  input: string[];
  kept: string[];
  rule?: string;
  title?: string;
  posted?: number;
}

const WRAPPER_CASES: WrapperCase[] = [
  {
    name: '小编 intro (001) goes, and hands over the title it names',
    input: [
      '下面是小编为大家整理的2023年度党组织2023年意识形态工作要点(全文完整),供大家参考。',
      '2023年意识形态工作总体要求是:坚持以习近平新时代中国特色社会主义思想为指导',
    ],
    kept: ['2023年意识形态工作总体要求是:坚持以习近平新时代中国特色社会主义思想为指导'],
    rule: 'xiaobian_intro',
    title: '2023年度党组织2023年意识形态工作要点',
  },
  {
    name: '推荐访问 footer (001) and everything after it go',
    input: ['14.严格落实考核责任。', '推荐访问:党组织 意识形态 工作要点 党组织2023年意识形态工作要点', '党组织2023年意识形态工作要点汇总'],
    kept: ['14.严格落实考核责任。'],
    rule: 'recommend_footer',
  },
  {
    name: 'docx viewer file name and banner (003) go',
    input: [
      '意识形态工作要点六篇专题资料.docx',
      '《意识形态工作要点六篇专题资料.docx》由会员分享,可在线阅读,更多相关《意识形态工作要点六篇专题资料.docx(23页珍藏版)》请在三一文库上搜索。',
      '1、2024意识形态工作要点',
    ],
    kept: ['1、2024意识形态工作要点'],
    rule: 'docx_viewer_filename',
  },
  {
    name: '- 配套讲稿: / - 特殊限制: / - 关 键 词: appendix (003) goes to the end',
    input: [
      '很容易传',
      '- 配套讲稿:',
      '如PPT文件的首页显示word图标,表示该PPT已包含配套word讲稿。',
      '- 特殊限制:',
      '- 关 键 词:',
      '- 意识形态 工作 要点 专题 资料',
    ],
    kept: ['很容易传'],
    rule: 'viewer_appendix',
  },
  {
    name: '- 范文问答 / - 答案列表 widgets (002) go',
    input: ['使“扫黑除恶”工作深入人心、赢得民心。', '- 范文问答', '- 答案列表', '关于2021年学校意识形态工作情况报告'],
    kept: ['使“扫黑除恶”工作深入人心、赢得民心。', '关于2021年学校意识形态工作情况报告'],
    rule: 'qa_widget',
  },
  {
    name: '[朗读] button (002) is cut out of the title line',
    input: ['关于2021年学校意识形态工作情况报告[朗读]'],
    kept: ['关于2021年学校意识形态工作情况报告'],
    rule: 'read_aloud_button',
  },
  {
    name: '时间: posting line (004) goes and gives the posting year',
    input: ['县民政局宣传思想文化工作计划', '时间:2022-04-22 11:42:03'],
    kept: ['县民政局宣传思想文化工作计划'],
    rule: 'posted_time',
    posted: 2022,
  },
  {
    name: '导语…来源于网友上传 lead (004, after script conversion) goes',
    input: [
      '导语:县民政局宣传思想文化工作计划一文来源于网友上传,不代表本站观点,若需要原创文章可咨询客服老师,欢迎参考。',
      '2020年是深入贯彻落实党的精神的重要之年',
    ],
    kept: ['2020年是深入贯彻落实党的精神的重要之年'],
    rule: 'user_upload_lead',
  },
  {
    name: 'a tips box goes with all its numbered items, and the body that numbers from 1 again after it stays',
    input: [
      '温馨提示:',
      '1.范文只作写法参考,请按本单位实际情况改写。',
      '2.需要Word文档的,可在页面底部按钮处下载。',
      '3.有疑问请留言。',
      '1.加强阵地管理。',
      '2.严格落实意识形态阵地管理制度。',
    ],
    kept: ['1.加强阵地管理。', '2.严格落实意识形态阵地管理制度。'],
    rule: 'tips_header',
  },
  {
    name: 'a tips box with one item still takes only that item',
    input: ['【温馨提示】', '本文只供写作时参考借鉴。', '1.加强组织领导。'],
    kept: ['1.加强组织领导。'],
    rule: 'tips_header',
  },
  {
    name: 'a scraped list of file facts (- 48.2 KB, - 2022-05-09 发布) goes: rules see the line past its bullet',
    input: ['- 48.2 KB', '- 2022-05-09 发布', '一、加强组织领导'],
    kept: ['一、加强组织领导'],
    rule: 'meta_counts',
  },
  {
    name: "a platform's numbered notices (- 1、本文档由网友上传…) go",
    input: [
      '- 1、本文档由网友上传分享,文库整理,可在线阅读全部内容。',
      '- 2、版权归属内容提供方,收益也归内容提供方所有。',
      '- 3、下载前请自行甄别内容是否完整,付费下载后不支持退款。',
      '一、加强组织领导',
    ],
    kept: ['一、加强组织领导'],
    rule: 'disclaimer',
  },
  {
    name: 'a preview counter, a download button and a bare 文档简介 header go',
    input: ['已浏览3页,还剩4页未读 继续免费阅读', '下载本文档', '文档简介', '今年以来,我社区坚持把意识形态工作摆在重要位置。'],
    kept: ['今年以来,我社区坚持把意识形态工作摆在重要位置。'],
    rule: 'preview_notice',
  },
  {
    name: 'a VIP download bar goes',
    input: ['加入VIP免费下载 立即下载', '一、加强组织领导'],
    kept: ['一、加强组织领导'],
    rule: 'nav_label',
  },
  {
    name: 'a word-count tag is cut out of the title line',
    input: ['2021年社区宣传工作总结【本文共2160字】'],
    kept: ['2021年社区宣传工作总结'],
    rule: 'word_count_tag',
  },
  {
    name: 'body text that mentions 时间, 推荐 or 参考 stays',
    input: ['围绕重要时间节点和重大活动,分析研判本单位本系统舆情和意识形态,作出工作安排。', '积极推荐优秀稿件,供各单位参考借鉴。', '- 继续阅读经典原著'],
    kept: ['围绕重要时间节点和重大活动,分析研判本单位本系统舆情和意识形态,作出工作安排。', '积极推荐优秀稿件,供各单位参考借鉴。', '- 继续阅读经典原著'],
  },
];

describe('site wrappers (data/rules/site-wrappers.json)', () => {
  for (const c of WRAPPER_CASES) {
    it(c.name, () => {
      const hints: CleanHints = { titles: [], postedYear: null, viewerDump: false };
      const result = stripWrappers(lines(...c.input), RULES, hints);
      expect(result.lines.map((l) => l.text)).toEqual(c.kept);
      if (c.rule) expect(result.removals.map((r) => r.rule)).toContain(c.rule);
      else expect(result.removals).toEqual([]);
      if (c.title) expect(hints.titles).toEqual([c.title]);
      if (c.posted) expect(hints.postedYear).toBe(c.posted);
    });
  }
});

describe('viewer page markers', () => {
  it('rejoins words split across pages in the 000 dump (学 / 3、习强国, 党和国 / 9、家)', () => {
    const { lines: out, removals } = joinPageMarkers(lines(...FILE_000.filter(Boolean)), LEXICON);
    expect(out).toHaveLength(1);
    expect(out[0]!.text.startsWith('2024年*局宣传思想和意识形态工作要点')).toBe(true);
    expect(out[0]!.text).toContain('充分运用学习强国、灯塔一党建在线等平台');
    expect(out[0]!.text).toContain('围绕服务党和国家工作大局');
    expect(out[0]!.text).not.toMatch(/[^\d]\d{1,2}、(?:习强国|家工作大局|中外人文)/u);
    expect(removals.filter((r) => r.rule === 'page_marker')).toHaveLength(13);
  });

  it('keeps real list items after finished sentences', () => {
    const input = lines(
      '一、深化理论武装,筑牢思想根基',
      '1、强化理论武装。充分发挥理论学习中心组示范带头作用。',
      '2、做实理论学习。制定2024年党组理论学习中心组学习计划。',
      '3、加强意识形态工作组织领导。',
    );
    expect(joinPageMarkers(input, LEXICON).lines).toEqual(input);
  });

  it('keeps a numbered line whose number does not continue a page run', () => {
    const input = lines('全年至少安排12次集中学习,并且', '5、善于运用群众语言');
    expect(joinPageMarkers(input, LEXICON).lines).toEqual(input);
  });
});

describe('blocks the scraper repeated', () => {
  it('keeps the 桂阳 report body (002 lines 47-58, repeated as 59-70) once', () => {
    const input = lines(...FILE_002.slice(45, 70));
    const { lines: out, removals } = dropRepeatedBlocks(input);
    expect(out.map((l) => l.lineNo)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(removals).toHaveLength(1);
    expect(removals[0]!.lineNo).toBe(14);
  });

  it('keeps a passage that recurs later but not adjacently (real reuse is for the reuse stage)', () => {
    const para = FILE_002[22]!;
    const input = lines(para, FILE_002[23]!, para);
    expect(dropRepeatedBlocks(input).lines).toHaveLength(3);
  });

  it('keeps a short line repeated in a row (a heading, not a scraped page)', () => {
    const input = lines('一、主要工作情景', '一、主要工作情景');
    expect(dropRepeatedBlocks(input).lines).toHaveLength(2);
  });

  it('drops every extra copy when a page was scraped three times', () => {
    const input = lines(FILE_002[22]!, FILE_002[22]!, FILE_002[22]!);
    expect(dropRepeatedBlocks(input).lines).toHaveLength(1);
  });
});

describe('script: pinyin debris and Traditional → Simplified', () => {
  const CASES: [string, string][] = [
    ['導(dǎo)語:縣民政局', '導語:縣民政局'],
    ['意識形態(tài)領(lǐng)域', '意識形態領域'],
    ['(一)抓好網(wǎng)絡(luò)意識形態', '(一)抓好網絡意識形態'],
    ['(二)强化阵地意识(a)', '(二)强化阵地意识(a)'],
    ['党的二十大(2022)精神', '党的二十大(2022)精神'],
  ];
  for (const [input, expected] of CASES) {
    it(`${input} → ${expected}`, () => expect(stripPinyinDebris(input).text).toBe(expected));
  }

  it('converts the Traditional file (004) and logs it', () => {
    const { text, removals } = simplifyIfTraditional('縣民政局宣傳思想文化工作計劃,充分發揮“學習強國”平台');
    expect(text).toBe('县民政局宣传思想文化工作计划,充分发挥“学习强国”平台');
    expect(removals[0]!.rule).toBe('traditional_to_simplified');
  });

  it('leaves Simplified text alone', () => {
    const line = FILE_002[0]!;
    expect(simplifyIfTraditional(line)).toEqual({ text: line, removals: [] });
  });
});

describe('width folding and placeholders', () => {
  it('folds full-width digits and punctuation one for one', () => {
    const s = '２０２４年，“学习强国”（ＡＰＰ）';
    expect(foldWidth(s)).toBe('2024年,“学习强国”(APP)');
    expect(foldWidth(s)).toHaveLength(s.length);
  });

  const PLACEHOLDERS: [string, string[]][] = [
    ['*局宣传思想和意识形态工作要点', ['*']],
    ['中国xxx网', ['xxx']],
    ['X镇2024年意识形态工作', ['X']],
    ['今年以来,__社区以十九大精神为指引', ['__']],
    ['下发20X年度*市落实意识形态工作责任制', ['20X', '*']],
    ['共有X多名党员观看节目', ['X']],
    ['灯塔一党建在线、LED屏、PPT文件', []],
  ];
  for (const [text, found] of PLACEHOLDERS) {
    it(`recognises ${found.join(' ') || 'no placeholder'} in ${text}`, () => {
      expect(findPlaceholders(LEXICON, text).map((p) => p.text)).toEqual(found);
    });
  }

  it('tells placeholder tokens from words', () => {
    expect(['*', '***', 'xxx', 'XX', 'X', '__'].every((t) => isPlaceholder(LEXICON, t))).toBe(true);
    expect(['LED', 'PPT', '学习强国', 'Xi'].some((t) => isPlaceholder(LEXICON, t))).toBe(false);
  });
});

describe('spacing between Han characters and digits or letters', () => {
  it('closes 2020 年 and 在 X 的领导下, keeps spaces between Han words and between numbers', () => {
    const out = closeHanSpacing(lines('2020 年 XX 社区在 X 的领导下', '意识形态 工作 要点', '2024-04-27 03:16:34'));
    expect(out.lines.map((l) => l.text)).toEqual(['2020年XX社区在X的领导下', '意识形态 工作 要点', '2024-04-27 03:16:34']);
    expect(out.removals[0]?.sample).toContain('5 spaces');
  });

  /** An invented paragraph, flattened the way some PDF copies do it: a space wherever a 30-character line broke. */
  const PARAGRAPH =
    '今年以来,镇党委坚持把意识形态工作摆在全局工作的突出位置,牢牢把握正确政治方向,严格落实意识形态工作责任制,' +
    '定期分析研判意识形态领域形势,及时回应群众关切,不断巩固壮大主流思想舆论,全镇意识形态领域总体平稳向好。' +
    '一、加强组织领导,压紧压实工作责任(一)健全工作机制。镇党委每季度专题研究意识形态工作,班子成员认真履行一岗双责,' +
    '把意识形态工作纳入党建工作责任制和年度考核内容,做到与中心工作同部署同落实同检查。';
  const flatten = (text: string, width: number): string => {
    const chars = Array.from(text);
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(''));
    return pieces.join(' ');
  };

  it('removes the spaces a flattened 30-character wrap left, keeps a space before an outline marker, and leaves keyword lists alone', () => {
    const flat = flatten(PARAGRAPH, 30);
    const out = closeFlattenedWraps(lines(flat, '关键词: 意识形态 工作 要点 专题'), LEXICON);
    const text = out.lines[0]!.text;
    expect(text.replace(/ (?=一、|\(一\))/gu, '')).toBe(PARAGRAPH);
    expect(text.split(' ').length - 1).toBeLessThanOrEqual(2);
    expect(out.lines[1]!.text).toBe('关键词: 意识形态 工作 要点 专题');
    expect(out.removals[0]?.rule).toBe('flattened_wrap');
  });

  it('leaves a text whose few spaces fall at no one distance as it is', () => {
    const text = '一是加强学习 二是强化阵地管理 三是做好网络舆情引导工作,确保全年无重大舆情事件发生 四是抓好队伍建设';
    expect(closeFlattenedWraps(lines(text), LEXICON)).toEqual({ lines: lines(text), removals: [] });
  });

  it('runs after the site rules: a forum header with a Latin user name still goes', () => {
    const out = cleanFile('楼主 wen88 发表于 2024-10-16 07:55\n2020 年,我社区坚持把意识形态工作摆在重要位置,各项工作有序推进。', {
      wrapperRules: RULES,
      minRepeatChars: 80,
      lexicon: LEXICON,
    });
    expect(out.lines.map((l) => l.text)).toEqual(['2020年,我社区坚持把意识形态工作摆在重要位置,各项工作有序推进。']);
  });
});

describe('cleanFile on whole sample files', () => {
  it('reads the Traditional file 004 in Simplified with no pinyin left', () => {
    const out = cleanFile(readFileSync(join(RAW, '004_c3fbbc4332145b22.txt'), 'utf8'), { wrapperRules: RULES, minRepeatChars: 80, lexicon: LEXICON });
    const text = out.lines.map((l) => l.text).join('\n');
    expect(text.startsWith('县民政局宣传思想文化工作计划\n2020年是深入贯彻落实党的精神的重要之年')).toBe(true);
    expect(text).not.toMatch(/[((][a-zāáǎàēéěèīíǐìōóǒòūúǔù]+[))]/u);
    expect(text).not.toContain('導');
    expect(text).not.toContain('来源于网友上传');
    expect(out.hints.viewerDump).toBe(false);
  });

  it('marks the two viewer dumps (000, 003) as such, and only them', () => {
    const dumps = ['000_b8053b4a706e5b40.txt', '001_2ed66e526de68ea1.txt', '002_037b8862a6aab3ed.txt', '003_08b7daba70b35e86.txt'].filter(
      (f) => cleanFile(readFileSync(join(RAW, f), 'utf8'), { wrapperRules: RULES, minRepeatChars: 80, lexicon: LEXICON }).hints.viewerDump,
    );
    expect(dumps).toEqual(['000_b8053b4a706e5b40.txt', '003_08b7daba70b35e86.txt']);
  });
});

describe('the first look at the script', () => {
  it('counts Traditional-only characters one pass over the text, so Simplified text is never converted whole', () => {
    expect(traditionalShare('意識形態工作是黨的一項極端重要的工作')).toBeGreaterThan(0.25);
    expect(traditionalShare('意识形态工作是党的一项极端重要的工作')).toBe(0);
    expect(traditionalShare('ABC 123')).toBe(0);
  });
});
