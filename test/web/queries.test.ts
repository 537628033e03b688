/**
 * Every query in `web/queries` against the real schema: first through EXPLAIN on an empty corpus
 * built by `schemaSql()`, then executed on a small corpus with answers counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as boilerplate from '../../web/queries/boilerplate';
import * as documents from '../../web/queries/documents';
import { NO_FILTERS, type Filters } from '../../web/queries/filters';
import * as kwic from '../../web/queries/kwic';
import * as meta from '../../web/queries/meta';
import * as overview from '../../web/queries/overview';
import { runQuery } from '../../web/db/statement';
import type { Query } from '../../web/queries/query';
import { render } from '../../web/queries/sql';
import * as themes from '../../web/queries/themes';
import * as trends from '../../web/queries/trends';
import * as formulations from '../../web/queries/formulations';
import * as collocations from '../../web/queries/collocations';
import { fillCorpus, fixtureRows } from './fixture/fixture-corpus';
import { MINI_DOCS } from './fixture/mini-docs';
import { openEmptyCorpus, wasmLikeType, type TestDb } from './node-connector';
import { isUp } from '../../web/stats/keyness';

const F: Filters = {
  yearFrom: 2022,
  yearTo: 2024,
  docTypes: ['plan', 'summary'],
  unitTypes: ['bureau'],
  orgs: ['县民政局'],
  places: ['43'],
  keepUnknownYear: true,
};

/** Every query function, called with filters that exercise every parameter. */
const ALL: [string, Query<unknown>][] = [
  ['corpusStats', overview.corpusStats(F)],
  ['docsByYearType', overview.docsByYearType(F)],
  ['topTerms', overview.topTerms({ ...F, orgs: [] }, 50)],
  ['topTermsByDocument', overview.topTermsByDocument(F, 50)],
  ['filterChoices', meta.filterChoices()],
  ['themeList', meta.themeList()],
  ['reuseCount', meta.reuseCount()],
  ['choiceCounts', meta.choiceCounts(F)],
  ['placeChoices', meta.placeChoices(F)],
  ['ingestFacts', meta.ingestFacts()],
  ['corpusExport', documents.corpusExport(F)],
  ...(['year', 'doc_type', 'unit_type', 'org'] as const).map((by): [string, Query<unknown>] => [`themeRates:${by}`, themes.themeRates(F, [by])]),
  ['themeRates (all groupings)', themes.themeRates(F, ['year', 'doc_type', 'unit_type', 'org'])],
  ['themeHitLines', themes.themeHitLines(F, { theme: 'theory', by: 'year', key: '2023' }, 20, 100)],
  ['themeTermCounts', themes.themeTermCounts(F, 'theory')],
  ['seriesByYear', trends.seriesByYear(F, ['theory'], ['网络', { name: '学习强国 理论学习', terms: ['学习强国', '理论学习'] }])],
  ['keyness', trends.keyness(F, { yearA: 2024, yearB: null, minFreq: 2 })],
  ['keyness (cells)', trends.keyness({ ...F, orgs: [] }, { yearA: 2024, yearB: null, minFreq: 2 })],
  ['seriesByYear (themes)', trends.seriesByYear(F, ['theory'], [])],
  ['yearSizes', trends.yearSizes(F)],
  ['docPairs', boilerplate.docPairs(F, 'copy', 100)],
  ['recycledByKind', boilerplate.recycledByKind(F)],
  ['unlocalisedDocs', boilerplate.unlocalisedDocs(F, 100)],
  ['formulationStrip', formulations.formulationStrip(F, 'numbered', 40)],
  ['formulationEvents', formulations.formulationEvents()],
  ['formulationList', formulations.formulationList()],
  ['referenceQuotes', boilerplate.referenceQuotes(F)],
  ['groupKeyness', trends.groupKeyness(F, { by: 'unit_type', a: 'bureau', b: null, minFreq: 2 })],
  ['groupKeyness (units)', trends.groupKeyness(F, { by: 'org', a: '县民政局', b: '青石镇', minFreq: 2 })],
  ['collocates', collocations.collocates(F, '学习', 2)],
  ['documentQuotations', documents.documentQuotations(1)],
  ['documentUnlocalised', documents.documentUnlocalised(1)],
  ['selfCopyByUnit', boilerplate.selfCopyByUnit(F, 12)],
  ['clusters', boilerplate.clusters(F, 'all', 100)],
  ['clusterOccurrences', boilerplate.clusterOccurrences(1)],
  ['recycledDocs', boilerplate.recycledDocs(F, 100)],
  ['alignedPassages', boilerplate.alignedPassages(1, 2)],
  ['synonyms', boilerplate.synonyms()],
  ['documentPage', documents.documentPage(F, '民政', { key: 'share', desc: true }, 100)],
  ['documentPage (all)', documents.documentPage(F, '', { key: 'title', desc: false }, null)],
  ['documentsByIds', documents.documentsByIds([1, 3])],
  ['documentById', documents.documentById(1)],
  ['documentThemeHits', documents.documentThemeHits(1)],
  ['documentReuseSpans', documents.documentReuseSpans(1)],
  ['cleaningLog', documents.cleaningLog('a.txt')],
  ['kwicLines', kwic.kwicLines(F, '学习强国', 20, 100)],
  ['kwicDocCounts', kwic.kwicDocCounts(F, '学习强国', { key: 'per10k', desc: true }, 10)],
  ['kwicYearCounts', kwic.kwicYearCounts(F, '学习强国')],
  ['kwicSentenceLines', kwic.kwicLines(F, ['学习强国', '理论学习'], 20, 100, 'left')],
  ['kwicSentenceCounts', kwic.kwicDocCounts(F, ['学习强国', '理论学习'], { key: 'year', desc: false }, null)],
  ['kwicSentenceYears', kwic.kwicYearCounts(F, ['学习强国', '理论学习'])],
];

