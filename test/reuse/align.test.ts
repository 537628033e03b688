import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandedEditDistance, localAlign, splitAlignment, DEL, INS, MATCH, MISMATCH, type Alignment } from '../../ingest/stages/reuse/align';
import { DEFAULT_REUSE_CONFIG } from '../../ingest/stages/reuse';
import { enoughMatchingRows } from '../../ingest/stages/reuse/verify';
import { levenshtein } from './oracle';
import { prng } from '../fixtures/prng';

const codes = (s: string): Uint16Array => Uint16Array.from(Array.from(s, (c) => c.codePointAt(0)!));
const scores = DEFAULT_REUSE_CONFIG.scores;

function alignWhole(a: string, b: string): Alignment | null {
  const A = codes(a);
  const B = codes(b);
  return localAlign(A, B, { aLo: 0, aHi: A.length, bLo: 0, bHi: B.length, dLo: -A.length, dHi: B.length }, scores);
}

interface AlignCase {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  /** The aligned parts of a and b. */
  readonly spanA: string;
  readonly spanB: string;
  readonly ops: readonly number[];
}

const PASSAGE = '做好意识形态工作事关党的前途命运事关国家长治久安';

const CASES: AlignCase[] = [
  {
    name: 'an exact passage inside unrelated text',
    a: `甲乙丙${PASSAGE}丁戊`,
    b: `子丑${PASSAGE}寅卯辰`,
    spanA: PASSAGE,
    spanB: PASSAGE,
    ops: Array.from(PASSAGE, () => MATCH),
  },
  {
    name: 'one substituted character',
    a: '深刻领悟两个确立的决定性意义增强四个意识',
    b: '深刻领悟两个确立的关键性意义增强四个意识',
    spanA: '深刻领悟两个确立的决定性意义增强四个意识',
    spanB: '深刻领悟两个确立的关键性意义增强四个意识',
    ops: [...Array(9).fill(MATCH), MISMATCH, MISMATCH, ...Array(9).fill(MATCH)],
  },
  {
    name: 'a deleted and an inserted character',
    a: '牢牢掌握意识形态工作的领导权管理权话语权',
    b: '牢牢掌握意识形态工作领导权管理权和话语权',
    spanA: '牢牢掌握意识形态工作的领导权管理权话语权',
    spanB: '牢牢掌握意识形态工作领导权管理权和话语权',
    ops: [...Array(10).fill(MATCH), DEL, ...Array(6).fill(MATCH), INS, ...Array(3).fill(MATCH)],
  },
];

describe('localAlign', () => {
  it.each(CASES)('$name', ({ a, b, spanA, spanB, ops }) => {
    const al = alignWhole(a, b)!;
    const lenA = al.ops.filter((o) => o !== INS).length;
    const lenB = al.ops.filter((o) => o !== DEL).length;
    expect(a.slice(al.aStart, al.aStart + lenA)).toBe(spanA);
    expect(b.slice(al.bStart, al.bStart + lenB)).toBe(spanB);
    expect(Array.from(al.ops)).toEqual(ops);
  });

  it('finds nothing between unrelated texts', () => {
    const al = alignWhole('甲乙丙丁戊己庚辛', '子丑寅卯辰巳午未');
    expect(al).toBeNull();
  });

  it('stays inside its band', () => {
    const A = codes(`${PASSAGE}甲乙丙丁`);
    const B = codes(`子丑寅卯辰巳午未申酉戌亥${PASSAGE}`);
    const box = { aLo: 0, aHi: A.length, bLo: 0, bHi: B.length, dLo: -3, dHi: 3 };
    expect(localAlign(A, B, box, scores)?.score ?? 0).toBeLessThan(3);
    expect(localAlign(A, B, { ...box, dLo: 10, dHi: 14 }, scores)!.score).toBe(PASSAGE.length);
  });
});

