/**
 * Un-localised copying through the real ingest: 嘉禾县's plan kept 桂阳县's townships in the paragraph it
 * copied from 桂阳县's plan, and is flagged with each name and the source; 临武县, which put its own
 * townships in, and 桂阳县 itself are not.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { runIngest, type IngestSummary } from '../../ingest/pipeline';
import { tempDir } from '../fixtures/temp';
import { queryDb, ROOT } from './helpers';
import { GUIYANG_TOWNS, writeUnlocalisedFixture } from './unlocalised-fixture';

describe('un-localised text', () => {
  let db: string;
  let summary: IngestSummary;
  beforeAll(async () => {
    const dir = tempDir('unlocalised');
    writeUnlocalisedFixture(join(dir, 'in'));
    db = join(dir, 'corpus.duckdb');
    summary = await runIngest(defaultConfig(ROOT, { input: join(dir, 'in'), db }));
  }, 120_000);

  it('places each plan in its own county, whatever townships its body names', async () => {
    const homes = await queryDb<{ source_path: string; home_path: string }>(db, 'SELECT source_path, home_path FROM documents ORDER BY source_path');
    expect(homes).toEqual([
      { source_path: 'guiyang_2022.txt', home_path: '湖南省 郴州市 桂阳县' },
      { source_path: 'jiahe_2023.txt', home_path: '湖南省 郴州市 嘉禾县' },
      { source_path: 'linwu_2023.txt', home_path: '湖南省 郴州市 临武县' },
    ]);
  });

  it("flags the copy that kept 桂阳县's townships, each name with its source and offsets into the text", async () => {
    const rows = await queryDb<{ doc: string; name: string; code: string; source: string; span: string }>(
      db,
      `SELECT d.source_path AS doc, u.name, u.code, s.source_path AS source, substring(d.text, u.start + 1, u."end" - u.start) AS span
       FROM unlocalised u JOIN documents d USING (doc_id) JOIN documents s ON s.doc_id = u.source_doc ORDER BY d.source_path, u.start`,
    );
    expect(rows.map((r) => [r.doc, r.name, r.source])).toEqual(GUIYANG_TOWNS.map((t) => ['jiahe_2023.txt', t, 'guiyang_2022.txt']));
    for (const r of rows) {
      expect(r.span).toBe(r.name);
      expect(r.code.startsWith('431021')).toBe(true);
    }
    expect(summary.unlocalised).toBe(4);
    expect(summary.placed).toBe(3);
  });
});
