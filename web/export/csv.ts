/**
 * CSV that Excel and WPS open correctly: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
 * quoting, and text cells that a spreadsheet would run as a formula neutralised (OWASP: a leading
 * `= + - @`, tab or carriage return gets a `'` in front). Numbers are written as numbers.
 */
import type { Cell, TableData } from './table-data';

/** The byte-order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const safe = neutralise(v);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole CSV file as text, BOM included. */
export function toCsv(table: TableData): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(cell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
