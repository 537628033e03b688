/**
 * Reference texts: passages a document shares with a central-level text are quotation, reported in
 * `quotations` with offsets on both sides and left out of the copied share; copying between the same
 * documents still counts. Through the real ingest, with and without the reference folder, on the
 * collection of `references-fixture.ts`; an unreadable reference file is reported and skipped.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { runIngest, type IngestSummary } from '../../ingest/pipeline';
import { quietReporter } from '../../ingest/progress';
import { foldWidth } from '../../common/width';
import { queryDb, ROOT } from '../ingest/helpers';
import { tempDir } from '../fixtures/temp';
import { COPIED, QUOTED, QUOTED_2, writeReferencesFixture } from './references-fixture';

const punct = (s: string) => s.replace(/[，。、“”；]/gu, '').length;

describe('reference texts', () => {
  let withRefs: string;
  let without: string;
  let summary: IngestSummary;
  const warnings: string[] = [];
  beforeAll(async () => {
    const dir = tempDir('references');
    writeReferencesFixture(dir);
    writeFileSync(join(dir, 'references', 'scan.pdf'), 'not a pdf at all');
    withRefs = join(dir, 'with.duckdb');
    without = join(dir, 'without.duckdb');
    summary = await runIngest(defaultConfig(ROOT, { input: join(dir, 'in'), db: withRefs, references: join(dir, 'references') }), {
      ...quietReporter,
      warn: (m) => warnings.push(m),
    });
    await runIngest(defaultConfig(ROOT, { input: join(dir, 'in'), db: without, references: join(dir, 'none') }));
  }, 120_000);

  it('reads the readable reference files and names the unreadable one with its reason', async () => {
    expect(summary.references).toBe(1);
    expect(warnings.filter((w) => w.startsWith('reference scan.pdf: skipped: '))).toHaveLength(1);
    const refs = await queryDb(withRefs, 'SELECT ref_id, source_path, title FROM reference_texts');
    expect(refs).toEqual([{ ref_id: 1, source_path: 'central-opinion.txt', title: '关于加强新时代基层宣传思想文化工作的意见' }]);
  });

  it('lists each quotation with offsets that cut the same passage out of the document and the reference', async () => {
    const rows = await queryDb<{ doc: string; here: string; there: string }>(
      withRefs,
      `SELECT d.source_path AS doc, substring(d.text, q.start + 1, q."end" - q.start) AS here, substring(r.text, q.ref_start + 1, q.ref_end - q.ref_start) AS there
       FROM quotations q JOIN documents d USING (doc_id) JOIN reference_texts r USING (ref_id) ORDER BY doc`,
    );
    expect(rows.map((r) => r.doc)).toEqual(['baisha_2023.txt', 'longmen_2023.txt', 'qingshi_2023.txt']);
    for (const r of rows) expect(r.here).toBe(r.there);
    // (both sides are written as cleaning writes them: half-width punctuation)
    expect(foldWidth(QUOTED).startsWith(rows[0]!.here)).toBe(true);
    expect(foldWidth(QUOTED_2).startsWith(rows[1]!.here)).toBe(true);
    // the reuse table holds documents of the corpus only
    const [max] = await queryDb<{ m: number }>(withRefs, 'SELECT max(greatest(doc_a, doc_b)) AS m FROM reuse');
    expect(max?.m).toBeLessThanOrEqual(3);
  });

  it('leaves quotation out of the copied share and keeps the copying', async () => {
    const shares = async (db: string) =>
      Object.fromEntries(
        (
          await queryDb<{ doc: string; reused: number; quoted: number }>(
            db,
            'SELECT d.source_path AS doc, r.reused_chars AS reused, r.quoted_chars AS quoted FROM doc_reuse r JOIN documents d USING (doc_id)',
          )
        ).map((r) => [r.doc, r]),
      );
    const a = await shares(withRefs);
    const b = await shares(without);
    // with the reference text: the shared paragraph is quotation, the copied one still copying
    expect(a['qingshi_2023.txt']!.quoted).toBeGreaterThanOrEqual(QUOTED.length - 2);
    expect(Math.abs(a['qingshi_2023.txt']!.reused - COPIED.length)).toBeLessThanOrEqual(3);
    expect(a['longmen_2023.txt']).toMatchObject({ reused: 0 });
    expect(a['longmen_2023.txt']!.quoted).toBeGreaterThanOrEqual(QUOTED_2.length - 2);
    // without it: the two towns' shared quotation counts as copying too, and nothing is quotation
    expect(b['qingshi_2023.txt']!.reused).toBeGreaterThanOrEqual(a['qingshi_2023.txt']!.reused + punct(QUOTED));
    expect(Object.values(b).every((r) => r.quoted === 0)).toBe(true);
    const pairs = await queryDb(withRefs, 'SELECT kind FROM reuse_pairs');
    expect(pairs).toEqual([{ kind: 'horizontal' }]);
  });
});
