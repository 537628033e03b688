/**
 * Kinds of copying on the collection of `kinds-fixture.ts` (vertical, self, horizontal, template): the
 * rule on its own, then the real ingest writing the database and the pairs and shares read back.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { runIngest } from '../../ingest/pipeline';
import { copyKind, unitLevel, verticalWay } from '../../ingest/stages/reuse/kinds';
import { buildDocReuse } from '../../ingest/stages/reuse/doc-reuse';
import { Hits } from '../../ingest/stages/reuse/hit';
import { LEXICON } from './fixtures';
import { queryDb, ROOT } from '../ingest/helpers';
import { tempDir } from '../fixtures/temp';
import { DOWN, OWN, PEER, TEMPLATE, writeKindsFixture } from './kinds-fixture';

describe('kinds of copying, by rule', () => {
  const doc = (unit: string, unitType: 'bureau' | 'town' | 'community', homeCode: string | null, homeLevel: 'county' | 'town' | null) => ({
    unit,
    unitType,
    homeCode,
    homeLevel,
  });
  const county = doc('嘉禾县委宣传部', 'bureau', '431024', 'county');
  const town = doc('塘村镇', 'town', '431024101', 'town');
  const otherTown = doc('仁义镇', 'town', '431021102', 'town');
  it('reads levels from the unit kind, else from the home', () => {
    expect([unitLevel(county), unitLevel(town), unitLevel(doc('x社区', 'community', null, null)), unitLevel(doc('某局', 'bureau', null, null))]).toEqual([
      3,
      4,
      5,
      null,
    ]);
  });
  it('self before vertical before template before horizontal', () => {
    expect(copyKind(town, { ...town }, 5, 3)).toBe('self');
    expect(copyKind(county, town, 5, 3)).toBe('vertical');
    expect(verticalWay(county, town)).toBe('down');
    expect(verticalWay(town, county)).toBe('up');
    // a town of another county is not below this county: peers or a template
    expect(copyKind(county, otherTown, 2, 3)).toBe('horizontal');
    expect(copyKind(town, otherTown, 3, 3)).toBe('template');
    expect(copyKind(town, otherTown, 2, 3)).toBe('horizontal');
  });
});

describe('kinds of copying at scale', () => {
  it('counts a document that shares 300,000 passages with one partner (the earliest copy of a template at 100,000 documents)', () => {
    // each passage two characters, one apart: [3h, 3h + 2) in both documents
    const n = 300_000;
    const hits = new Hits(n);
    for (let h = 0; h < n; h++) {
      for (const o of [2 * h, 2 * h + 1]) {
        hits.doc[o] = o & 1;
        hits.start[o] = hits.spanStart[o] = 3 * h;
        hits.end[o] = hits.spanEnd[o] = 3 * h + 2;
      }
    }
    const text = '学'.repeat(3 * n);
    const docs = [
      { docId: 1, text, year: 2022, org: '甲镇', unitType: 'town' as const },
      { docId: 2, text, year: 2023, org: '乙镇', unitType: 'town' as const },
    ];
    const cluster = {
      clusterId: 1,
      representative: '学学',
      nDocs: 2,
      firstYear: 2022,
      lastYear: 2023,
      totalChars: 4 * n,
      kind: 'copy' as const,
      nUnits: 2,
      reason: 'pair' as const,
    };
    const { docReuse, pairs } = buildDocReuse(
      hits,
      new Int32Array(n),
      [cluster],
      { docs, codes: [] },
      { directionMinChars: 200, templateMinUnits: 3 },
      LEXICON,
    );
    // two towns of unknown places, two units in the cluster: peers
    expect(docReuse.map((d) => [d.docId, d.reusedChars, d.kindChars.horizontal, d.direction])).toEqual([
      [1, 2 * n, 2 * n, 'source'],
      [2, 2 * n, 2 * n, 'copy'],
    ]);
    expect(pairs).toEqual([{ docA: 1, docB: 2, charsA: 2 * n, charsB: 2 * n, passages: n, kind: 'horizontal', way: null }]);
  });
});

describe('kinds of copying, through the ingest', () => {
  let db: string;
  beforeAll(async () => {
    const dir = tempDir('kinds');
    writeKindsFixture(join(dir, 'in'));
    db = join(dir, 'corpus.duckdb');
    await runIngest(defaultConfig(ROOT, { input: join(dir, 'in'), db }));
  }, 120_000);

  const pairs = () =>
    queryDb<{ a: string; b: string; kind: string; way: string | null }>(
      db,
      `SELECT da.source_path AS a, db.source_path AS b, p.kind, p.way FROM reuse_pairs p
       JOIN documents da ON da.doc_id = p.doc_a JOIN documents db ON db.doc_id = p.doc_b ORDER BY a, b`,
    );

  it('finds each pair with its kind, the source first', async () => {
    expect(await pairs()).toEqual([
      { a: 'county_2022.txt', b: 'tangcun_2022.txt', kind: 'vertical', way: 'down' },
      { a: 'county_2022.txt', b: 'zhuquan_2022.txt', kind: 'vertical', way: 'down' },
      { a: 'jinshan_2023.txt', b: 'longtan_2023.txt', kind: 'template', way: null },
      { a: 'jinshan_2023.txt', b: 'xiangyang_2023.txt', kind: 'template', way: null },
      { a: 'longtan_2023.txt', b: 'xiangyang_2023.txt', kind: 'template', way: null },
      { a: 'renyi_2023.txt', b: 'xinglang_2023.txt', kind: 'horizontal', way: null },
      // the two towns copied the same county paragraph: between them it is a template (three units share it)
      { a: 'tangcun_2022.txt', b: 'zhuquan_2022.txt', kind: 'template', way: null },
      { a: 'yuanjia_2022.txt', b: 'yuanjia_2023.txt', kind: 'self', way: null },
    ]);
  });

  it("splits each document's recycled characters by kind, each character counted once", async () => {
    const rows = await queryDb<{ path: string; reused: number; self: number; vertical: number; template: number; horizontal: number; self_earlier: number }>(
      db,
      `SELECT d.source_path AS path, r.reused_chars AS reused, r.self_chars AS self, r.vertical_chars AS vertical,
              r.template_chars AS template, r.horizontal_chars AS horizontal, r.self_earlier_chars AS self_earlier
       FROM doc_reuse r JOIN documents d USING (doc_id) ORDER BY path`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.path, r]));
    for (const r of rows) expect(r.self + r.vertical + r.template + r.horizontal, r.path).toBe(r.reused);
    // the town's copy of the county paragraph is vertical, though the other town shares it too; the two
    // towns also share the full stop and the numeral of the next heading (二、), which the county has not
    const county = DOWN.replace(/[，；、。]/gu, '').length;
    expect(by['tangcun_2022.txt']).toMatchObject({ self: 0, horizontal: 0 });
    expect(by['tangcun_2022.txt']!.vertical).toBeGreaterThanOrEqual(county);
    expect(by['tangcun_2022.txt']!.template).toBeLessThanOrEqual(3);
    expect(by['yuanjia_2023.txt']).toMatchObject({ vertical: 0, template: 0, horizontal: 0 });
    expect(by['yuanjia_2023.txt']!.self).toBeGreaterThanOrEqual(OWN.length - 10);
    // the 2023 report took it from the unit's 2022 report; the 2022 report took nothing from its past
    expect(by['yuanjia_2023.txt']!.self_earlier).toBe(by['yuanjia_2023.txt']!.self);
    expect(by['yuanjia_2022.txt']!.self_earlier).toBe(0);
    expect(by['yuanjia_2022.txt']!.self).toBe(by['yuanjia_2023.txt']!.self);
    expect(by['xinglang_2023.txt']!.horizontal).toBeGreaterThanOrEqual(PEER.length - 10);
    expect(by['longtan_2023.txt']!.template).toBeGreaterThanOrEqual(TEMPLATE.length - 10);
  });
});
