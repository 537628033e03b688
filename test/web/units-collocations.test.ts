/**
 * Comparing units and collocates, on the bundled sample ingested by the real pipeline: the dashboard's
 * queries (through the node connector) against counts made here from the per-document tables and the
 * sentences' text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { runIngest } from '../../ingest/pipeline';
import { runQuery } from '../../web/db/statement';
import { collocates } from '../../web/queries/collocations';
import { NO_FILTERS, type Filters } from '../../web/queries/filters';
import { groupKeyness } from '../../web/queries/trends';
import { logDice, mutualInformation } from '../../web/stats/collocation';
import { RAW, ROOT } from '../ingest/helpers';
import { openCorpusFile, type TestDb } from './node-connector';

const dir = mkdtempSync(join(tmpdir(), 'reportscope-units-'));
let db: TestDb;
const rows = async <T>(text: string) => (await db.connector.query(text, [])) as T[];

beforeAll(async () => {
  const config = defaultConfig(ROOT, { input: RAW, db: join(dir, 'corpus.duckdb') });
  await runIngest(config);
  db = await openCorpusFile(config.db);
}, 120_000);
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('comparing units', () => {
  it('counts each term of two unit kinds, and of two units, as the documents give them, from the cells or the documents', async () => {
    const docs = await rows<{ doc_id: number; unit_type: string; org: string | null; char_count: number; home_code: string | null }>(
      'SELECT doc_id, unit_type, org, char_count, home_code FROM corpus.documents',
    );
    const terms = await rows<{ doc_id: number; term: string; freq: number }>('SELECT doc_id, term, freq FROM corpus.doc_terms');
    const cases: [Filters, 'unit_type' | 'org', string, string | null][] = [
      [NO_FILTERS, 'unit_type', 'bureau', null],
      [NO_FILTERS, 'unit_type', 'bureau', 'town'],
      // a place filter: counted over the documents, not the cells
      [{ ...NO_FILTERS, places: ['43'] }, 'unit_type', 'town', null],
      [NO_FILTERS, 'org', '*局', null],
    ];
    for (const [f, by, a, b] of cases) {
      const kept = docs.filter((d) => f.places.length === 0 || (d.home_code !== null && f.places.some((p) => d.home_code!.startsWith(p))));
      const inA = new Set(kept.filter((d) => d[by] === a).map((d) => d.doc_id));
      const inB = new Set(kept.filter((d) => (b === null ? d[by] !== a : d[by] === b) && d[by] !== null).map((d) => d.doc_id));
      const got = await runQuery(db.connector, groupKeyness(f, { by, a, b, minFreq: 1 }));
      const label = `${by} ${a} / ${b ?? 'rest'} ${JSON.stringify(f.places)}`;
      if (inA.size === 0 || inB.size === 0) {
        expect(got, label).toEqual([]);
        continue;
      }
      const want = new Map<string, [number, number]>();
      for (const t of terms) {
        const e = want.get(t.term) ?? [0, 0];
        if (inA.has(t.doc_id)) e[0] += t.freq;
        if (inB.has(t.doc_id)) e[1] += t.freq;
        if (inA.has(t.doc_id) || inB.has(t.doc_id)) want.set(t.term, e);
      }
      expect(got.length, label).toBe(want.size);
      for (const r of got) expect([r.freq_a, r.freq_b], `${label} ${r.term}`).toEqual(want.get(r.term));
      const chars = (ids: Set<number>) => kept.filter((d) => ids.has(d.doc_id)).reduce((s, d) => s + d.char_count, 0);
      expect([got[0]!.chars_a, got[0]!.chars_b, got[0]!.docs_a, got[0]!.docs_b], label).toEqual([chars(inA), chars(inB), inA.size, inB.size]);
    }
  });
});

describe('collocates', () => {
  it('counts the sentences a term shares with the word, and scores them by log-Dice and MI', async () => {
    const node = '意识形态';
    const sentences = await rows<{ doc_id: number; st: string }>(
      `SELECT s.doc_id, lower(substring(d.text, s.start + 1, s."end" - s.start)) AS st FROM corpus.sentences s JOIN corpus.documents d USING (doc_id)`,
    );
    const got = await runQuery(db.connector, collocates(NO_FILTERS, node, 3));
    expect(got.length).toBeGreaterThan(5);
    const withNode = sentences.filter((s) => s.st.includes(node));
    // a sentence is searched for the terms of its own document (2+ characters, neither inside the node nor holding it),
    // a term not counted where it is only part of a longer such term the sentence holds
    const docTerms = await rows<{ doc_id: number; term: string }>('SELECT doc_id, term FROM corpus.doc_terms');
    const termsOf = new Map<number, string[]>();
    for (const t of docTerms)
      if (t.term.length >= 2 && !t.term.includes(node) && !node.includes(t.term)) termsOf.set(t.doc_id, [...(termsOf.get(t.doc_id) ?? []), t.term]);
    const inSentence = (s: { doc_id: number; st: string }) => {
      const here = (termsOf.get(s.doc_id) ?? []).filter((t) => s.st.includes(t));
      return here.filter((t) => !here.some((z) => z !== t && z.includes(t)));
    };
    const counts = (term: string) => withNode.filter((s) => inSentence(s).includes(term)).length;
    const texts = await rows<{ text: string }>('SELECT lower(text) AS text FROM corpus.documents');
    const occurrences = texts.reduce((n, d) => n + d.text.split(node).length - 1, 0);
    const [{ tokens }] = (await rows<{ tokens: number }>('SELECT sum(token_count)::DOUBLE AS tokens FROM corpus.documents')) as [{ tokens: number }];
    for (const c of got) {
      expect(c.together, c.term).toBe(counts(c.term));
      expect(logDice(c.together, c.node_freq, c.freq), c.term).toBeLessThanOrEqual(14.5);
      expect(c.together).toBeGreaterThanOrEqual(3);
      expect(c.term.includes(node) || node.includes(c.term)).toBe(false);
      expect([c.node_freq, c.tokens, c.searched_docs, c.searched_freq]).toEqual([occurrences, tokens, c.node_docs, occurrences]);
    }
    // the collocate sharing most sentences: its frequency is its doc_terms total, its scores as defined
    const work = got[0]!;
    const [{ freq }] = (await rows<{ freq: number }>(`SELECT sum(freq)::INTEGER AS freq FROM corpus.doc_terms WHERE term = '${work.term}'`)) as [
      { freq: number },
    ];
    expect(work.freq).toBe(freq);
    expect(logDice(work.together, work.node_freq, work.freq)).toBeCloseTo(14 + Math.log2((2 * work.together) / (occurrences + freq)), 10);
    expect(mutualInformation(work.together, work.node_freq, work.freq, tokens)).toBeCloseTo(Math.log2((work.together * tokens) / (occurrences * freq)), 10);
  });

  it('searches an even sample of the documents when the word is in more than the sample size, and says how many', async () => {
    const node = '意识形态';
    const all = await runQuery(db.connector, collocates(NO_FILTERS, node, 1));
    const few = await runQuery(db.connector, collocates(NO_FILTERS, node, 1, 3));
    expect(all[0]!.node_docs).toBeGreaterThan(3);
    expect(few[0]).toMatchObject({ node_docs: all[0]!.node_docs, searched_docs: 3, node_freq: all[0]!.node_freq });
    expect(few[0]!.searched_freq).toBeLessThan(all[0]!.node_freq);
    // the sample's counts are the full search's restricted to its documents: never more
    const full = new Map(all.map((c) => [c.term, c.together]));
    for (const c of few) expect(c.together, c.term).toBeLessThanOrEqual(full.get(c.term)!);
  });
});
