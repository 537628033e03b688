import { describe, expect, it } from 'vitest';
import { foldWidth } from '../../common/width';
import { chromeChangedFor, chromeLearner, chromeLines, learnChrome, stripLearnedChrome } from '../../ingest/stages/clean/chrome';
import { prepareFile } from '../../ingest/stages/clean/index';
import { chromeLineOf, chromeLineRows } from '../../ingest/update';
import type { SourceLine } from '../../ingest/stages/clean/types';
import { stripWrappers } from '../../ingest/stages/clean/wrappers';
import { LEXICON, RULES } from './helpers';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ text: foldWidth(text), lineNo: i + 1 }));
const kept = (texts: string[]): string[] => stripWrappers(lines(...texts), RULES, { titles: [], postedYear: null, viewerDump: false }).lines.map((l) => l.text);

/** Chrome lines in the shapes many sites print (invented sites, numbers and names). */
const CHROME: string[] = [
  '作者：青禾  来源：原创  发布时间：2023-04-12 09:31',
  '浏览次数：3481 | 更新时间：2022/11/03',
  '文档页数：7页 | 文件大小：26.5KB | 下载积分：2',
  '12页 | 35KB',
  '2.3万次浏览',
  '本文共3612字，阅读约需9分钟',
  '当前位置：首页 > 工作总结 > 党建工作总结',
  '首页 » 范文中心 » 工作计划 » 学校工作计划',
  'Copyright © 2016-2024 墨香文稿网 版权所有',
  '陕ICP备13009999号-2',
  '本站所有文章资源均来源于网友投稿，仅供学习参考，如有侵权请联系删除。',
  '客服QQ：1234567890',
  '联系电话：0771-5550123',
  '网址：www.wenjian-shequ.cn',
  'https://m.fanwenku.example.cn/doc/88123.html',
  '上一篇：2022年社区禁毒宣传工作总结',
  '下一篇：学校安全工作计划范文',
  '【打印本页】 【关闭窗口】',
  '字号：大 中 小',
  '复制全文',
  '下载文档',
  '点击上方蓝字关注我们',
  '阅读原文',
  '温馨提示：本文档下载后可自由编辑，格式为Word。',
  '相关推荐：',
];

/** Document lines that look a little like chrome and must stay. */
const BODY: string[] = [
  '今年以来，我局坚持把意识形态工作作为党的建设的重要内容，全年共召开专题会议6次。',
  '一、加强组织领导，落实意识形态工作责任制',
  '（三）强化网络舆情管控，及时处置负面信息。',
  '2024年宣传思想文化工作要点',
  '建立网络评论员队伍，发布正能量信息1200余条，浏览量累计达到30万人次。',
  '利用微信公众号、抖音号等平台推送学习内容，开设“每周一学”专栏。',
  '四是加强阵地管理。对辖区内的报刊亭、网吧、书店进行了检查。',
  '相关部门要各司其职，形成工作合力。',
];

describe('generic site-chrome rules (data/rules/site-wrappers.json)', () => {
  for (const line of CHROME) {
    it(`removes ${line}`, () => expect(kept([line])).toEqual([]));
  }
  it('keeps document lines that mention views, WeChat accounts or related departments', () => {
    expect(kept(BODY)).toEqual(BODY.map(foldWidth));
  });
  it('drops a recommendation list and what follows it', () => {
    expect(kept(['全镇意识形态领域总体平稳。', '相关推荐', '2023年工作总结', '2024年工作计划'])).toEqual(['全镇意识形态领域总体平稳。']);
  });
});

