import { describe, expect, it } from 'vitest';
import { TABLES } from '../../common/schema';
import { charCount } from '../../ingest/stages/spans';
import { detectReuse, detectReuseParallel, DEFAULT_REUSE_CONFIG, loadSynonyms, reuseTableRows, type ReuseDoc, type ReuseRow } from '../../ingest/stages/reuse';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { collectSeeds, type PairSeeds } from '../../ingest/stages/reuse/seeds';
import { LEXICON, loadFixtureDocs, SYNONYMS_PATH } from './fixtures';

const synonyms = loadSynonyms(SYNONYMS_PATH, LEXICON);
const config = DEFAULT_REUSE_CONFIG;

// Real sentences of the sample (002's 商务局 report and 001's 2023 plan).
const P1 = '根据中央《党委(党组)意识形态工作责任制实施办法》和市委《贯彻意见》,我局积极行动、迅速部署,落实责任,加大力度,切实履行把好方向、管好导向的责任。';
const P2 = '一是牢固树立抓意识形态工作是本职、不抓是失职、抓不好是渎职的理念,及时成立意识形态工作领导小组,由局主要负责同志任组长,各科室负责人为成员。';
const P3 = '用好理论学习中心组学习制度,围绕全区发展大局、聚焦全局中心工作研究制定学习计划,做到会前有方案、会中有研讨、会后有落实,全面系统地加强思想政治建设。';
const FILLER_A = '今年以来,我镇结合实际开展了多项工作。';
const FILLER_B = '本季度社区工作人员走访入户三百余次。';
const FILLER_C = '县文化馆举办书画展览,群众踊跃参观。';

const doc = (docId: number, text: string, year: number | null = null, org: string | null = null): ReuseDoc => ({ docId, text, year, org });
const bareLength = (s: string): number => s.replace(/[^\p{L}\p{N}]/gu, '').length;
const textOf = (docs: readonly ReuseDoc[], id: number, s: number, e: number): string => docs.find((d) => d.docId === id)!.text.slice(s, e);

