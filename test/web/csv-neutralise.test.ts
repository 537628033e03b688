/** Formula-like CSV cells are neutralised also behind whitespace, invisible characters and in full width. */
import { describe, expect, it } from 'vitest';
import { neutralise } from '../../web/export/csv';

describe('neutralise', () => {
  const RUN: [string, string][] = [
    ['a leading space', ' =1+1'],
    ['a leading newline', '\n=1+1'],
    ['a leading CRLF and tab', '\r\n\t=1+1'],
    ['a zero-width space', '\u200b=HYPERLINK("http://x")'],
    ['a BOM', '\ufeff+1'],
    ['an ideographic space', '\u3000-1'],
    ['a no-break space before @', '\u00a0@SUM(A1)'],
    ['a full-width ＝', '＝1+1'],
    ['a full-width ＋', '＋1'],
    ['a full-width －', '－1'],
    ['a full-width ＠', '＠SUM(A1)'],
    ['spaces before a full-width ＝', '  ＝1'],
    ['a plain =', '=1+1'],
    ['a tab', '\tx'],
  ];
  it.each(RUN)('neutralises %s', (_name, cell) => expect(neutralise(cell)).toBe(`'${cell}`));

  const KEEP: string[] = ['学习强国', ' 学习强国', '2024年', 'a=b', '（一）加强理论学习', '一、=', '\u200b学习'];
  it.each(KEEP)('leaves %j alone', (cell) => expect(neutralise(cell)).toBe(cell));
});