describe('chrome learned from the collection', () => {
  /** Three pages of one invented site, each with the site's header and footer around a different document. */
  const site = (title: string, body: string[]): SourceLine[] =>
    lines('青山资料站', '专注于优质公文写作', title, ...body, '感谢您的阅读与支持', '青山资料站 © 2024');
  const pages = [
    site('青石镇2023年宣传思想工作总结', [
      '今年以来，我镇认真贯彻落实上级关于意识形态工作的部署要求，扎实推进各项工作。',
      '一、强化理论武装',
      '镇党委理论学习中心组全年集中学习12次。',
    ]),
    site('红旗社区2024年意识形态工作计划', [
      '为深入贯彻落实党的二十大精神，结合社区实际，制定本计划。',
      '一、加强组织领导',
      '社区党委每季度专题研究一次意识形态工作。',
    ]),
    site('县统计局2022年宣传工作总结', [
      '今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，认真做好宣传工作。',
      '一、强化理论武装',
      '局党组理论学习中心组全年集中学习10次。',
    ]),
  ];

  it("removes a site's header and footer from every page, and nothing of the documents", () => {
    const profile = learnChrome(pages, LEXICON);
    const out = pages.map((p) => stripLearnedChrome(p, profile).lines.map((l) => l.text));
    for (const page of out) {
      expect(page).not.toContain('青山资料站');
      expect(page).not.toContain('专注于优质公文写作');
      expect(page).not.toContain('感谢您的阅读与支持');
      expect(page.some((t) => t.includes('©'))).toBe(false);
    }
    // a heading shared by two documents stays; the titles and opening sentences stay
    expect(out[0]).toEqual(['青石镇2023年宣传思想工作总结', ...pages[0]!.slice(3, 6).map((l) => l.text)]);
    expect(out[2]).toContain('一、强化理论武装');
  });

  it('keeps an opening sentence that many documents share (reuse, not chrome)', () => {
    const shared = '为深入贯彻落实党的二十大精神，进一步加强和改进意识形态工作，结合实际，制定本方案。';
    const docs = ['甲镇', '乙镇', '丙镇', '丁镇'].map((u) => lines(`${u}2024年意识形态工作方案`, shared, `${u}党委要把意识形态工作摆在突出位置。`));
    const profile = learnChrome(docs, LEXICON);
    expect(profile.keys.size).toBe(0);
  });

  it('does not learn from fewer files than the threshold', () => {
    const profile = learnChrome(pages.slice(0, 2), LEXICON);
    expect(profile.keys.size).toBe(0);
  });

  it('logs each learned removal with the number of files the line was seen in', () => {
    const profile = learnChrome(pages, LEXICON);
    const { removals } = stripLearnedChrome(pages[1]!, profile);
    expect(removals.map((r) => r.rule)).toEqual(Array(4).fill('learned_chrome'));
    expect(removals[0]!.sample).toBe('青山资料站 (in 3 files)');
  });

  it("learns the same chrome from the pages' stored chrome lines (chrome_lines rows) as from the pages", () => {
    const learner = chromeLearner(LEXICON);
    for (const p of pages) {
      const stored = chromeLineRows('page.html', chromeLines(p, LEXICON)).map(chromeLineOf);
      expect(stored).toEqual(chromeLines(p, LEXICON));
      learner.count(stored);
    }
    expect([...learner.profile().keys]).toEqual([...learnChrome(pages, LEXICON).keys]);
  });

  it('keeps a long line whose key is short, to look it up, but never counts it', () => {
    const long = `联系电话:${'1'.repeat(90)}`;
    expect(chromeLines(lines(long, '联系电话:0771'), LEXICON)).toEqual([{ key: '联系电话:0', text: '联系电话:0771', outside: true }]);
    const alone = chromeLines(lines(long), LEXICON);
    expect(alone).toEqual([{ key: '联系电话:0', text: null, outside: false }]);
    expect(chromeLineRows('a.txt', alone).map(chromeLineOf)).toEqual(alone);
  });

  it("tells a file whose learned chrome changed: a key learned or dropped, or seen in another number of files (the log's sample says it)", () => {
    const file = chromeLines(lines('青山资料站', '县统计局2022年宣传工作总结'), LEXICON);
    const before = new Map([['青山资料站', 3]]);
    expect(
      chromeChangedFor(
        file,
        before,
        new Map([
          ['青山资料站', 3],
          ['别的站', 5],
        ]),
      ),
    ).toBe(false);
    expect(chromeChangedFor(file, before, new Map([['青山资料站', 4]]))).toBe(true);
    expect(chromeChangedFor(file, before, new Map())).toBe(true);
    expect(chromeChangedFor(file, new Map(), before)).toBe(true);
  });
});

describe('width folding', () => {
  it('writes full-width punctuation and digits half width, one character for one, and logs it', () => {
    const out = prepareFile('今年以来，全镇共开展宣讲１２场（次）；', { wrapperRules: RULES, minRepeatChars: 80, lexicon: LEXICON });
    expect(out.lines.map((l) => l.text)).toEqual(['今年以来,全镇共开展宣讲12场(次);']);
    expect(out.removals.find((r) => r.rule === 'width_fold')?.sample).toBe('6 full-width characters folded to half width');
  });
});
