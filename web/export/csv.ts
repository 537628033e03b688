/**
 * CSV that Excel and WPS open correctly: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
 * quoting, and text cells that a spreadsheet would run as a formula neutralised (OWASP: a leading
 * `= + - @`, tab or carriage return gets a `'` in front, also when spaces, line breaks, zero-width
 * characters or a BOM come first, and for the full-width `＝ ＋ － ＠` that spreadsheets accept as
 * formula starts). Numbers are written as numbers; a percent column as `87.8%` (rounded to 0.1 %),
 * which spreadsheets read back as the number 0.878 formatted as percent.
 */
import type { Cell, CellFormat, TableData } from './table-data';

/** The byte-order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

/**
 * A formula start, perhaps behind characters a spreadsheet skips or a reader cannot see (whitespace,
 * line breaks, zero-width and bidi marks, BOM), half or full width.
 */
const FORMULA_START = /^[\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

/** A text cell made safe to open in a spreadsheet. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A percentage rounded to 0.1 %, as Excel and WPS read it back: a number formatted as percent. */
export function csvPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

function cell(v: Cell, format?: CellFormat): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && format === 'percent') return Number.isFinite(v) ? csvPercent(v) : '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const safe = neutralise(v);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole CSV file as text, BOM included. */
export function toCsv(table: TableData): string {
  const lines = [table.header.map((h) => cell(h)), ...table.rows.map((row) => row.map((v, i) => cell(v, table.formats?.[i])))].map((row) => row.join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
