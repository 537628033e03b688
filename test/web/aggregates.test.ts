/**
 * The aggregate tables answer what the documents answer. Every query of the opening screen, the
 * filter bar and the Themes and Trends views, summed from the `agg_*` tables, is checked against the
 * same figures computed here in JavaScript from the per-document tables (documents, doc_reuse,
 * theme_freq, doc_terms), for every kind of filter a person can set: on the bundled sample ingested
 * by the real pipeline, and on a fixture of the sample's documents spread over years, types, unit
 * kinds and units (unknown year and unit included) whose term aggregates keep only a few candidates
 * per cell, so that the top-terms list must sometimes fall back to the documents.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_TYPES, UNIT_KINDS, type UnitKind } from '../../common/schema';
import { defaultConfig } from '../../ingest/config';
import { runIngest } from '../../ingest/pipeline';
import { writeAggregates } from '../../ingest/stages/aggregates';
import { appendTables } from '../../ingest/stages/write';
import { runQuery } from '../../web/db/statement';
import { byTermCells, NO_FILTERS, type Filters } from '../../web/queries/filters';
import { choiceCounts, filterChoices, placeChoices, themeList } from '../../web/queries/meta';
import { corpusStats, docsByYearType, topTerms, topTermsByDocument, topTermsExact } from '../../web/queries/overview';
import type { Query } from '../../web/queries/query';
import { themeRates, type ThemeGroup } from '../../web/queries/themes';
import { keyness, seriesByYear, yearSizes } from '../../web/queries/trends';
import { documentsOf, RAW, ROOT } from '../ingest/helpers';
import { fixtureRows, type FixtureDoc } from './fixture/fixture-corpus';
import { openCorpusFile, openEmptyCorpus, type TestDb } from './node-connector';

/** How many terms the top lists hold here. */
const TOP = 40;

interface Doc {
  doc_id: number;
  year: number | null;
  doc_type: string;
  unit_type: string;
  org: string | null;
  char_count: number;
  token_count: number;
  reused_chars: number | null;
  home_code: string | null;
}

/** The per-document tables, read once: what the figures are computed from here. */
interface Corpus {
  docs: Doc[];
  themes: string[];
  themeFreq: { doc_id: number; theme: string; freq: number }[];
  terms: { doc_id: number; term: string; freq: number }[];
}

async function readCorpus(db: TestDb): Promise<Corpus> {
  const rows = async <T>(text: string) => (await db.connector.query(text, [])) as T[];
  return {
    docs: await rows<Doc>(
      'SELECT d.doc_id, d.year, d.doc_type, d.unit_type, d.org, d.char_count, d.token_count, r.reused_chars, d.home_code FROM corpus.documents d LEFT JOIN corpus.doc_reuse r USING (doc_id)',
    ),
    themes: (await rows<{ theme: string }>('SELECT DISTINCT theme FROM corpus.themes')).map((r) => r.theme),
    themeFreq: await rows('SELECT doc_id, theme, freq FROM corpus.theme_freq'),
    terms: await rows('SELECT doc_id, term, freq FROM corpus.doc_terms'),
  };
}

/** DuckDB orders text by its UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const distinct = <T>(xs: readonly T[]) => [...new Set(xs)];

function keeps(f: Filters, d: Doc): boolean {
  const bounded = (f.yearFrom === null || (d.year !== null && d.year >= f.yearFrom)) && (f.yearTo === null || (d.year !== null && d.year <= f.yearTo));
  const year = (!!f.keepUnknownYear && d.year === null) || bounded;
  const listed = (values: readonly string[], v: string | null) => values.length === 0 || (v !== null && values.includes(v));
  const placed = f.places.length === 0 || (d.home_code !== null && f.places.some((p) => d.home_code!.startsWith(p)));
  return year && listed(f.docTypes, d.doc_type) && listed(f.unitTypes, d.unit_type) && listed(f.orgs, d.org) && placed;
}

/** Counts by key, in first-seen order. */
function tally<K>(items: readonly [K, number][]): Map<K, number> {
  const m = new Map<K, number>();
  for (const [k, n] of items) m.set(k, (m.get(k) ?? 0) + n);
  return m;
}

