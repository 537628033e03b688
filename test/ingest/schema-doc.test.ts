import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DOC, schemaDoc } from '../../scripts/schema-doc';
import { AGGREGATES, TABLES } from '../../common/schema';

describe('docs/schema.md', () => {
  it('is what common/schema.ts generates (run npm run schema-doc after changing the schema)', () => {
    expect(readFileSync(SCHEMA_DOC, 'utf8')).toBe(schemaDoc());
  });

  it('names every table and column of the schema', () => {
    const doc = schemaDoc();
    for (const t of [...Object.values(TABLES), ...Object.values(AGGREGATES)]) {
      expect(doc).toContain(`## \`${t.name}\``);
      for (const c of t.columns) expect(doc).toContain(`| \`${c.name}\` |`);
    }
  });
});
