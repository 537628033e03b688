import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowValues, type RowOf } from '../../common/schema';
import { writeDatabase } from '../../ingest/stages/write';
import { tempDir } from '../fixtures/temp';

const DOC: RowOf<'documents'> = {
  doc_id: 1,
  source_path: 'a.txt',
  title: '青石镇2023年意识形态工作总结',
  year: 2023,
  doc_type: 'summary',
  org: '青石镇',
  text: '青石镇2023年意识形态工作总结\n今年以来,我镇认真落实意识形态工作责任制。',
  char_count: 36,
  token_count: 8,
  year_source: 'title',
  unit_type: 'town',
  part_no: 1,
  source_encoding: 'utf-8',
  title_inferred: false,
  corrected: null,
  home_code: '430726107',
  home_level: 'town',
  home_path: '湖南省 常德市 石门县 太平镇',
  home_evidence: '太平镇 ×2；石门县 ×1',
};

/** Rows a writer must refuse, and what the refusal names. */
const BAD: [string, Record<string, unknown>, RegExp][] = [
  [
    'two text columns swapped (year_source ↔ unit_type)',
    { ...DOC, year_source: 'town', unit_type: 'title' },
    /documents\.year_source: "town" is not one of title, opening, body, landmark/,
  ],
  ['a missing column', Object.fromEntries(Object.entries(DOC).filter(([k]) => k !== 'org')), /documents\.org: missing/],
  ['an extra column', { ...DOC, orgg: '青石镇' }, /documents: no column orgg/],
  ['a year given as text', { ...DOC, year: '2023' }, /documents\.year: expected an integer, got "2023"/],
  ['NULL where the column allows none', { ...DOC, doc_type: null }, /documents\.doc_type: NULL in a column that does not allow it/],
  [
    'a document type outside the allowed values',
    { ...DOC, doc_type: 'report' },
    /documents\.doc_type: "report" is not one of plan, summary, commentary, other/,
  ],
];

describe('rows by column name', () => {
  it('turns a good row into its values in column order', () => {
    expect(rowValues('documents', DOC)).toEqual(Object.values(DOC));
  });

  for (const [what, row, message] of BAD) {
    it(`refuses ${what}`, () => {
      expect(() => rowValues('documents', row as unknown as RowOf<'documents'>)).toThrow(message);
    });
  }

  it('refuses a swapped row in the database write and leaves the old database as it was', async () => {
    const dir = tempDir('write');
    const db = join(dir, 'corpus.duckdb');
    writeFileSync(db, 'the previous database');
    const before = statSync(db);
    const [, swapped] = BAD[0]!;
    await expect(writeDatabase(db, { documents: [swapped as unknown as RowOf<'documents'>] })).rejects.toThrow(/year_source/);
    const after = statSync(db);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
  });
});