describe('every query binds against the shared schema (EXPLAIN)', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openEmptyCorpus();
  });
  afterAll(() => db.close());

  it.each(ALL)('%s', async (_name, q) => {
    const { text, params } = render(q.sql);
    const plan = await db.conn.runAndReadAll(`EXPLAIN ${text}`, params, params.map(wasmLikeType));
    expect(plan.getRows().length).toBeGreaterThan(0);
  });
});

describe('queries on a corpus with known answers', () => {
  let db: TestDb;
  const run = <R>(q: Query<R>) => runQuery(db.connector, q);
  beforeAll(async () => {
    db = await openEmptyCorpus();
    await fillCorpus(db.conn, fixtureRows(MINI_DOCS));
  });
  afterAll(() => db.close());

  it.each(ALL)('%s executes', async (_name, q) => {
    await expect(run(q)).resolves.toBeInstanceOf(Array);
  });

  it('counts the whole corpus and applies every filter', async () => {
    const [all] = await run(overview.corpusStats(NO_FILTERS));
    expect(all).toMatchObject({ documents: 5, units: 3, years: 3, firstYear: 2022, lastYear: 2024 });
    const [some] = await run(overview.corpusStats({ ...NO_FILTERS, yearFrom: 2023 }));
    expect(some?.documents).toBe(3);
    const [plans] = await run(overview.corpusStats({ ...NO_FILTERS, docTypes: ['plan'], orgs: ['县民政局'] }));
    expect(plans?.documents).toBe(2);
    const byYear = await run(overview.docsByYearType(NO_FILTERS));
    expect(byYear.filter((r) => r.year === 2023).reduce((a, r) => a + r.n, 0)).toBe(2);
    expect(byYear.find((r) => r.year === null)?.doc_type).toBe('commentary');
  });

  it('finds every KWIC line at the right offset', async () => {
    const lines = await run(kwic.kwicLines(NO_FILTERS, '学习强国', 4, 100));
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      const text = MINI_DOCS[l.doc_id - 1]?.text ?? '';
      expect(l.match).toBe('学习强国');
      expect(text.slice(l.pos, l.pos + 4)).toBe('学习强国');
      expect(text.slice(Math.max(0, l.pos - 4), l.pos)).toBe(l.left);
      expect(text.slice(l.pos + 4, l.pos + 8)).toBe(l.right);
    }
    const counts = await run(kwic.kwicDocCounts(NO_FILTERS, '学习强国', { key: 'hits', desc: true }, 10));
    expect(counts.map((c) => [c.doc_id, c.hits, c.total])).toEqual([
      [3, 2, 2],
      [2, 1, 2],
    ]);
    // a page of one, the total kept; lines sorted by their right context, a page at a time
    expect((await run(kwic.kwicDocCounts(NO_FILTERS, '学习强国', { key: 'doc_id', desc: false }, 1))).map((c) => [c.doc_id, c.total])).toEqual([[2, 2]]);
    expect(await run(kwic.kwicYearCounts(NO_FILTERS, '学习强国'))).toEqual([{ year: 2023, hits: 3, docs: 2 }]);
    const byRight = await run(kwic.kwicLines(NO_FILTERS, '学习强国', 4, 2, 'right'));
    expect(byRight).toHaveLength(2);
    const rights = lines.map((l) => l.right).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(byRight.map((l) => l.right)).toEqual(rights.slice(0, 2));
    expect(await run(kwic.kwicLines(NO_FILTERS, '', 4, 10))).toEqual([]);
    expect(await run(kwic.kwicLines(NO_FILTERS, "'); DROP TABLE x; --", 4, 10))).toEqual([]);
  });

  it('rates themes per 10,000 characters and lists the hits behind a cell', async () => {
    const cells = await run(themes.themeRates(NO_FILTERS, ['year']));
    const platform2023 = cells.find((c) => c.theme === 'platform' && c.key === '2023');
    expect(platform2023?.hits).toBe(3);
    expect(platform2023?.per10k).toBeCloseTo((3 * 10000) / (platform2023?.chars ?? 1), 6);
    expect(cells.find((c) => c.theme === 'platform' && c.key === '2024')?.hits).toBe(0);
    const lines = await run(themes.themeHitLines(NO_FILTERS, { theme: 'platform', by: 'year', key: '2023' }, 5, 50));
    expect(lines.map((l) => l.match)).toEqual(['学习强国', '学习强国', '学习强国']);
    for (const l of lines) {
      const text = MINI_DOCS[l.doc_id - 1]?.text ?? '';
      expect(text.slice(l.start, l.start + l.match.length)).toBe(l.match);
      expect(text.slice(Math.max(0, l.start - 5), l.start)).toBe(l.left);
      expect(text.slice(l.start + l.match.length, l.start + l.match.length + 5)).toBe(l.right);
    }
  });

  it('marks terms new in the focus year and scores G² and log ratio', async () => {
    const counts = await run(trends.keyness(NO_FILTERS, { yearA: 2024, yearB: 2023, minFreq: 1 }));
    const rows = trends.scoreKeyness(counts, 500);
    const culture = rows.find((r) => r.term === '精神');
    // absent from the reference: "new" (▲), counted against the focus year's characters
    expect(culture).toMatchObject({ direction: 'new', is_new: true, freq_b: 0 });
    expect(isUp(culture!.direction)).toBe(true);
    const chars2024 = MINI_DOCS.filter((d) => d.year === 2024).reduce((a, d) => a + d.text.replace(/\s/g, '').length, 0);
    expect(counts[0]?.chars_a).toBe(chars2024);
    expect(culture?.rate_a).toBeCloseTo((culture!.freq_a * 10000) / chars2024, 9);
    for (const r of rows) {
      expect(r.g2).toBeGreaterThanOrEqual(0);
      // the sign of the log ratio never contradicts the raw rates; absent from the focus year is never up
      if (r.freq_a === 0) expect([r.direction, Math.sign(r.log_ratio) <= 0]).toEqual(['gone', true]);
      if (r.direction === 'rising' || r.direction === 'new') expect(r.log_ratio).toBeGreaterThanOrEqual(0);
      if (r.direction === 'falling' || r.direction === 'gone') expect(r.log_ratio).toBeLessThanOrEqual(0);
    }
    expect(rows.some((r) => r.direction === 'gone')).toBe(true);
    const series = await run(trends.seriesByYear(NO_FILTERS, ['platform'], ['网络']));
    expect(series.filter((s) => s.kind === 'theme').map((s) => s.hits)).toEqual([0, 3, 0]);
    expect(series.filter((s) => s.kind === 'theme').map((s) => s.docs)).toEqual([1, 2, 1]);
  });

  it('counts custom trend terms in the text, and several terms as sentences holding all of them', async () => {
    const series = await run(trends.seriesByYear(NO_FILTERS, [], ['学习强国', { name: '学习强国 理论学习', terms: ['学习强国', '理论学习'] }]));
    const of = (name: string) => series.filter((s) => s.kind === 'term' && s.name === name).map((s) => [s.year, s.hits]);
    expect(of('学习强国')).toEqual([
      [2022, 0],
      [2023, 3],
      [2024, 0],
    ]);
    expect(of('学习强国 理论学习')).toEqual([
      [2022, 0],
      [2023, 2],
      [2024, 0],
    ]);
  });

  it('counts filter choices under the other filters', async () => {
    const counts = await run(meta.choiceCounts({ ...NO_FILTERS, orgs: ['县民政局'], docTypes: ['summary'] }));
    // types under the unit alone, units under the type alone (summary: only document 3); unit kinds under both: none
    expect(counts).toEqual([
      { field: 'doc_type', value: 'plan', n: 2 },
      { field: 'org', value: '__社区', n: 1 },
    ]);
    const rows = await run(documents.corpusExport({ ...NO_FILTERS, yearFrom: 2023 }));
    expect(rows.map((r) => r.doc_id)).toEqual([2, 3, 4]);
    expect(rows[0]).toMatchObject({ source_path: 'b.txt', year: 2023 });
  });

  it('gives each year its documents and characters, and keeps unknown years on request', async () => {
    const sizes = await run(trends.yearSizes(NO_FILTERS));
    expect(sizes.map((s) => [s.year, s.docs])).toEqual([
      [2022, 1],
      [2023, 2],
      [2024, 1],
    ]);
    const [kept] = await run(overview.corpusStats({ ...NO_FILTERS, yearFrom: 2023, keepUnknownYear: true }));
    expect(kept?.documents).toBe(4);
  });

  it('sorts, searches and pages the document table in the database', async () => {
    const all = await run(documents.documentPage(NO_FILTERS, '', { key: 'year', desc: true }, 100));
    // unknown year first when descending, ties by document in the same direction
    expect(all.map((r) => [r.doc_id, r.year])).toEqual([
      [5, null],
      [4, 2024],
      [3, 2023],
      [2, 2023],
      [1, 2022],
    ]);
    expect(all.every((r) => r.total === MINI_DOCS.length)).toBe(true);
    const page = await run(documents.documentPage(NO_FILTERS, '', { key: 'year', desc: false }, 2));
    expect(page.map((r) => [r.doc_id, r.total])).toEqual([
      [1, 5],
      [2, 5],
    ]);
    // the search looks in title, unit and source file, case-insensitively, and the total follows it
    const found = await run(documents.documentPage(NO_FILTERS, '民政局', { key: 'doc_id', desc: false }, 1));
    expect(found.map((r) => [r.doc_id, r.org, r.total])).toEqual([[1, '县民政局', 2]]);
    expect((await run(documents.documentPage(NO_FILTERS, 'd.txt', { key: 'doc_id', desc: false }, 10))).map((r) => r.doc_id)).toEqual([4]);
    expect(await run(documents.documentPage(NO_FILTERS, "'; DROP TABLE documents; --", { key: 'doc_id; DROP', desc: false }, 10))).toEqual([]);
    const shares = await run(documents.documentPage({ ...NO_FILTERS, yearFrom: 2023 }, '', { key: 'share', desc: true }, null));
    expect(shares.map((r) => r.share)).toEqual(shares.map((r) => r.share).sort((x, y) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : y - x)));
    expect(shares.map((r) => r.doc_id).sort()).toEqual([2, 3, 4]);
    expect(await run(documents.documentsByIds([]))).toEqual([]);
    const byId = await run(documents.documentsByIds([3, 1]));
    expect(byId.map((r) => [r.doc_id, r.source_path])).toEqual([
      [1, 'a.txt'],
      [3, 'c.txt'],
    ]);
  });

  it('finds sentences holding all of several terms, at the first term', async () => {
    const lines = await run(kwic.kwicLines(NO_FILTERS, ['学习强国', '理论学习'], 4, 100));
    expect(lines.map((l) => l.doc_id)).toEqual([2, 3]);
    for (const l of lines) {
      const text = MINI_DOCS[l.doc_id - 1]?.text ?? '';
      expect(text.slice(l.pos, l.pos + 4)).toBe('学习强国');
      expect(l.right).toContain('理论学习');
    }
    const counts = await run(kwic.kwicDocCounts(NO_FILTERS, ['学习强国', '理论学习'], { key: 'year', desc: false }, null));
    expect(counts.map((c) => [c.doc_id, c.hits, c.source_path])).toEqual([
      [2, 1, 'b.txt'],
      [3, 1, 'c.txt'],
    ]);
    expect(await run(kwic.kwicLines(NO_FILTERS, ['学习强国', '精神文明'], 4, 100))).toEqual([]);
  });

  it('reports shared passages and recycled shares', async () => {
    const pairs = await run(boilerplate.docPairs(NO_FILTERS, 'all', 10));
    expect(pairs.some((p) => p.doc_x === 2 && p.doc_y === 3)).toBe(true);
    const cl = await run(boilerplate.clusters(NO_FILTERS, 'formula', 10));
    expect(cl[0]?.n_docs).toBe(3);
    const ranked = await run(boilerplate.recycledDocs(NO_FILTERS, 10));
    expect(ranked[0]?.top_partner).toBeOneOf([2, 3]);
    // the evidence behind a direction label: passages with the partner and the longest of them
    const top = ranked[0]!;
    expect(top.passages).toBeGreaterThan(0);
    expect(MINI_DOCS[top.doc_id - 1]?.text).toContain(top.longest);
    expect(top.source_path).toBe(MINI_DOCS[top.doc_id - 1]?.source_path);
    const aligned = await run(boilerplate.alignedPassages(3, 2));
    expect(aligned.length).toBeGreaterThan(0);
    const doc3 = MINI_DOCS[2]?.text ?? '';
    const doc2 = MINI_DOCS[1]?.text ?? '';
    for (const a of aligned) {
      expect(doc3.slice(a.left_start, a.left_end)).toBe(doc2.slice(a.right_start, a.right_end));
    }
  });
});
