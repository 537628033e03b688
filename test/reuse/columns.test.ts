import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBy, orderByKeys } from '../../ingest/stages/reuse/columns';
import { Hits } from '../../ingest/stages/reuse/hit';
import { charsByPriority, unionChars } from '../../ingest/stages/reuse/spans';

describe('columns of the reuse stage', () => {
  it('orderByKeys is the stable sort of the rows by their keys, the first the most significant', () => {
    const cell = fc.integer({ min: 0, max: 300 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell)), (rows) => {
        // Array.prototype.sort is stable: ties keep row order
        const expected = rows.map((_, i) => i).sort((x, y) => rows[x]![0] - rows[y]![0] || rows[x]![2] - rows[y]![2]);
        const order = orderByKeys(rows.length, [(r) => rows[r]![0], (r) => rows[r]![2]]);
        expect(Array.from(order)).toEqual(expected);
      }),
    );
  });

  it('charsByPriority counts each non-space character once, under the first list that covers it', () => {
    // a text with spaces and line breaks among its characters, and up to five lists of spans over it
    const text = '意识 形态\n工作 责任制 落实\n到位 ';
    const span = fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length }));
    fc.assert(
      fc.property(fc.array(fc.array(span, { maxLength: 6 }), { maxLength: 5 }), (lists) => {
        // by hand: each character's first covering list
        const expected = lists.map(() => 0);
        for (let i = 0; i < text.length; i++) {
          if (/\s/u.test(text[i]!)) continue;
          const first = lists.findIndex((list) => list.some(([s, e]) => s <= i && i < e));
          if (first >= 0) expected[first]! += 1;
        }
        expect(charsByPriority(lists, text)).toEqual(expected);
        expect(unionChars(lists.flat(), text)).toBe(expected.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('groupBy lists each key’s rows in row order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 })), (keys) => {
        const { first, members } = groupBy(Int32Array.from(keys), 7);
        for (let k = 0; k < 7; k++) {
          const rows = keys.flatMap((key, row) => (key === k ? [row] : []));
          expect(Array.from(members.subarray(first[k]!, first[k + 1]!))).toEqual(rows);
        }
      }),
    );
  });

  it('a hit read back from the columns is the hit put in', () => {
    const list = [
      { a: 0, b: 3, seg: { aStart: 10, aEnd: 50, bStart: 4, bEnd: 46, edits: 2 }, spanA: [12, 60] as const, spanB: [5, 58] as const },
      { a: 2, b: 2, seg: { aStart: 0, aEnd: 30, bStart: 200, bEnd: 230, edits: 0 }, spanA: [0, 33] as const, spanB: [240, 275] as const },
    ];
    const hits = Hits.of(list);
    expect([hits.at(0), hits.at(1)]).toEqual(list);
    expect(Array.from(hits.doc)).toEqual([0, 3, 2, 2]);
    expect(hits.span(3)).toEqual([240, 275]);
  });
});
