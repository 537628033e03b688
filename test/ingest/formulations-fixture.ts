/**
 * A collection made to show formulations over time (every unit real, every sentence invented): eight
 * towns report every year from 2015 to 2024, and each formulation is used on a schedule a test can
 * state: 三严三实 strong in 2015, gone by 2017, back in 2021; 两学一做 from 2016 to 2018; 四个意识 from
 * 2017 on, sometimes written 4个意识; 两个确立 from 2021, rising; “学习强国” from 2019; “红色宣讲车”, a
 * term the user dictionary lacks, from 2023. Distractors that
 * are not formulations: an ordinal (第二个百年), an article (一项工作), an idiom (一心一意).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOWNS = ['青石镇', '白沙镇', '龙门镇', '清水镇', '石桥镇', '新田镇', '柳塘镇', '梅溪镇'] as const;
export const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;

/** How many of the eight towns use each formulation in each year (the first n towns). */
export const SCHEDULE: Record<string, Partial<Record<(typeof YEARS)[number], number>>> = {
  三严三实: { 2015: 8, 2016: 6, 2017: 1, 2021: 5 },
  两学一做: { 2016: 8, 2017: 7, 2018: 4 },
  四个意识: { 2017: 6, 2018: 8, 2019: 8, 2020: 8, 2021: 8, 2022: 8, 2023: 8, 2024: 8 },
  两个确立: { 2021: 2, 2022: 6, 2023: 8, 2024: 8 },
  学习强国: { 2019: 3, 2020: 6, 2021: 8, 2022: 8, 2023: 8, 2024: 8 },
  // a new term: the user dictionary does not have it
  红色宣讲车: { 2023: 3, 2024: 5 },
};

/** One sentence per formulation, in a different wording per town (town index i). */
const SENTENCES: Record<string, (i: number) => string> = {
  三严三实: (i) => `镇党委把践行“三严三实”要求落实到第${i + 1}季度的每一次专题学习中。`,
  两学一做: (i) => `推进“两学一做”学习教育常态化，全镇${i + 3}个党支部全部建立学习台账。`,
  // two towns write the numeral in Arabic figures
  四个意识: (i) => `引导党员干部牢固树立“${i % 4 === 3 ? '4' : '四'}个意识”，在第${i + 2}次集中学习中交流体会。`,
  两个确立: (i) => `深刻领悟“两个确立”的决定性意义，镇党委班子开展了${i + 2}次专题研讨。`,
  学习强国: (i) => `组织干部群众使用“学习强国”平台，年度人均积分比上年增加${i + 10}分。`,
  红色宣讲车: (i) => `镇里的“红色宣讲车”今年开进了${i + 2}个村，随车配发政策读本。`,
};

/** Sentences each town writes every year, none shared with another town. */
const OWN = (i: number, year: number) => [
  `${year}年，${TOWNS[i]}围绕中心工作抓宣传，全年编发简报${20 + i}期。`,
  `镇里新建宣传栏${3 + i}块，更新标语${year % 100}条，确保内容及时准确。`,
  `一心一意为群众办实事，把一项工作一项工作抓到位，为实现第二个百年奋斗目标贡献力量，全年走访群众${100 + i * 7}户。`,
];

export function formulationDocs(): [string, string][] {
  return YEARS.flatMap((year) =>
    TOWNS.map((town, i): [string, string] => {
      const used = Object.entries(SCHEDULE)
        .filter(([, by]) => i < (by[year] ?? 0))
        .map(([f]) => SENTENCES[f]!(i));
      return [`${year}_${i}.txt`, [`${town}${year}年宣传思想工作总结`, ...OWN(i, year), ...used].join('\n')];
    }),
  );
}

/** Write the 80 reports into `dir` (made when missing). */
export function writeFormulationsFixture(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of formulationDocs()) writeFileSync(join(dir, file), `${text}\n`);
}
