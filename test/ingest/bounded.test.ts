/**
 * Bounded work: the scraper-repeat detector and the reuse merge give exactly what the quadratic
 * versions they replace gave (`test/ingest/legacy/`, compared on random inputs), and stay fast on the
 * shapes that made those hang (400k short lines, a long document repeating itself); over-long files
 * are cut into parts at paragraph or sentence boundaries.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropRepeatedBlocks } from '../../ingest/stages/clean/repeated-blocks';
import { MAX_PART_CHARS, splitParts } from '../../ingest/stages/parts';
import { DEFAULT_REUSE_CONFIG } from '../../ingest/stages/reuse';
import { bandedEditDistance } from '../../ingest/stages/reuse/align';
import { mergeSegments } from '../../ingest/stages/reuse/merge';
import { dropRepeatedBlocks as legacyDrop } from './legacy/repeated-blocks';
import { mergeSegments as legacyMerge } from './legacy/merge';

const LINES = ['一、加强理论学习', '推进新时代文明实践中心建设，', '守土有责', '附件', '  ', '（二）强化阵地管理', '加强网络意识形态阵地管理和舆情引导工作'];
const codes = (s: string): Uint16Array => Uint16Array.from(Array.from(s, (c) => c.codePointAt(0)!));

describe('dropRepeatedBlocks', () => {
  it('gives what the quadratic version gave, on random line sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 90 }), fc.integer({ min: 0, max: 70 }), (texts, min) => {
        const lines = texts.map((text, i) => ({ text, lineNo: i + 1 }));
        expect(dropRepeatedBlocks(lines, min)).toEqual(legacyDrop(lines, min));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles 400,000 short lines drawn from five in well under the time the old version took for 50,000', () => {
    let s = 12_345;
    const short = ['加强理论武装。', '落实意识形态工作责任制。', '做好宣传工作。', '强化阵地管理。', '推进文明实践。'];
    const lines = Array.from({ length: 400_000 }, (_, i) => {
      s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
      return { text: short[(s >>> 16) % 5]!, lineNo: i + 1 };
    });
    const t0 = performance.now();
    dropRepeatedBlocks(lines);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('keeps one copy of a block repeated 20,000 times', () => {
    const block = ['一、加强理论学习，坚持以习近平新时代中国特色社会主义思想为指导', '二、强化阵地管理，落实意识形态工作责任制', '三、做好宣传工作'];
    const lines = Array.from({ length: 60_000 }, (_, i) => ({ text: block[i % 3]!, lineNo: i + 1 }));
    const r = dropRepeatedBlocks(lines, 40); // the block holds 59 characters
    expect(r.lines.map((l) => l.text)).toEqual(block);
    expect(r.removals).toHaveLength(19_999);
  });
});

describe('mergeSegments', () => {
  const alphabet = fc.constantFrom(...'坚持以习近平新时代中国特色社会主义思想为指导深刻领悟两个确立');
  it('gives what the fixed-point version gave, on random segment sets', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 60, maxLength: 260 }),
        fc.array(fc.tuple(fc.nat(260), fc.integer({ min: 20, max: 120 }), fc.nat(260), fc.integer({ min: -12, max: 12 })), { maxLength: 25 }),
        fc.boolean(),
        fc.integer({ min: 5, max: 60 }),
        (chars, raw, same, minChars) => {
          const text = chars.join('');
          const a = codes(text);
          const b = same ? a : codes(`${[...text].reverse().join('').slice(0, 120)}${text}`);
          const config = { ...DEFAULT_REUSE_CONFIG, minChars };
          const segments = raw
            .map(([as, len, bs, d]) => ({
              aStart: Math.min(as, a.length - 1),
              aEnd: Math.min(a.length, as + len),
              bStart: Math.min(bs, b.length - 1),
              bEnd: Math.min(b.length, Math.max(bs + 1, bs + len + d)),
            }))
            .filter((s) => s.aEnd > s.aStart && s.bEnd > s.bStart);
          expect(mergeSegments(segments, a, b, same, config)).toEqual(legacyMerge(segments, a, b, same, config));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('measures exactly up to the cap and above it says only "more"', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 80 }),
        fc.array(alphabet, { minLength: 1, maxLength: 80 }),
        fc.nat(40),
        fc.nat(10),
        (x, y, cap, pad) => {
          const a = codes(x.join(''));
          const b = codes(y.join(''));
          const exact = bandedEditDistance(a, 0, a.length, b, 0, b.length, pad);
          const capped = bandedEditDistance(a, 0, a.length, b, 0, b.length, pad, cap);
          if (exact <= cap) expect(capped).toBe(exact);
          else expect(capped).toBeGreaterThan(cap);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('splitParts', () => {
  const para = '坚持以习近平新时代中国特色社会主义思想为指导，深刻领悟两个确立的决定性意义。增强四个意识。';
  it('leaves a text within the limit whole', () => {
    expect(splitParts(para, 1000)).toEqual([para]);
    expect(MAX_PART_CHARS).toBeGreaterThanOrEqual(100_000);
  });

  it('cuts at paragraph breaks, else sentence ends, else at the limit, and loses nothing', () => {
    const paragraphs = Array.from({ length: 40 }, () => para).join('\n');
    const byPara = splitParts(paragraphs, 200);
    expect(byPara.join('')).toBe(paragraphs);
    expect(byPara.slice(0, -1).every((p) => p.endsWith('\n') && p.length <= 200)).toBe(true);
    const oneLine = para.repeat(40);
    const bySentence = splitParts(oneLine, 200);
    expect(bySentence.join('')).toBe(oneLine);
    expect(bySentence.slice(0, -1).every((p) => /[。]$/u.test(p) && p.length <= 200)).toBe(true);
    const noBreak = '甲'.repeat(1000);
    expect(splitParts(noBreak, 300).map((p) => p.length)).toEqual([300, 300, 300, 100]);
  });

  it('never cuts a surrogate pair and always rejoins to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('。', '\n', '甲', '𠀀', 'a'), maxLength: 400 }), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const parts = splitParts(text, max);
        expect(parts.join('')).toBe(text);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(max);
          expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/u.test(p)).toBe(false);
        }
      }),
    );
  });
});