/** Term totals (occurrences, documents) over the documents `ids`. */
function termTotals(c: Corpus, ids: ReadonlySet<number>, minLength = 1): Map<string, { freq: number; docs: number }> {
  const m = new Map<string, { freq: number; docs: number }>();
  for (const t of c.terms) {
    if (!ids.has(t.doc_id) || [...t.term].length < minLength) continue;
    const e = m.get(t.term) ?? { freq: 0, docs: 0 };
    m.set(t.term, { freq: e.freq + t.freq, docs: e.docs + 1 });
  }
  return m;
}

/** The figures each query should give, from the documents. */
function expected(c: Corpus, f: Filters) {
  const kept = c.docs.filter((d) => keeps(f, d));
  const ids = new Set(kept.map((d) => d.doc_id));
  const years = distinct(kept.map((d) => d.year).filter((y): y is number => y !== null)).sort((a, b) => a - b);
  const reused = kept.map((d) => d.reused_chars).filter((r): r is number => r !== null);
  const chars = sum(kept.map((d) => d.char_count));
  const byYear = (y: number) => kept.filter((d) => d.year === y);
  const keyOf = (d: Doc, by: ThemeGroup) => (d[by] === null ? null : String(d[by]));
  return {
    kept,
    ids,
    years,
    stats: {
      documents: kept.length,
      units: distinct(kept.map((d) => d.org).filter((o) => o !== null)).length,
      years: years.length,
      firstYear: years[0] ?? null,
      lastYear: years.at(-1) ?? null,
      chars,
      tokens: sum(kept.map((d) => d.token_count)),
    },
    byYearType: [...tally(kept.map((d): [string, number] => [JSON.stringify([d.year, d.doc_type]), 1]))]
      .map(([k, n]) => {
        const [year, doc_type] = JSON.parse(k) as [number | null, string];
        return { year, doc_type, n };
      })
      .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || byBytes(a.doc_type, b.doc_type)),
    share: {
      reused: sum(reused),
      share: reused.length && chars ? sum(reused) / chars : null,
      docsWithReuse: reused.filter((r) => r > 0).length,
    },
    yearSizes: years.map((year) => ({ year, docs: byYear(year).length, chars: sum(byYear(year).map((d) => d.char_count)) })),
    choices: (field: 'doc_type' | 'unit_type' | 'org') => {
      const others = { ...f, [field === 'doc_type' ? 'docTypes' : field === 'unit_type' ? 'unitTypes' : 'orgs']: [] };
      const counts = tally(c.docs.filter((d) => keeps(others, d) && d[field] !== null).map((d): [string, number] => [d[field]!, 1]));
      return [...counts].map(([value, n]) => ({ value, n })).sort((a, b) => b.n - a.n || byBytes(a.value, b.value));
    },
    /** Documents under every filter but the place filter whose home lies in each division that holds a home. */
    places: () => {
      const homes = c.docs.map((d) => d.home_code).filter((h): h is string => h !== null);
      const codes = distinct(homes.flatMap((h) => [h.slice(0, 2), h.slice(0, 4), h.slice(0, 6), h])).sort();
      const open = c.docs.filter((d) => keeps({ ...f, places: [] }, d));
      return codes.map((code) => ({ code, n: open.filter((d) => d.home_code?.startsWith(code)).length }));
    },
    themeRates: (by: ThemeGroup) => {
      const groups = distinct(kept.map((d) => keyOf(d, by)).filter((k): k is string => k !== null));
      return c.themes
        .flatMap((theme) =>
          groups.map((key) => {
            const inGroup = kept.filter((d) => keyOf(d, by) === key);
            const docIds = new Set(inGroup.map((d) => d.doc_id));
            const hits = sum(c.themeFreq.filter((t) => t.theme === theme && docIds.has(t.doc_id)).map((t) => t.freq));
            const groupChars = sum(inGroup.map((d) => d.char_count));
            return { theme, key, hits, chars: groupChars, docs: inGroup.length, per10k: (hits * 10000) / groupChars };
          }),
        )
        .sort((a, b) => byBytes(a.theme, b.theme) || byBytes(a.key, b.key));
    },
    topTerms: (limit: number) =>
      [...termTotals(c, ids, 2)]
        .map(([term, t]) => ({ term, ...t }))
        .sort((a, b) => b.freq - a.freq || byBytes(a.term, b.term))
        .slice(0, limit),
    keyness: (yearA: number, yearB: number | null, minFreq: number) => {
      const isA = (d: Doc) => d.year === yearA;
      const isB = (d: Doc) => d.year !== null && (yearB === null ? d.year !== yearA : d.year === yearB);
      const a = kept.filter(isA);
      const b = kept.filter(isB);
      const [fa, fb] = [termTotals(c, new Set(a.map((d) => d.doc_id))), termTotals(c, new Set(b.map((d) => d.doc_id)))];
      const charsA = sum(a.map((d) => d.char_count));
      const charsB = sum(b.map((d) => d.char_count));
      if (!charsA || !charsB) return [];
      const firstYear = new Map<string, number>();
      const yearOf = new Map(kept.map((d) => [d.doc_id, d.year]));
      for (const t of c.terms) {
        const y = yearOf.get(t.doc_id);
        if (y !== undefined && y !== null) firstYear.set(t.term, Math.min(firstYear.get(t.term) ?? Infinity, y));
      }
      return distinct([...fa.keys(), ...fb.keys()])
        .map((term) => {
          const freqA = fa.get(term)?.freq ?? 0;
          return {
            term,
            freq_a: freqA,
            freq_b: fb.get(term)?.freq ?? 0,
            chars_a: charsA,
            chars_b: charsB,
            docs_a: a.length,
            docs_b: b.length,
            is_new: freqA > 0 && firstYear.get(term) === yearA && (years[0] ?? Infinity) < yearA,
          };
        })
        .filter((r) => r.freq_a + r.freq_b >= minFreq)
        .sort((x, y) => byBytes(x.term, y.term));
    },
  };
}