describe('detectReuse', () => {
  it('reports one long copied section as one row with exact offsets on both sides', () => {
    const docs = [doc(1, `${FILLER_A}${P1}${P2}${P3}${FILLER_B}`, 2019), doc(2, `${FILLER_C}\n${P1}${P2}${P3}\n${FILLER_A.slice(0, 5)}`, 2020)];
    const { reuse } = detectReuse(docs, config, synonyms, LEXICON);
    expect(reuse).toHaveLength(1);
    const r = reuse.at(0);
    expect(r.similarity).toBe(1);
    expect(textOf(docs, r.docA, r.startA, r.endA)).toBe(`${P1}${P2}${P3}`.slice(0, -1));
    expect(textOf(docs, r.docB, r.startB, r.endB)).toBe(`${P1}${P2}${P3}`.slice(0, -1));
  });

  it('keeps a copy with one clause deleted as one row', () => {
    const clause = ',由局主要负责同志任组长';
    const docs = [doc(1, `${FILLER_A}${P1}${P2}${P3}`), doc(2, `${P1}${P2.replace(clause, '')}${P3}${FILLER_B}`)];
    const { reuse } = detectReuse(docs, config, synonyms, LEXICON);
    expect(reuse).toHaveLength(1);
    expect(textOf(docs, 1, reuse.at(0).startA, reuse.at(0).endA)).toBe(`${P1}${P2}${P3}`.slice(0, -1));
    expect(reuse.at(0).similarity).toBeCloseTo(1 - (clause.length - 1) / bareLength(`${P1}${P2}${P3}`), 2);
  });

  it('sees through a spun, re-broken, Traditional copy', () => {
    const spun = P1.replaceAll('责任', '職責')
      .replace('积极', '進取')
      .replace(/(.{9})/g, '$1\n');
    const docs = [doc(1, `${FILLER_A}${P1}`), doc(2, `${FILLER_B}${spun}${FILLER_C}`)];
    const [r] = detectReuse(docs, config, synonyms, LEXICON).reuse;
    expect(r!.similarity).toBe(1);
    expect(textOf(docs, 2, r!.startB, r!.endB).replace(/\n/g, '')).toBe(P1.replaceAll('责任', '職責').replace('积极', '進取').slice(0, -1));
  });

  it('finds a copy whose unit name and numbers are masked', () => {
    const src = '市商务局党组中心组围绕党章开展学习12次,组织集中学习31次,做到干部职工学习无遗漏、无死角。';
    const copy = '*局党组中心组围绕党章开展学习8次,组织集中学习20次,做到干部职工学习无遗漏、无死角。';
    const { reuse } = detectReuse([doc(1, FILLER_A + src), doc(2, copy + FILLER_B)], config, synonyms, LEXICON);
    expect(reuse).toHaveLength(1);
    expect(reuse.at(0).similarity).toBeGreaterThan(0.9);
  });

  it('reports repetition inside one document with disjoint spans', () => {
    const docs = [doc(7, `${P2}${FILLER_A}${P3}${FILLER_B}${P2}`)];
    const { reuse, clusters, docReuse } = detectReuse(docs, config, synonyms, LEXICON);
    expect(reuse).toHaveLength(1);
    const r = reuse.at(0);
    expect([r.docA, r.docB]).toEqual([7, 7]);
    expect(r.endA).toBeLessThanOrEqual(r.startB);
    expect(textOf(docs, 7, r.startA, r.endA)).toBe(textOf(docs, 7, r.startB, r.endB));
    expect(clusters[0]!.reason).toBe('repeat');
    expect(docReuse[0]!.reusedChars).toBe(0);
  });

  it('puts the earlier year first and computes the recycled share; one shared paragraph is too little for a direction', () => {
    const docs = [doc(1, `${FILLER_A}${P3}`, 2024), doc(2, `${P3}${FILLER_B}${FILLER_C}`, 2023), doc(3, FILLER_C, 2022)];
    const { reuse, docReuse } = detectReuse(docs, config, synonyms, LEXICON);
    expect(reuse.toArray().map((r) => [r.docA, r.docB])).toEqual([[2, 1]]);
    const [d1, d2, d3] = docReuse;
    // 73 shared characters: below directionMinChars, so the years alone do not make a source and a copy
    expect(d1).toMatchObject({ docId: 1, topPartner: 2, direction: 'unknown', formulaChars: 0 });
    expect(d2).toMatchObject({ docId: 2, topPartner: 1, direction: 'unknown' });
    expect(d3).toEqual({
      docId: 3,
      reusedChars: 0,
      share: 0,
      topPartner: null,
      topPartnerChars: 0,
      direction: null,
      formulaChars: 0,
      kindChars: { self: 0, vertical: 0, template: 0, horizontal: 0 },
      selfEarlierChars: 0,
      quotedChars: 0,
    });
    const copied = P3.length - 1; // the final 。 is punctuation, outside the aligned span
    expect(d1!.reusedChars).toBe(copied);
    expect(d1!.share).toBeCloseTo(copied / (FILLER_A.length + P3.length));
  });

  it('gives a direction only with enough shared text and two known, different years', () => {
    const shared = `${P1}${P2}${P3}坚持每季度召开一次专题会议分析研判意识形态领域形势,对苗头性倾向性问题做到早发现早处置。`;
    expect(bareLength(shared)).toBeGreaterThan(config.directionMinChars);
    const cases: [number | null, number | null, string, string][] = [
      [2021, 2023, 'source', 'copy'],
      [2023, 2023, 'unknown', 'unknown'],
      [null, 2023, 'unknown', 'unknown'],
    ];
    for (const [y1, y2, dir1, dir2] of cases) {
      const docs = [doc(1, `${FILLER_A}${shared}`, y1), doc(2, `${shared}${FILLER_B}`, y2)];
      const { docReuse } = detectReuse(docs, config, synonyms, LEXICON);
      expect(
        docReuse.map((d) => d.direction),
        `${String(y1)} / ${String(y2)}`,
      ).toEqual([dir1, dir2]);
    }
  });

  it('divides by the document length as documents.char_count counts it (no whitespace of any kind)', () => {
    const docs = [doc(1, `${FILLER_A}\u2003${P3}\u2028\u202f`, 2024), doc(2, `${P3}\u3000${FILLER_B}`, 2023)];
    const { docReuse } = detectReuse(docs, config, synonyms, LEXICON);
    for (const [i, d] of docReuse.entries()) {
      expect(d.reusedChars).toBe(P3.length - 1);
      expect(d.share).toBe(d.reusedChars / charCount(docs[i]!.text));
    }
  });

  it('classifies a slogan in three units as formula and keeps it out of the share', () => {
    const slogan = '深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、做到“两个维护”。';
    const docs = [doc(1, FILLER_A + slogan, 2023, '甲局'), doc(2, slogan + FILLER_B, 2024, '乙局'), doc(3, FILLER_C + slogan, 2024, '丙镇')];
    const { reuse, clusters, docReuse } = detectReuse(docs, config, synonyms, LEXICON);
    expect(reuse).toHaveLength(3);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ kind: 'formula', nDocs: 3, nUnits: 3, firstYear: 2023, lastYear: 2024 });
    expect(clusters[0]!.representative).toBe(slogan.slice(0, -1));
    for (const d of docReuse) expect(d).toMatchObject({ reusedChars: 0, formulaChars: slogan.length - 1 });
  });

  it('judges a formula by its typical occurrence, not by the longest alignment that runs into its neighbours', () => {
    // a formula sentence in seven units' reports; two of them also share the sentences around it with the first
    const before = '各支部要把学习贯彻党的创新理论作为首要政治任务来抓,做到学深悟透、融会贯通、真信笃行、知行合一,';
    const formula = '坚持正确政治方向、舆论导向、价值取向,牢牢掌握意识形态工作领导权、管理权、话语权,守好宣传思想文化阵地。';
    const after = '组织党员干部逐章逐节研读原文,写好心得体会,每季度开展一次交流研讨活动。';
    const fillers = [
      '全年共接待来访群众二百余人次。',
      '图书室新增藏书一千二百册。',
      '志愿服务队开展活动十五次。',
      '老年活动中心完成修缮。',
      '辖区新设宣传栏六块。',
    ];
    const docs = [
      doc(1, `${FILLER_A}${before}${formula}${after}`, 2019, '甲局'),
      doc(2, `${before}${formula}${after}${FILLER_B}`, 2020, '乙局'),
      doc(3, `${formula}${after}${FILLER_C}`, 2021, '丙镇'),
      ...fillers.map((f, i) => doc(4 + i, `${f}${formula}`, 2022, `单位${'丁戊己庚辛'[i]!}`)),
    ];
    const { reuse, clusters, docReuse } = detectReuse(docs, config, synonyms, LEXICON);
    const longestInFirst = Math.max(...reuse.toArray().map((r) => (r.docA === 1 ? bareLength(textOf(docs, 1, r.startA, r.endA)) : 0)));
    expect(longestInFirst, 'the first report has an occurrence longer than a formula may be').toBeGreaterThan(config.formula.spreadMaxChars);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ kind: 'formula', reason: 'spread', nDocs: 8, nUnits: 8 });
    expect(clusters[0]!.representative).toBe(formula.slice(0, -1));
    // no report recycles anything of another, and none is any other's partner
    for (const d of docReuse) expect(d).toMatchObject({ reusedChars: 0, topPartner: null });
  });

  it('ignores passages shorter than the minimum and unrelated documents', () => {
    const short = '牢固树立抓意识形态工作是本职、不抓是失职';
    const { reuse } = detectReuse([doc(1, FILLER_A + short), doc(2, short + FILLER_B), doc(3, FILLER_C)], config, synonyms, LEXICON);
    expect(reuse.toArray()).toEqual([]);
  });

  it('is deterministic and independent of input order', () => {
    const docs = [doc(3, `${P1}${FILLER_A}${P2}`), doc(1, `${P2}${FILLER_B}`), doc(2, `${FILLER_C}${P1}${P3}`), doc(4, `${P3}${P3}`)];
    const one = detectReuse(docs, config, synonyms, LEXICON);
    const two = detectReuse([...docs].reverse(), config, synonyms, LEXICON);
    expect(one.reuse.toArray().map((r) => [r.docA, r.docB])).toEqual([
      [1, 3],
      [2, 3],
      [2, 4],
      [2, 4],
      [4, 4],
    ]);
    expect(two).toEqual(one);
    const sorted = [...one.reuse].sort((x: ReuseRow, y: ReuseRow) => x.docA - y.docA || x.docB - y.docB || x.startA - y.startA);
    expect(one.reuse.toArray()).toEqual(sorted);
  });
});

