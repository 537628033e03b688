/** The `sql` template: parameters numbered in order through nested fragments, integers cast. */
import { describe, expect, it } from 'vitest';
import { ident, render, sql, textList } from '../../web/queries/sql';

describe('sql template', () => {
  it('numbers parameters through nested fragments', () => {
    const inner = sql`b = ${'x'} AND c = ${2.5}`;
    const q = sql`SELECT * FROM ${ident('corpus', 'documents')} WHERE a = ${1} AND ${inner} AND d IS ${null}`;
    expect(render(q)).toEqual({
      text: 'SELECT * FROM "corpus"."documents" WHERE a = $1::BIGINT AND b = $2 AND c = $3 AND d IS $4',
      params: [1, 'x', 2.5, null],
    });
  });

  it('never splices values into the text', () => {
    const evil = "'; DROP TABLE documents; --";
    const { text, params } = render(sql`SELECT ${evil}`);
    expect(text).toBe('SELECT $1');
    expect(params).toEqual([evil]);
  });

  it('passes a list as one parameter, split again in SQL', () => {
    expect(render(sql`list_contains(${textList(['a', "b'; --"])}, x)`)).toEqual({
      text: 'list_contains(string_split($1, chr(31)), x)',
      params: ["a\u001fb'; --"],
    });
  });

  it('quotes identifiers', () => {
    expect(render(ident('we"ird')).text).toBe('"we""ird"');
    expect(render(ident('d', 'doc_type')).text).toBe('"d"."doc_type"');
  });
});