/** Filters of every kind, from the values the corpus holds: years, types, unit kinds, units, and combinations. */
function filtersFor(c: Corpus): Filters[] {
  const years = distinct(c.docs.map((d) => d.year).filter((y): y is number => y !== null)).sort((a, b) => a - b);
  const types = distinct(c.docs.map((d) => d.doc_type)).sort();
  const units = distinct(c.docs.map((d) => d.unit_type)).sort();
  const orgs = [...tally(c.docs.filter((d) => d.org !== null).map((d): [string, number] => [d.org!, 1]))].sort((a, b) => b[1] - a[1]).map(([o]) => o);
  const homes = distinct(c.docs.map((d) => d.home_code).filter((h): h is string => h !== null)).sort();
  const at = <T>(xs: readonly T[], i: number): T => xs[Math.min(i, xs.length - 1)]!;
  return [
    NO_FILTERS,
    ...years.map((y) => ({ ...NO_FILTERS, yearFrom: y, yearTo: y })),
    ...years.map((y) => ({ ...NO_FILTERS, yearFrom: y, keepUnknownYear: true })),
    ...years.map((y) => ({ ...NO_FILTERS, yearTo: y })),
    ...types.map((t) => ({ ...NO_FILTERS, docTypes: [t] })),
    { ...NO_FILTERS, docTypes: types.slice(0, 2) },
    ...units.map((u) => ({ ...NO_FILTERS, unitTypes: [u] })),
    ...orgs.slice(0, 3).map((o) => ({ ...NO_FILTERS, orgs: [o] })),
    // a home's province, its county (6 digits) where it has one, the home itself, two provinces at once
    ...homes.slice(0, 3).flatMap((h) => [h.slice(0, 2), h.slice(0, 6), h].map((p) => ({ ...NO_FILTERS, places: [p] }))),
    { ...NO_FILTERS, places: distinct(homes.map((h) => h.slice(0, 2))).slice(0, 2) },
    { ...NO_FILTERS, yearFrom: at(years, 0), places: homes.slice(0, 1) },
    { ...NO_FILTERS, yearFrom: at(years, 1), docTypes: [at(types, 0)], unitTypes: [at(units, 0)] },
    { ...NO_FILTERS, yearTo: at(years, years.length - 2), docTypes: [at(types, 1)], keepUnknownYear: true },
    { ...NO_FILTERS, yearFrom: at(years, 0), orgs: orgs.slice(0, 2) },
    { ...NO_FILTERS, yearFrom: 2100 },
  ];
}