describe('reuseTableRows', () => {
  it('gives each table its schema columns by name, values from the result', () => {
    const docs = [doc(1, `${FILLER_A}${P1}`, 2020, '甲局'), doc(2, `${P1}${FILLER_B}`, 2021, '乙局')];
    const result = detectReuse(docs, config, synonyms, LEXICON);
    const rows = reuseTableRows(result);
    const names = (t: 'reuse' | 'reuse_clusters' | 'doc_reuse' | 'reuse_pairs'): string[] => TABLES[t].columns.map((c) => c.name);
    expect(Object.keys([...rows.reuse][0]!)).toEqual(names('reuse'));
    expect(Object.keys(rows.reuse_clusters[0]!)).toEqual(names('reuse_clusters'));
    expect(rows.doc_reuse).toHaveLength(2);
    const r = result.reuse.at(0);
    expect(Object.values([...rows.reuse][0]!)).toEqual([r.docA, r.startA, r.endA, r.docB, r.startB, r.endB, r.similarity, r.clusterId]);
    const k = result.clusters[0]!;
    expect(Object.values(rows.reuse_clusters[0]!)).toEqual([
      k.clusterId,
      k.representative,
      k.nDocs,
      k.firstYear,
      k.lastYear,
      k.totalChars,
      k.kind,
      k.nUnits,
      k.reason,
    ]);
    const d = result.docReuse[1]!;
    expect(Object.keys(rows.doc_reuse[1]!)).toEqual(names('doc_reuse'));
    expect(Object.values(rows.doc_reuse[1]!)).toEqual([
      d.docId,
      d.reusedChars,
      d.share,
      d.topPartner,
      d.topPartnerChars,
      d.direction,
      d.formulaChars,
      d.kindChars.self,
      d.kindChars.vertical,
      d.kindChars.template,
      d.kindChars.horizontal,
      d.selfEarlierChars,
      d.quotedChars,
    ]);
    // two bureaus of unknown level and place: peers
    expect(rows.reuse_pairs).toEqual([{ doc_a: 1, doc_b: 2, chars_a: d.reusedChars, chars_b: d.reusedChars, passages: 1, kind: 'horizontal', way: null }]);
    expect(rows.doc_reuse[1]!.direction).toBe(result.docReuse[1]!.direction);
    expect(rows.doc_reuse[1]!.top_partner).toBe(1);
  });
});

