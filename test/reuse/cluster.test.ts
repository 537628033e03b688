import { describe, expect, it } from 'vitest';
import { clusterHits } from '../../ingest/stages/reuse/cluster';
import { classifyCluster, termCoverage, unitKey, type ClusterFacts } from '../../ingest/stages/reuse/formula';
import { Hits, type PairHit } from '../../ingest/stages/reuse/hit';
import { DEFAULT_REUSE_CONFIG, type ClusterReason } from '../../ingest/stages/reuse';
import { LEXICON } from './fixtures';

const hit = (a: number, aStart: number, aEnd: number, b: number, bStart: number, bEnd: number): PairHit => ({
  a,
  b,
  seg: { aStart, aEnd, bStart, bEnd, edits: 0 },
  spanA: [aStart, aEnd],
  spanB: [bStart, bEnd],
});

describe('clusterHits', () => {
  it('joins the occurrences of one passage seen from several partners', () => {
    const hits = [hit(0, 100, 140, 1, 10, 50), hit(1, 12, 50, 2, 300, 338), hit(0, 102, 140, 2, 301, 339)];
    expect(Array.from(clusterHits(Hits.of(hits), 0.5))).toEqual([0, 0, 0]);
  });

  it('keeps a short formula inside a long copied section apart from the section', () => {
    const hits = [hit(0, 0, 400, 1, 0, 400), hit(0, 100, 130, 2, 50, 80), hit(1, 100, 130, 2, 50, 80), hit(2, 50, 80, 3, 10, 40)];
    const c = Array.from(clusterHits(Hits.of(hits), 0.5));
    expect(new Set(c.slice(1))).toEqual(new Set([c[1]]));
    expect(c[0]).not.toBe(c[1]);
  });

  it('does not chain a formula to the section beside it through longer and longer alignments', () => {
    // document 0 holds a formula [100, 135) that five partners share, then the section it opens,
    // [100, 400), that two copy whole; three partners copied it in part, each span overlapping the
    // next by more than half the longer: 35 of 65, 65 of 125, 125 of 245, 245 of 300
    const formula = [1, 2, 3, 4, 5].map((p) => hit(0, 100, 135, p, 0, 35));
    const section = [8, 9].map((p) => hit(0, 100, 400, p, 0, 300));
    const partial = [hit(0, 100, 165, 6, 0, 65), hit(0, 100, 225, 7, 0, 125), hit(0, 100, 345, 10, 0, 245)];
    const c = Array.from(clusterHits(Hits.of([...formula, ...section, ...partial]), 0.5));
    const [f, s, p65, p125, p245] = [c[0], c[5], c[7], c[8], c[9]];
    expect(new Set(c.slice(0, 5))).toEqual(new Set([f]));
    expect(c[6]).toBe(s);
    expect(f).not.toBe(s);
    // each partial copy joins the core it overlaps most: the formula, the section, or none
    expect([p65, p245]).toEqual([f, s]);
    expect([f, s]).not.toContain(p125);
  });

  it('numbers clusters by their first occurrence', () => {
    const hits = [hit(2, 0, 40, 3, 0, 40), hit(0, 500, 540, 1, 0, 40)];
    expect(Array.from(clusterHits(Hits.of(hits), 0.5))).toEqual([1, 0]);
  });
});

interface RuleCase {
  readonly name: string;
  readonly facts: ClusterFacts;
  readonly reason: ClusterReason;
}

const RULE_CASES: RuleCase[] = [
  { name: 'a sentence in many documents of many units', facts: { nDocs: 5, nUnits: 4, chars: 40, termCoverage: 0 }, reason: 'spread' },
  { name: 'a sentence in three documents of three units', facts: { nDocs: 3, nUnits: 3, chars: 100, termCoverage: 0.1 }, reason: 'spread' },
  { name: 'a whole section in three reports is a template being copied', facts: { nDocs: 3, nUnits: 3, chars: 400, termCoverage: 0.1 }, reason: 'pair' },
  { name: 'many documents of only two units', facts: { nDocs: 6, nUnits: 2, chars: 40, termCoverage: 0 }, reason: 'pair' },
  { name: 'a mandated slogan shared by two documents', facts: { nDocs: 2, nUnits: 2, chars: 32, termCoverage: 1 }, reason: 'mandated' },
  { name: 'a long passage that merely quotes slogans', facts: { nDocs: 2, nUnits: 2, chars: 200, termCoverage: 0.6 }, reason: 'pair' },
  { name: 'a pair sharing ordinary wording', facts: { nDocs: 2, nUnits: 2, chars: 60, termCoverage: 0.2 }, reason: 'pair' },
  { name: 'repetition inside one document', facts: { nDocs: 1, nUnits: 1, chars: 900, termCoverage: 0 }, reason: 'repeat' },
];

describe('classifyCluster', () => {
  it.each(RULE_CASES)('$name → $reason', ({ facts, reason }) => {
    const out = classifyCluster(facts, DEFAULT_REUSE_CONFIG.formula);
    expect(out.reason).toBe(reason);
    expect(out.kind).toBe(reason === 'spread' || reason === 'mandated' ? 'formula' : 'copy');
  });
});

describe('termCoverage and unitKey', () => {
  it('measures the share of a passage made of formulations', () => {
    expect(termCoverage('增强四个意识坚定四个自信', ['四个意识', '四个自信'])).toBe(8 / 12);
    expect(termCoverage('甲乙丙', ['四个意识'])).toBe(0);
  });

  it('counts unknown and placeholder units once per document', () => {
    expect(unitKey(1, '县民政局', LEXICON)).toBe('县民政局');
    expect(unitKey(1, '*局', LEXICON)).not.toBe(unitKey(2, '*局', LEXICON));
    expect(unitKey(1, null, LEXICON)).not.toBe(unitKey(2, null, LEXICON));
    expect(unitKey(3, '__社区', LEXICON)).toBe('#doc3');
    expect(unitKey(4, 'x镇', LEXICON)).toBe('#doc4');
    expect(unitKey(5, '某局', LEXICON)).toBe('#doc5');
    expect(unitKey(6, 'ＸＸ社区', LEXICON)).toBe('#doc6');
  });
});
