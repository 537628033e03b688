/**
 * The ingest on collections of invented sites it has never seen (test/fixtures/make/sites.ts: pages
 * with their own headers, footers, meta lines, decorations, repeated titles, advice paragraphs,
 * contents lists, hard-wrapped text layers, Traditional script), around bodies from the sample corpus.
 * The generator's sites are not the rule file's entries: the generic line shapes and the chrome
 * learned from the collection are what is tested, and the last block runs with the sample's own
 * site rules only, so that only learning can remove a site's header and footer. One collection is
 * saved as web pages (half of those sites marking their chrome with <nav>/<footer>, half with plain
 * <div>s), as analysts save them from a browser.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { runIngest } from '../../ingest/pipeline';
import { MIN_BODY_CHARS } from '../../ingest/stages/segment/index';
import { generateCollection, writeCollection, type GeneratedCollection } from '../fixtures/make/sites';
import { norm, scoreCollection, type CollectionScore, type IngestedDoc } from './collection-score';
import { queryDb, ROOT, sampleBodies } from './helpers';
import { tempDir } from '../fixtures/temp';

interface ReuseRow {
  doc_a: number;
  start_a: number;
  end_a: number;
  doc_b: number;
  start_b: number;
  end_b: number;
}

interface Run {
  collection: GeneratedCollection;
  docs: IngestedDoc[];
  reuse: ReuseRow[];
  score: CollectionScore;
}

const rows = queryDb;

/** Generate a collection, ingest it with the real pipeline into a real DuckDB file, and score it. */
async function ingestCollection(seed: number, wrapperRules?: string, html = false): Promise<Run> {
  const collection = generateCollection({ seed, sites: 12, pages: 100, bodies: sampleBodies() });
  const dir = tempDir('sites');
  writeCollection(join(dir, 'in'), collection, { html });
  const config = defaultConfig(ROOT, { input: join(dir, 'in'), db: join(dir, 'corpus.duckdb'), ...(wrapperRules ? { wrapperRules } : {}) });
  await runIngest(config);
  const docs = await rows<IngestedDoc>(
    config.db,
    'SELECT doc_id, source_path, title, year, doc_type, unit_type, char_count, text FROM documents ORDER BY doc_id',
  );
  const reuse = await rows<ReuseRow>(config.db, 'SELECT doc_a, start_a, end_a, doc_b, start_b, end_b FROM reuse');
  const score = scoreCollection(collection, docs);
  const pct = (n: number): string => `${((100 * n) / score.planted).toFixed(1)} %`;
  console.log(
    `seed ${seed}${wrapperRules ? ' (sample rules only)' : ''}${html ? ' (saved as web pages)' : ''}: ${collection.pages.length} pages, ${new Set(collection.pages.map((p) => p.site)).size} sites, ` +
      `${score.planted} planted, ${score.foundOnce} found once, ${score.extra.length} extra, ${score.survivingChrome.length} chrome lines left; ` +
      `type ${pct(score.typeRight)}, year ${pct(score.yearRight)}, unit kind ${pct(score.unitKindRight)}`,
  );
  return { collection, docs, reuse, score };
}

