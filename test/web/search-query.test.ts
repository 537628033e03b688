/** Queries normalised the way documents are: Traditional → Simplified, full → half width, Latin case; terms and phrases. */
import { describe, expect, it } from 'vitest';
import { DIRECTION_MIN_CHARS, directionAllowed } from '../../web/stats/reuse-rule';
import { loadSimplifier, normaliseTerm, parseQuery, splitQuery } from '../../web/text/search-query';
import { DEFAULT_REUSE_CONFIG } from '../../ingest/stages/reuse/config';

describe('search queries', () => {
  it('splits at spaces and keeps quoted phrases', () => {
    expect(splitQuery('学习强国  理论学习')).toEqual(['学习强国', '理论学习']);
    expect(splitQuery('"意识形态 工作" 责任制')).toEqual(['意识形态 工作', '责任制']);
    expect(splitQuery('“学习 强国”　网络')).toEqual(['学习 强国', '网络']); // ideographic space folds to a space
    expect(splitQuery('网络 网络 ')).toEqual(['网络']);
    expect(splitQuery('   ')).toEqual([]);
  });

  it('normalises as the ingest normalises documents', async () => {
    const conv = await loadSimplifier();
    const CASES: [string, string][] = [
      ['意識形態', '意识形态'],
      ['風水梁鎮', '风水梁镇'],
      ['XXX社區', 'xxx社区'],
      ['ＸＸＸ', 'xxx'],
      ['２０２４年', '2024年'],
      ['学习强国', '学习强国'], // Simplified stays as it is
    ];
    for (const [q, want] of CASES) expect(normaliseTerm(q, conv), q).toBe(want);
    expect(parseQuery('意識形態 XXX "網絡 輿情"', conv)).toEqual(['意识形态', 'xxx', '网络 舆情']);
  });
});

describe('direction rule', () => {
  it('mirrors the ingest: a label needs enough shared text and two known, different years', () => {
    expect(DIRECTION_MIN_CHARS).toBe(DEFAULT_REUSE_CONFIG.directionMinChars);
    expect(directionAllowed(DIRECTION_MIN_CHARS, 2023, 2024)).toBe(true);
    expect(directionAllowed(DIRECTION_MIN_CHARS - 1, 2023, 2024)).toBe(false);
    expect(directionAllowed(5000, 2024, 2024)).toBe(false);
    expect(directionAllowed(5000, null, 2024)).toBe(false);
  });
});
