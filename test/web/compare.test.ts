/** Side-by-side alignment: spun synonyms, placeholders and numbers are told apart from edits. */
import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../web/compare/align';
import { matchSequences } from '../../web/compare/diff';
import { synonymIndex, tokenize } from '../../web/compare/tokens';
import { segmentText } from '../../web/text/segments';

const SYN = synonymIndex([
  { variant: '进取', canonical: '积极' },
  { variant: '供给', canonical: '提供' },
  { variant: '职责', canonical: '责任' },
]);

describe('matchSequences', () => {
  const CASES: { a: string; b: string; lcs: number }[] = [
    { a: 'abcabba', b: 'cbabac', lcs: 4 },
    { a: '', b: 'abc', lcs: 0 },
    { a: 'same', b: 'same', lcs: 4 },
    { a: 'abcdef', b: 'abXdef', lcs: 5 },
  ];
  it.each(CASES)('$a vs $b', ({ a, b, lcs }) => {
    const pairs = matchSequences([...a], [...b]);
    expect(pairs).toHaveLength(lcs);
    for (const [i, j] of pairs) expect(a[i]).toBe(b[j]);
    for (let k = 1; k < pairs.length; k++) {
      expect(pairs[k]?.[0]).toBeGreaterThan(pairs[k - 1]?.[0] ?? -1);
      expect(pairs[k]?.[1]).toBeGreaterThan(pairs[k - 1]?.[1] ?? -1);
    }
  });
});

describe('tokenize', () => {
  it('keeps synonym words, placeholders and numbers whole and drops spaces', () => {
    const toks = tokenize('*局 积极提供2024年xxx社区', 0, 17, SYN);
    expect(toks.map((t) => [t.text, t.kind])).toEqual([
      ['*', 'placeholder'],
      ['局', 'char'],
      ['积极', 'synonym'],
      ['提供', 'synonym'],
      ['2024', 'number'],
      ['年', 'char'],
      ['xxx', 'placeholder'],
      ['社', 'char'],
      ['区', 'char'],
    ]);
    expect(toks[2]?.start).toBe(3);
  });
});

describe('alignPassages', () => {
  const left = '前言。县民政局要积极提供服务,压实主体责任,全年开展12次学习。';
  const right = '另起。*局要进取供给服务,压实主体职责,全年开展15次集中学习。';
  const pair = { leftStart: 3, leftEnd: left.length, rightStart: 3, rightEnd: right.length };
  const { left: lm, right: rm, counts } = alignPassages(left, right, [pair], SYN);

  it('marks spun words on both sides', () => {
    expect(counts.spun).toBe(3);
    const spunRight = rm.filter((m) => m.kind === 'spun').map((m) => right.slice(m.start, m.end));
    expect(spunRight).toEqual(['进取', '供给', '职责']);
    expect(lm.find((m) => m.kind === 'spun')?.title).toBe('积极 ↔ 进取');
  });

  it('marks numbers, and real insertions as edits', () => {
    expect(counts.number).toBe(1);
    expect(
      rm
        .filter((m) => m.kind === 'edit')
        .map((m) => right.slice(m.start, m.end))
        .join(''),
    ).toContain('集中');
    expect(lm.some((m) => m.kind === 'shared' && m.start === 3)).toBe(true);
  });

  it('sees a unit name replaced by a placeholder as an edit next to the placeholder', () => {
    const ph = rm.filter((m) => m.kind === 'edit' || m.kind === 'placeholder').map((m) => right.slice(m.start, m.end));
    expect(ph).toContain('*');
  });
});

describe('segmentText', () => {
  it('splits overlapping marks into runs', () => {
    const segs = segmentText(10, [
      { start: 2, end: 6, kind: 'a' },
      { start: 4, end: 8, kind: 'b' },
      { start: 9, end: 20, kind: 'c' },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.marks.map((m) => m.kind).join('')])).toEqual([
      [0, 2, ''],
      [2, 4, 'a'],
      [4, 6, 'ab'],
      [6, 8, 'b'],
      [8, 9, ''],
      [9, 10, 'c'],
    ]);
  });
  it('covers an unmarked text with one run', () => {
    expect(segmentText(5, [])).toEqual([{ start: 0, end: 5, marks: [] }]);
    expect(segmentText(0, [])).toEqual([]);
  });
});