describe('splitAlignment', () => {
  it('keeps a similar passage whole', () => {
    const al = alignWhole(`${PASSAGE}甲乙`, `${PASSAGE.replace('命运', '命脉')}丙`)!;
    expect(splitAlignment(al, 20, 0.8)).toEqual([{ aStart: 0, aEnd: PASSAGE.length, bStart: 0, bEnd: PASSAGE.length }]);
  });

  it('splits at the longest stretch of differences when the whole is not similar enough', () => {
    const left = '坚持以习近平新时代中国特色社会主义思想为指导深刻领悟';
    const right = '牢牢掌握意识形态工作的领导权管理权话语权切实做到守土有责';
    const ops = [...Array(left.length).fill(MATCH), ...Array(20).fill(MISMATCH), ...Array(right.length).fill(MATCH)];
    const al: Alignment = { score: 0, aStart: 5, bStart: 9, ops: Uint8Array.from(ops) };
    expect(splitAlignment(al, 20, 0.8)).toEqual([
      { aStart: 5, aEnd: 5 + left.length, bStart: 9, bEnd: 9 + left.length },
      { aStart: 5 + left.length + 20, aEnd: 5 + ops.length, bStart: 9 + left.length + 20, bEnd: 9 + ops.length },
    ]);
  });

  it('drops parts shorter than the minimum', () => {
    const al = alignWhole('甲乙丙丁戊己庚辛壬癸', '甲乙丙丁戊己庚辛壬癸')!;
    expect(splitAlignment(al, 25, 0.8)).toEqual([]);
  });
});

describe('bandedEditDistance', () => {
  it('equals the plain Levenshtein distance when the band is wide enough', () => {
    const rand = prng(11);
    const alphabet =
      '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
    const randomText = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let t = 0; t < 40; t++) {
      const a = randomText(20 + Math.floor(rand() * 60));
      let b = a;
      for (let e = 0; e < 1 + Math.floor(rand() * 8); e++) {
        const at = Math.floor(rand() * b.length);
        const op = rand();
        b =
          op < 0.33
            ? b.slice(0, at) + b.slice(at + 1)
            : op < 0.66
              ? b.slice(0, at) + randomText(1) + b.slice(at)
              : b.slice(0, at) + randomText(1) + b.slice(at + 1);
      }
      const A = codes(a);
      const B = codes(b);
      expect(bandedEditDistance(A, 0, A.length, B, 0, B.length, 16)).toBe(levenshtein(a, b));
    }
  });

  it('works on sub-ranges', () => {
    const A = codes('甲乙丙丁戊己庚');
    const B = codes('子丑丙丁戊寅卯');
    expect(bandedEditDistance(A, 2, 5, B, 2, 5, 2)).toBe(0);
    expect(bandedEditDistance(A, 1, 6, B, 1, 6, 2)).toBe(2);
  });
});

describe('enoughMatchingRows', () => {
  const { minChars, minSimilarity } = DEFAULT_REUSE_CONFIG;
  const need = Math.ceil(minChars * minSimilarity);

  it('never turns away a box that holds a reportable passage', () => {
    // texts over four characters, so that stray matches fill every band, with a shared part edited at random
    const text = fc.array(fc.constantFrom('意', '识', '形', '态'), { minLength: 10, maxLength: 70 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, text, fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 30 }), (shared, left, right, d, width) => {
        const A = codes(`${left}${shared}`);
        const B = codes(`${shared}${right}`);
        const box = { aLo: 0, aHi: A.length, bLo: 0, bHi: B.length, dLo: d - width, dHi: d + width };
        const al = localAlign(A, B, box, scores);
        const passages = al ? splitAlignment(al, minChars, minSimilarity) : [];
        if (!enoughMatchingRows(A, B, box, need)) expect(passages).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts rows with a match in their band, each row once', () => {
    // 19 rows match on the main diagonal, one of them twice; then 20
    const a = codes(`${'甲'.repeat(19)}乙`);
    const b = codes(`${'甲'.repeat(19)}丙`);
    const box = { aLo: 0, aHi: 20, bLo: 0, bHi: 20, dLo: -1, dHi: 1 };
    expect(enoughMatchingRows(a, b, box, 20)).toBe(false);
    expect(enoughMatchingRows(a, codes(`${'甲'.repeat(19)}乙`), box, 20)).toBe(true);
    // a match just outside the band does not count
    expect(enoughMatchingRows(a, codes(`丁${'甲'.repeat(18)}乙乙`), { ...box, dLo: 0, dHi: 0 }, 20)).toBe(false);
  });
});
