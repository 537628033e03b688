import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsOf, RAW, ROOT } from './helpers';

/** A document as a careful reader describes it. `title: null` = it has no title of its own. */
interface GoldenDoc {
  title: string | null;
  /** For an untitled report that names itself (现将…总结如下): the title made from that. */
  inferred_title?: string;
  year: number | null;
  doc_type: string;
  org: string | null;
  unit_type: string;
  first20: string;
  last20: string;
}

const GOLDEN = join(ROOT, 'test/fixtures/golden');

describe('segmentation golden files (written from a human reading of each sample file)', () => {
  it('has a golden file for every sample file', () => {
    const raw = readdirSync(RAW)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.replace(/\.txt$/, ''));
    expect(
      readdirSync(GOLDEN)
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    ).toEqual(raw.sort());
  });

  for (const file of readdirSync(GOLDEN)) {
    it(file.replace(/\.json$/, ''), () => {
      const expected = (JSON.parse(readFileSync(join(GOLDEN, file), 'utf8')) as { documents: GoldenDoc[] }).documents;
      const actual = documentsOf(file.replace(/\.json$/, '.txt')).map((d, i) => ({
        title: d.titleInferred ? null : d.title,
        ...(expected[i]?.inferred_title !== undefined ? { inferred_title: d.title } : {}),
        year: d.year,
        doc_type: d.docType,
        org: d.org,
        unit_type: d.unitType,
        first20: d.text.slice(0, 20),
        last20: d.text.slice(-20),
      }));
      expect(actual).toEqual(expected);
    });
  }
});