describe('passage spans at the edges of a document (regression: total_chars NaN on a 1,000-document corpus)', () => {
  // A document that ends inside an open quote, and one that starts with a closing mark: the old code
  // read text[end] ?? '' and ''.indexOf gave 0, so the span was pushed one past the text.
  // the copy runs to the very end of one document (no final punctuation) holding an unmatched “, and
  // starts the other at its very first character holding an unmatched ”
  const tail = `${FILLER_A}${P1}“${P2.slice(0, -1)}`;
  const head = `${P1}”${P2}${FILLER_B}`;

  it('never leaves the text, and the tables it feeds stay whole numbers', () => {
    const docs = [doc(1, tail, 2021, '甲局'), doc(2, head, 2022, '乙局')];
    const result = detectReuse(docs, config, synonyms, LEXICON);
    expect(result.reuse.length).toBeGreaterThan(0);
    for (const r of result.reuse) {
      expect(r.endA).toBeLessThanOrEqual(docs.find((d) => d.docId === r.docA)!.text.length);
      expect(r.endB).toBeLessThanOrEqual(docs.find((d) => d.docId === r.docB)!.text.length);
      expect(Math.min(r.startA, r.startB)).toBeGreaterThanOrEqual(0);
    }
    for (const c of result.clusters) expect(Number.isInteger(c.totalChars)).toBe(true);
    const rows = reuseTableRows(result);
    expect(rows.reuse_clusters.every((c) => Number.isInteger(c.total_chars))).toBe(true);
  });
});

