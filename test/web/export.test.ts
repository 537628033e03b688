/** CSV and XLSX exports read back the way a spreadsheet would. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BOM, neutralise, toCsv } from '../../web/export/csv';
import { pivot, type TableData } from '../../web/export/table-data';
import { columnName, sheetName, toXlsx, xmlText } from '../../web/export/xlsx';

const TABLE: TableData = {
  header: ['词语', '频次', '说明'],
  rows: [
    ['学习强国', 12, '充分运用"学习强国",组织学习'],
    ['=SUM(A1:A2)', -3.5, '+1'],
    ['@cmd', null, '-负面'],
    ['\tTAB', 0, 'line1\nline2'],
    ['<b>&', true, undefined],
  ],
};

/** A tiny RFC 4180 reader, enough to read our own output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cur);
      cur = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
      i++;
    } else cur += c;
  }
  return rows;
}

describe('CSV export', () => {
  const csv = toCsv(TABLE);
  const rows = parseCsv(csv.slice(1));

  it('starts with a UTF-8 BOM and keeps Chinese intact', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toEqual(['词语', '频次', '说明']);
    expect(rows[1]).toEqual(['学习强国', '12', '充分运用"学习强国",组织学习']);
  });

  it('neutralises text that a spreadsheet would run as a formula, not numbers', () => {
    expect(rows[2]).toEqual(["'=SUM(A1:A2)", '-3.5', "'+1"]);
    expect(rows[3]).toEqual(["'@cmd", '', "'-负面"]);
    expect(rows[4]).toEqual(["'\tTAB", '0', 'line1\nline2']);
    expect(neutralise('\rx')).toBe("'\rx");
    expect(neutralise('正常')).toBe('正常');
  });

  it('writes one line per row with CRLF', () => {
    expect(rows).toHaveLength(TABLE.rows.length + 1);
    expect(rows[5]).toEqual(['<b>&', 'true', '']);
  });
});

describe('XLSX export', () => {
  const files = unzipSync(toXlsx(TABLE, '主题×年份: 2024/2023'));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());

  it('is a zip with the parts Excel needs', () => {
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())).toContain('name="主题×年份  2024 2023"');
  });

  it('writes strings inline and numbers as numbers', () => {
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">词语</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>12</v></c>');
    expect(sheet).toContain('<c r="B3"><v>-3.5</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">=SUM(A1:A2)</t>');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<c r="A6" t="inlineStr"><is><t xml:space="preserve">&lt;b&gt;&amp;</t></is></c>');
    expect(sheet).toContain('<c r="B6" t="b"><v>1</v></c>');
    expect(sheet.match(/<row /g)).toHaveLength(6);
  });

  it('names columns and sheets the way Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sheetName('')).toBe('Sheet1');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(xmlText('a\u0001b\u0008c')).toBe('abc');
  });
});

describe('pivot', () => {
  it('turns long rows into a wide table with empty missing cells', () => {
    const t = pivot(
      [
        { th: 'A', y: '2023', v: 1 },
        { th: 'A', y: '2024', v: 2 },
        { th: 'B', y: '2024', v: 3 },
      ],
      (r) => r.th,
      (r) => r.y,
      (r) => r.v,
      '主题',
    );
    expect(t.header).toEqual(['主题', '2023', '2024']);
    expect(t.rows).toEqual([
      ['A', 1, 2],
      ['B', null, 3],
    ]);
  });
});
