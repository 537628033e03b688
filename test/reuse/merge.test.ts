import { describe, expect, it } from 'vitest';
import type { Segment } from '../../ingest/stages/reuse/align';
import { disjoin, mergeSegments } from '../../ingest/stages/reuse/merge';
import { DEFAULT_REUSE_CONFIG } from '../../ingest/stages/reuse';

const codes = (s: string): Uint16Array => Uint16Array.from(Array.from(s, (c) => c.codePointAt(0)!));
const config = DEFAULT_REUSE_CONFIG;

const S1 = '坚持以习近平新时代中国特色社会主义思想为指导深刻领悟两个确立的决定性意义';
const S2 = '牢牢掌握意识形态工作的领导权管理权话语权切实做到守土有责守土负责守土尽责';
const JUNK_A = '甲乙丙丁戊己';
const JUNK_B = '子丑寅卯辰巳';
const LONG_JUNK_A = '甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸';
const LONG_JUNK_B = '子丑寅卯辰巳午未申酉戌亥子丑寅卯辰巳午未申酉戌亥子丑寅卯辰巳';

const seg = (aStart: number, aEnd: number, bStart: number, bEnd: number): Segment => ({ aStart, aEnd, bStart, bEnd });

interface MergeCase {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly segments: Segment[];
  readonly expected: Segment[];
}

const CASES: MergeCase[] = [
  {
    name: 'two hits split by a changed clause become one passage',
    a: `${S1}${JUNK_A}${S2}`,
    b: `${S1}${JUNK_B}${S2}`,
    segments: [seg(0, S1.length, 0, S1.length), seg(S1.length + 6, S1.length + 6 + S2.length, S1.length + 6, S1.length + 6 + S2.length)],
    expected: [seg(0, S1.length + 6 + S2.length, 0, S1.length + 6 + S2.length)],
  },
  {
    name: 'hits separated by a long unrelated stretch stay apart',
    a: `${S1}${LONG_JUNK_A}${S2}`,
    b: `${S1}${LONG_JUNK_B}${S2}`,
    segments: [seg(0, S1.length, 0, S1.length), seg(S1.length + 30, S1.length + 30 + S2.length, S1.length + 30, S1.length + 30 + S2.length)],
    expected: [seg(0, S1.length, 0, S1.length), seg(S1.length + 30, S1.length + 30 + S2.length, S1.length + 30, S1.length + 30 + S2.length)],
  },
  {
    name: 'overlapping and contained hits collapse',
    a: S1 + S2,
    b: S1 + S2,
    segments: [seg(0, 40, 0, 40), seg(5, 35, 5, 35), seg(30, 72, 30, 72)],
    expected: [seg(0, 72, 0, 72)],
  },
  {
    name: 'hits in crossed order are not merged',
    a: `${S1}${S2}`,
    b: `${S2}${S1}`,
    segments: [seg(0, S1.length, S2.length, S2.length + S1.length), seg(S1.length, S1.length + S2.length, 0, S2.length)],
    expected: [seg(0, S1.length, S2.length, S2.length + S1.length), seg(S1.length, S1.length + S2.length, 0, S2.length)],
  },
];

describe('mergeSegments', () => {
  it.each(CASES)('$name', ({ a, b, segments, expected }) => {
    const merged = mergeSegments(segments, codes(a), codes(b), false, config);
    expect(merged.map(({ aStart, aEnd, bStart, bEnd }) => ({ aStart, aEnd, bStart, bEnd }))).toEqual(expected);
  });

  it('records the edit distance of a merged passage', () => {
    const a = `${S1}${JUNK_A}${S2}`;
    const b = `${S1}${JUNK_B}${S2}`;
    const [m] = mergeSegments(CASES[0]!.segments, codes(a), codes(b), false, config);
    expect(m!.edits).toBe(6);
  });

  it('never merges repetition inside one document into overlapping spans', () => {
    const text = codes(`${S1}${S1}${S1}`);
    const L = S1.length;
    const merged = mergeSegments([seg(0, L, L, 2 * L), seg(L, 2 * L, 2 * L, 3 * L)], text, text, true, config);
    for (const m of merged) expect(m.aEnd).toBeLessThanOrEqual(m.bStart);
    expect(merged).toHaveLength(2);
  });
});

describe('disjoin', () => {
  it('cuts overlapping self-repetition at the start of the second copy', () => {
    expect(disjoin(seg(0, 50, 30, 80))).toEqual(seg(0, 30, 30, 60));
    expect(disjoin(seg(0, 30, 30, 60))).toEqual(seg(0, 30, 30, 60));
  });
});
