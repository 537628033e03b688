import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { runIngest } from '../../ingest/pipeline';
import { loadOverrides, parseCsv } from '../../ingest/stages/overrides';
import { RAW, ROOT } from './helpers';
import { tempDir } from '../fixtures/temp';

const dir = tempDir('overrides');
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('data/overrides.csv', () => {
  it('reads quoted cells with commas, doubled quotes and a BOM (as Excel and WPS save it)', () => {
    expect(parseCsv('\ufeffa,b\r\n"x,1","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x,1', 'say "hi"'],
    ]);
  });

  const BAD: [string, string, RegExp][] = [
    ['an unknown column', 'source_path,part_no,yaer\na.txt,1,2021\n', /bad\.csv:1: header .*unknown: yaer/],
    ['a year that is no year', 'source_path,part_no,year\na.txt,1,21\n', /bad\.csv:2: year "21" is not a four-digit year/],
    ['an unknown document type', 'source_path,doc_type\na.txt,report\n', /bad\.csv:2: doc_type "report" is not one of plan, summary, commentary, other/],
    ['an unknown unit kind', 'source_path,unit_type\na.txt,village\n', /bad\.csv:2: unit_type "village" is not one of bureau/],
    ['a document corrected twice', 'source_path,year\na.txt,2021\na.txt,2022\n', /bad\.csv:3: a\.txt part 1 is corrected twice \(also on line 2\)/],
  ];
  for (const [what, text, message] of BAD) {
    it(`refuses ${what}, naming the file and line`, () => {
      expect(() => loadOverrides(file('bad.csv', text))).toThrow(message);
    });
  }

  it('is optional: no file, no corrections', () => {
    expect(loadOverrides(join(dir, 'none.csv')).size).toBe(0);
  });

  it("changes a document's year, kind and unit in the database and records what was corrected", async () => {
    const overrides = file(
      'overrides.csv',
      'source_path,part_no,year,doc_type,unit_type,org,title\n001_2ed66e526de68ea1.txt,1,2022,,bureau,县委宣传部,\n002_037b8862a6aab3ed.txt,9,2020,,,,\n',
    );
    const warnings: string[] = [];
    const config = defaultConfig(ROOT, { input: RAW, db: join(dir, 'corpus.duckdb'), overrides });
    await runIngest(config, { log: () => {}, progress: () => {}, warn: (m: string) => warnings.push(m) });
    const instance = await DuckDBInstance.create(config.db, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    const rows = (
      await conn.runAndReadAll(`SELECT year, year_source, unit_type, org, corrected FROM documents WHERE source_path = '001_2ed66e526de68ea1.txt'`)
    ).getRowObjectsJS();
    const others = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM documents WHERE corrected IS NOT NULL`)).getRowObjectsJS();
    conn.closeSync();
    instance.closeSync();
    expect(rows).toEqual([{ year: 2022, year_source: 'override', unit_type: 'bureau', org: '县委宣传部', corrected: 'year,unit_type,org' }]);
    expect(others).toEqual([{ n: 1 }]);
    expect(warnings.some((w) => /overrides\.csv:3: no document 002_037b8862a6aab3ed\.txt part 9/.test(w))).toBe(true);
  }, 60_000);
});