const label = (f: Filters) => JSON.stringify(f);

/** Every check, on one database; returns how many top lists the aggregates answered exactly and how many fell back. */
async function checkAll(db: TestDb, c: Corpus): Promise<{ exact: number; fallback: number }> {
  const run = <R>(q: Query<R>) => runQuery(db.connector, q);
  let exact = 0;
  let fallback = 0;
  const all = expected(c, NO_FILTERS);
  const choices = await run(filterChoices());
  for (const field of ['doc_type', 'unit_type', 'org'] as const) {
    expect(
      choices.filter((x) => x.field === field).map(({ value, n }) => ({ value, n })),
      field,
    ).toEqual(all.choices(field));
  }
  expect(choices.filter((x) => x.field === 'year').map((x) => [Number(x.value), x.n])).toEqual(
    all.yearSizes.map((y) => [y.year, y.docs]).sort((a, b) => b[1]! - a[1]! || byBytes(String(a[0]), String(b[0]))),
  );
  const hits = await run(themeList());
  for (const t of hits) expect(t.hits, t.theme).toBe(sum(c.themeFreq.filter((x) => x.theme === t.theme).map((x) => x.freq)));

  for (const f of filtersFor(c)) {
    const e = expected(c, f);
    // every division of the sample's homes exists (no 市辖区 level is skipped there), so the tree is the homes' prefixes
    expect(
      (await run(placeChoices(f))).map(({ code, n }) => ({ code, n })),
      label(f),
    ).toEqual(e.places());
    expect(await run(corpusStats(f)), label(f)).toEqual([{ ...e.stats, ...e.share }]);
    expect(await run(docsByYearType(f)), label(f)).toEqual(e.byYearType);
    expect(await run(yearSizes(f)), label(f)).toEqual(e.yearSizes);
    const counts = await run(choiceCounts(f));
    for (const field of ['doc_type', 'unit_type', 'org'] as const) {
      expect(
        counts.filter((c) => c.field === field).map(({ value, n }) => ({ value, n })),
        `${field} ${label(f)}`,
      ).toEqual(e.choices(field));
    }
    // the four groupings in one query (as the Themes view asks), each as it is alone
    const together = await run(themeRates(f, ['year', 'doc_type', 'unit_type', 'org']));
    for (const by of ['year', 'doc_type', 'unit_type', 'org'] as const) {
      const rates = await run(themeRates(f, [by]));
      expect(together.filter((r) => r.by === by)).toEqual(rates);
      expect(
        rates.map(({ per10k: _, by: __, ...r }) => r),
        `${by} ${label(f)}`,
      ).toEqual(e.themeRates(by).map(({ per10k: _, ...r }) => r));
      rates.forEach((r, i) => expect(r.per10k).toBeCloseTo(e.themeRates(by)[i]!.per10k, 9));
    }
    const series = await run(seriesByYear(f, c.themes, []));
    for (const p of series) {
      const rate = e.themeRates('year').find((r) => r.theme === p.name && r.key === String(p.year));
      expect({ hits: p.hits, chars: p.chars, docs: p.docs }, `${p.name} ${p.year} ${label(f)}`).toEqual({
        hits: rate?.hits,
        chars: rate?.chars,
        docs: rate?.docs,
      });
    }
    expect(series.length).toBe(c.themes.length * e.years.length);

    const top = e.topTerms(TOP);
    expect(await run(topTermsByDocument(f, TOP)), label(f)).toEqual(top);
    if (byTermCells(f)) {
      const ranked = await run(topTerms(f, TOP));
      const totals = termTotals(c, e.ids, 2);
      // every count listed is exact, whether or not the list is
      for (const r of ranked) expect({ freq: r.freq, docs: r.docs }, `${r.term} ${label(f)}`).toEqual(totals.get(r.term));
      if (topTermsExact(ranked, TOP)) {
        exact += 1;
        expect(
          ranked.map(({ bound: _, ...r }) => r),
          label(f),
        ).toEqual(top);
      } else fallback += 1;
    }
    for (const [yearA, yearB] of [
      [e.years.at(-1), e.years.at(-2)],
      [e.years.at(-1), null],
    ] as const) {
      if (yearA === undefined || yearB === undefined) continue;
      expect(await run(keyness(f, { yearA, yearB, minFreq: 2 })), `${yearA}/${yearB} ${label(f)}`).toEqual(e.keyness(yearA, yearB, 2));
    }
  }
  return { exact, fallback };
}