describe('a winnowed seed index (config.winnow > 0)', () => {
  it('finds a long copy at the offsets the full index finds, from a fraction of the seeds', () => {
    const docs = [doc(1, `${FILLER_A}${P1}${P2}${P3}${FILLER_B}`, 2019), doc(2, `${FILLER_C}\n${P1}${P2}${P3}\n${FILLER_A.slice(0, 5)}`, 2020)];
    const full = detectReuse(docs, config, synonyms, LEXICON).reuse;
    const winnowed = detectReuse(docs, { ...config, winnow: 8 }, synonyms, LEXICON).reuse;
    expect(full).toHaveLength(1);
    expect(winnowed.toArray().map((r) => [r.startA, r.endA, r.startB, r.endB])).toEqual(full.toArray().map((r) => [r.startA, r.endA, r.startB, r.endB]));
  });
});

describe('the seed stage in bounded memory (partitions, blocks, spill to disk)', () => {
  it('gives the same rows on the sample when the index is split into 5 hash partitions and 4 blocks spill every few thousand seeds', () => {
    const sample = loadFixtureDocs();
    const whole = detectReuse(sample, config, synonyms, LEXICON);
    const chars = sample.reduce((n, d) => n + d.text.length, 0);
    const split = detectReuse(sample, { ...config, partitionChars: Math.ceil(chars / 5), seedBufferBytes: 16 * 4096 }, synonyms, LEXICON);
    expect(whole.reuse.length).toBeGreaterThanOrEqual(5);
    expect(split).toEqual(whole);
  });

  it('yields every pair once, with the seeds one partition and one block give it, and leaves no spill file behind', () => {
    const codes = loadFixtureDocs().map((d) => Uint16Array.from(d.text, (c) => c.codePointAt(0)!));
    const spillsBefore = readdirSync(tmpdir()).filter((f) => f.startsWith('reportscope-seeds-')).length;
    const key = (p: { a: number; b: number }): number => p.a * codes.length + p.b;
    const byPair = (pairs: { a: number; b: number; packed: Float64Array }[]) => new Map(pairs.map((p) => [key(p), [...p.packed].sort()]));
    // each pair's seeds are a view of its block, valid until the next pair: copied as they come
    const take = (pairs: Iterable<PairSeeds>) => Array.from(pairs, (p) => ({ ...p, packed: p.packed.slice() }));
    const split = take(collectSeeds(codes, config, { partitions: 3, blocks: 4, bufferBytes: 16 * 1000 }));
    const one = take(collectSeeds(codes, config));
    // more seeds than the 1,000 the buffer holds: they went through the spill files
    expect(one.reduce((n, p) => n + p.packed.length, 0)).toBeGreaterThan(1000);
    expect(new Set(split.map(key)).size).toBe(split.length);
    expect(byPair(split)).toEqual(byPair(one));
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('reportscope-seeds-')).length).toBe(spillsBefore);
  });
});

describe('verification on worker threads', () => {
  it('gives the same result as one thread, on the sample with two workers and batches of a few hundred seeds', async () => {
    const sample = loadFixtureDocs();
    const one = detectReuse(sample, config, synonyms, LEXICON);
    const pooled = await detectReuseParallel(sample, { ...config, threads: 2, parallelMinChars: 0, verifyBatchSeeds: 300 }, synonyms, LEXICON);
    expect(one.reuse.length).toBeGreaterThanOrEqual(5);
    expect(pooled).toEqual(one);
  });
});
