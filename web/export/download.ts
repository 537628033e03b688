/** Save exports in the browser: tables as CSV or XLSX, charts as PNG (captioned by `png.ts`). */
import { toCsv } from './csv';
import type { TableData } from './table-data';
import { toXlsx } from './xlsx';

/** A file name safe on every system: `reportscope-<name>.<ext>`. */
function exportFileName(name: string, ext: string): string {
  const clean = name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'export';
  return `reportscope-${clean}.${ext}`;
}

function save(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download plain UTF-8 text (no BOM: a word list a tool reads, such as a tokenizer's user dictionary). */
export function saveText(text: string, name: string, ext: string): void {
  saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), exportFileName(name, ext));
}

/** Download a table as UTF-8 CSV with BOM. */
export function downloadCsv(table: TableData, name: string): void {
  saveBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), exportFileName(name, 'csv'));
}

/** Download a table as an Excel workbook. */
export function downloadXlsx(table: TableData, name: string): void {
  const bytes = toXlsx(table, name);
  const blob = new Blob([bytes.buffer as ArrayBuffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  saveBlob(blob, exportFileName(name, 'xlsx'));
}

/** Download PNG bytes (a captioned chart from `png.ts`). */
export function downloadPngBytes(bytes: Uint8Array, name: string): void {
  saveBlob(new Blob([bytes.buffer as ArrayBuffer], { type: 'image/png' }), exportFileName(name, 'png'));
}