describe('aggregates on the bundled sample, ingested by the real pipeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reportscope-aggregates-'));
  let db: TestDb;
  let corpus: Corpus;
  beforeAll(async () => {
    const config = defaultConfig(ROOT, { input: RAW, db: join(dir, 'corpus.duckdb') });
    await runIngest(config);
    db = await openCorpusFile(config.db);
    corpus = await readCorpus(db);
  }, 120_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every filtered figure of the overview, filter bar, themes and trends equals the one counted over the documents', async () => {
    expect(new Set(corpus.docs.map((d) => d.year)).size).toBeGreaterThan(3);
    // three documents of the sample are placed (山东省 济宁市 汶上县, 湖南省 … 敖泉镇, 内蒙古自治区 通辽市): the place filters keep something
    expect(corpus.docs.filter((d) => d.home_code !== null)).toHaveLength(3);
    const { exact, fallback } = await checkAll(db, corpus);
    // the default candidates (TOP_TERMS_PER_CELL) answer every top list of the sample exactly
    expect({ exact, fallback }).toMatchObject({ fallback: 0 });
    expect(exact).toBeGreaterThan(10);
  });
});

describe('aggregates on a fixture where every filter matters and few term candidates are kept', () => {
  let db: TestDb;
  let corpus: Corpus;
  beforeAll(async () => {
    // the halves of the sample's documents as the ingest cleans them, spread over a grid of years, types, unit kinds and units
    const texts = readdirSync(RAW)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => documentsOf(f).map((d) => d.text.split('\n')))
      .flatMap((lines) => [lines.slice(0, lines.length >> 1).join('\n'), lines.slice(lines.length >> 1).join('\n')]);
    const years = [2021, 2022, 2023, 2024, null];
    const units: UnitKind[] = ['bureau', 'town', 'community', 'school'];
    const orgs = ['县民政局', '青石镇人民政府', '__社区', null, '城南第二中学', '市商务局'];
    const docs: FixtureDoc[] = texts.map((text, i) => ({
      title: text.split('\n')[0] ?? '',
      year: years[i % years.length]!,
      doc_type: DOC_TYPES[(i >> 1) % DOC_TYPES.length]!,
      org: orgs[i % orgs.length]!,
      unit_type: units[(i * 7) % units.length] ?? UNIT_KINDS[0],
      source_path: `grid/${i}.txt`,
      text,
    }));
    db = await openEmptyCorpus();
    await appendTables(db.conn, fixtureRows(docs), 'corpus');
    await writeAggregates(db.conn, 'corpus', 8);
    corpus = await readCorpus(db);
  });
  afterAll(() => db?.close());

  it('every filtered figure equals the one counted over the documents; a top list is exact or says it is not', async () => {
    expect(corpus.docs.length).toBeGreaterThan(20);
    const { exact, fallback } = await checkAll(db, corpus);
    expect(exact).toBeGreaterThan(0);
    expect(fallback).toBeGreaterThan(0);
  });
});