for (const [seed, html] of [
  [7, false],
  [11, false],
  [5, true],
] as const) {
  describe(`a collection of 100 pages from 12 invented sites (seed ${seed}${html ? ', two thirds of the sites saved as HTML' : ''})`, () => {
    let run: Run;
    beforeAll(async () => {
      run = await ingestCollection(seed, undefined, html);
    }, 120_000);

    it('brings every planted document out exactly once, and nothing else', () => {
      expect(run.collection.pages.length).toBe(100);
      expect(new Set(run.collection.pages.map((p) => p.site)).size).toBeGreaterThanOrEqual(10);
      expect(run.score.missing).toEqual([]);
      expect(run.score.extra.map((d) => `${d.source_path}: ${d.title}`)).toEqual([]);
    });

    it('leaves no chrome line in any document', () => {
      expect(run.score.survivingChrome).toEqual([]);
    });

    it('makes no document below the body threshold', () => {
      const short = run.docs.filter((d) => d.text.slice(d.text.indexOf('\n') + 1).replace(/\s+/gu, '').length < MIN_BODY_CHARS);
      expect(short.map((d) => d.title)).toEqual([]);
    });

    it('gets type and year right for at least 98 % of the documents and the unit kind for at least 97 %', () => {
      const { planted, typeRight, yearRight, unitKindRight, misses } = run.score;
      const detail = misses.map((m) => `${m.file} ${m.what}: ${String(m.expected)} ≠ ${String(m.got)}`).join('\n');
      expect(typeRight / planted, detail).toBeGreaterThanOrEqual(0.98);
      expect(yearRight / planted, detail).toBeGreaterThanOrEqual(0.98);
      expect(unitKindRight / planted, detail).toBeGreaterThanOrEqual(0.97);
    });

    it("links no two documents through their site's chrome: no reused passage holds a chrome line", () => {
      const byId = new Map(run.docs.map((d) => [d.doc_id, d]));
      const own = new Map<number, string>();
      for (const [planted, docId] of run.score.match) {
        const page = run.collection.pages.find((p) => p.relPath === planted.file)!;
        const text = norm(page.text);
        const body = text.slice(text.indexOf(norm(planted.first)), text.lastIndexOf(norm(planted.last)) + norm(planted.last).length);
        own.set(docId, norm(byId.get(docId)!.title) + body);
      }
      // chrome lines that are not also words of some document (意识形态工作 is both)
      const bodies = [...own.values()].join('\n');
      const chrome = run.collection.chromeLines.map(norm).filter((l) => l.length >= 6 && !bodies.includes(l));
      expect(run.reuse.length).toBeGreaterThan(0);
      for (const r of run.reuse) {
        for (const [doc, start, end] of [
          [r.doc_a, r.start_a, r.end_a],
          [r.doc_b, r.start_b, r.end_b],
        ] as const) {
          const passage = norm(byId.get(doc)!.text.slice(start, end));
          expect(
            chrome.filter((c) => passage.includes(c)),
            `${byId.get(doc)!.source_path}: ${passage.slice(0, 60)}`,
          ).toEqual([]);
        }
      }
    });
  });
}

describe("a site's own header and footer, with no rule but the sample's (learned from the collection)", () => {
  let run: Run;
  beforeAll(async () => {
    const rules = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(ROOT, 'data/rules/site-wrappers.json'), 'utf8'))) as {
      rules: { name: string }[];
    };
    // the rules written for the sample's own sites, none of the generic shapes
    const sampleOnly = rules.rules.slice(
      0,
      rules.rules.findIndex((r) => r.name === 'meta_fields'),
    );
    const file = join(tempDir('rules'), 'sample-rules.json');
    writeFileSync(file, JSON.stringify({ rules: sampleOnly }));
    run = await ingestCollection(7, file);
  }, 120_000);

  it('still brings every planted document out once', () => {
    expect(run.score.missing).toEqual([]);
  });

  it('removes the lines a site prints identically on three or more pages', () => {
    const pagesWith = new Map<string, number>();
    for (const p of run.collection.pages) for (const l of new Set(p.text.split('\n').map((x) => x.trim()))) pagesWith.set(l, (pagesWith.get(l) ?? 0) + 1);
    const chrome = new Set(run.collection.chromeLines);
    const recurring = run.collection.pages.flatMap((p) =>
      p.text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => chrome.has(l) && (pagesWith.get(l) ?? 0) >= 3),
    );
    const left = run.score.survivingChrome.filter((x) => (pagesWith.get(x.line.trim()) ?? 0) >= 3);
    console.log(`learned chrome: ${recurring.length} recurring chrome lines planted, ${left.length} left`);
    expect(recurring.length).toBeGreaterThan(300);
    expect(left.length / recurring.length).toBeLessThan(0.01);
  });
});
