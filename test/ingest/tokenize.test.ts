import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTerms, isTerm, loadTokenizer } from '../../ingest/stages/tokenize';
import { LEXICON, ROOT } from './helpers';

const tokenizer = loadTokenizer(join(ROOT, 'data/dict/user.dict.utf8'), join(ROOT, 'data/dict/stopwords.txt'), LEXICON);
const terms = (text: string): string[] => [...countTerms(text, tokenizer).terms.keys()];

describe('tokenization with the domain dictionary', () => {
  const CASES: [string, string[]][] = [
    ['充分运用学习强国、灯塔一党建在线等平台', ['学习强国', '灯塔一党建在线']],
    ['深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、做到“两个维护”', ['两个确立', '四个意识', '四个自信', '两个维护']],
    ['严格落实“第一议题”制度,通过理论学习中心组、“三会一课”、主题党日活动等形式', ['第一议题', '三会一课']],
    ['进一步压紧压实意识形态工作责任制,按照“一岗双责”要求', ['意识形态工作责任制', '一岗双责']],
    ['坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平文化思想', ['习近平新时代中国特色社会主义思想', '习近平文化思想']],
  ];
  for (const [sentence, expected] of CASES) {
    it(`keeps ${expected.join(' ')} whole`, () => expect(terms(sentence)).toEqual(expect.arrayContaining(expected)));
  }

  it('never makes a term of a placeholder or its neighbour (*局, X镇, __社区, xxx网)', () => {
    const found = terms('组建*局志愿者服务队,X镇扫黑除恶专项斗争,今年以来,__社区以十九大精神为指引,树好中国xxx网窗口');
    expect(found.filter((t) => /[*X_x]/u.test(t))).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(['志愿者服务队', '扫黑除恶专项斗争', '社区']));
  });

  it('drops numbers, counts and punctuation', () => {
    expect(terms('全年至少安排12次集中学习,2024年,发放宣传资料6000余份。')).not.toEqual(expect.arrayContaining(['12次']));
    for (const t of ['12次', '2024年', '6000', '。', ',', '的']) expect(isTerm(t, tokenizer), t).toBe(false);
  });

  it('regression: a # in the text does not shatter the words around it (dictionary comments are not words)', () => {
    expect(terms('学习强国#意识形态工作责任制')).toEqual(['学习强国', '意识形态工作责任制']);
  });
});
