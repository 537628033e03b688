/** URL numbers outside what the database holds are ignored with a friendly message, not a SQL error. */
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../web/app/params';
import { filtersFromParams, ignoredParams, intParam } from '../../web/app/route';

describe('numbers in the URL', () => {
  const CASES: [string, number | null][] = [
    ['2024', 2024],
    ['-5', -5],
    ['2147483647', 2147483647],
    ['2147483648', null],
    ['99999999999999999999', null],
    ['-2147483649', null],
    ['1e3', null],
    ['abc', null],
  ];
  it.each(CASES)('reads %s as %s', (v, want) => expect(intParam(new URLSearchParams({ yf: v }), 'yf')).toBe(want));

  it('honours a narrower range', () => expect(intParam(new URLSearchParams({ ctx: '500' }), 'ctx', 5, 200)).toBeNull());

  it('drops an out-of-range year filter and says so', () => {
    const p = new URLSearchParams([
      [PARAMS.yearFrom, '99999999999'],
      [PARAMS.yearTo, '2024'],
      ['doc', '12'],
    ]);
    expect(filtersFromParams(p)).toMatchObject({ yearFrom: null, yearTo: 2024 });
    expect(ignoredParams(p)).toEqual([`${PARAMS.yearFrom}=99999999999: number out of range, ignored`]);
  });
});
