/**
 * Exports that stand alone: percentages as numbers with a percent format in XLSX and rounded in CSV,
 * column widths, a sheet with title, filters, date and n, and PNG files carrying their caption.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvPercent, toCsv } from '../../web/export/csv';
import { readPngText, withPngText, crc32 } from '../../web/export/png-text';
import type { TableData } from '../../web/export/table-data';
import { ABOUT_SHEET, columnWidths, toXlsx } from '../../web/export/xlsx';

/** A recycled-share table as the Boilerplate view exports it (rows are documents). */
const SHARES: TableData = {
  header: ['编号', '标题', '年份', '复用比', '共享字数', '源文件'],
  rows: [
    [7, '2024年某社区意识形态工作总结', 2024, 0.8777777777777778, 1234, 'raw/007_b.txt'],
    [3, '2023年工作要点', 2023, 0.05, 80, 'raw/003_a.txt'],
    [9, '无复用', null, null, 0, 'raw/009.txt'],
  ],
  formats: [undefined, undefined, undefined, 'percent', 'integer', undefined],
  meta: {
    lines: [
      ['标题', '各文档复用比排名'],
      ['筛选', '年份 2023–2024'],
      ['样本', '3 篇文档,9,000 字'],
      ['导出时间', '2026-11-30 08:00:00'],
    ],
  },
};

describe('CSV export of percentages', () => {
  it('rounds a fraction to 0.1 % and writes it as a percent spreadsheets read back as a number', () => {
    expect(csvPercent(0.8777777777777778)).toBe('87.8%');
    expect(csvPercent(0.05)).toBe('5%');
    const lines = toCsv(SHARES).slice(1).split('\r\n');
    expect(lines[0]).toBe('编号,标题,年份,复用比,共享字数,源文件');
    expect(lines[1]).toBe('7,2024年某社区意识形态工作总结,2024,87.8%,1234,raw/007_b.txt');
    expect(lines[3]).toBe('9,无复用,,,0,raw/009.txt');
  });
});

describe('XLSX export that stands alone', () => {
  const files = unzipSync(toXlsx(SHARES, 'recycled-share'));
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const sheet = text('xl/worksheets/sheet1.xml');

  it('keeps shares as numbers with a percent format, counts with a thousands format', () => {
    expect(sheet).toContain('<c r="D2" s="2"><v>0.8777777777777778</v></c>');
    expect(sheet).toContain('<c r="E2" s="3"><v>1234</v></c>');
    expect(text('xl/styles.xml')).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
    expect(text('xl/styles.xml')).toMatch(/<cellXfs count="5">(<xf[^>]*\/>){2}<xf numFmtId="164" applyNumberFormat="1"\/>/);
    // document ids and source files are in the table
    expect(sheet).toContain('<c r="A2"><v>7</v></c>');
    expect(sheet).toContain('raw/007_b.txt');
  });

  it('sets column widths from the content (a Han character counts two)', () => {
    expect(sheet).toMatch(/<cols><col min="1" max="1" width="\d+" customWidth="1"\/>/);
    const widths = columnWidths(SHARES);
    expect(widths[1]).toBe(2 * '2024年某社区意识形态工作总结'.replace(/\d/g, '').length + 4 + 2);
    expect(widths[0]).toBe(6);
  });

  it('adds a sheet with the title, the filters, the sample and the date', () => {
    expect(text('xl/workbook.xml')).toContain(`<sheet name="${ABOUT_SHEET}" sheetId="2" r:id="rId2"/>`);
    expect(text('[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
    expect(text('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet2.xml"');
    const about = text('xl/worksheets/sheet2.xml');
    for (const s of ['各文档复用比排名', '年份 2023–2024', '3 篇文档,9,000 字', '2026-11-30 08:00:00']) expect(about).toContain(s);
  });

  it('writes one sheet when there is nothing to say about the table', () => {
    const plain = unzipSync(toXlsx({ header: ['a'], rows: [[1]] }, 'x'));
    expect(Object.keys(plain)).not.toContain('xl/worksheets/sheet2.xml');
  });
});

describe('PNG captions', () => {
  // the smallest valid PNG: 1×1 grey pixel
  const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

  it('stores title and description as UTF-8 text chunks with valid CRCs', () => {
    const out = withPngText(PNG, { Title: '主题 × 年份(每万字出现次数)', Description: '筛选:全部\n样本:12 篇文档' });
    expect([...out.subarray(0, 8)]).toEqual([...PNG.subarray(0, 8)]);
    expect(readPngText(out)).toEqual({ Title: '主题 × 年份(每万字出现次数)', Description: '筛选:全部\n样本:12 篇文档' });
    // every chunk's CRC holds
    const view = new DataView(out.buffer);
    for (let pos = 8; pos < out.length;) {
      const len = view.getUint32(pos);
      expect(view.getUint32(pos + 8 + len)).toBe(crc32(out.subarray(pos + 4, pos + 8 + len)));
      pos += 12 + len;
    }
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});
