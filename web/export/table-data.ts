/** A table ready for export: header labels and rows of plain cells. */

/** One exported cell: numbers stay numbers, strings stay text, null is empty. */
export type Cell = string | number | boolean | null | undefined;

/**
 * How a numeric column is written: `percent` holds fractions (0.8778) shown as 87.8 % (an XLSX percent
 * format; rounded to 0.1 % in CSV), `integer` whole numbers, `decimal` two decimals.
 */
export type CellFormat = 'percent' | 'integer' | 'decimal';

/** What an export says about itself: title, the filters and date it was made with, unit and n. */
export interface ExportMeta {
  /** Label / value lines, e.g. ["筛选", "2020–2024 · 计划"]. */
  readonly lines: readonly (readonly [string, string])[];
}

/** Header and rows, as every exporter takes them. */
export interface TableData {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** A format per column (undefined: as the value comes). */
  readonly formats?: readonly (CellFormat | undefined)[];
  /** Written on a second sheet of an XLSX file. */
  readonly meta?: ExportMeta;
}

/**
 * Pivot long rows to a wide table: one row per `rowKey`, one column per `colKey`, e.g. theme ×
 * year; missing cells are empty.
 */
export function pivot<R>(rows: readonly R[], rowKey: (r: R) => string, colKey: (r: R) => string, value: (r: R) => Cell, corner: string): TableData {
  const cols: string[] = [];
  const byRow = new Map<string, Map<string, Cell>>();
  for (const r of rows) {
    const c = colKey(r);
    if (!cols.includes(c)) cols.push(c);
    const k = rowKey(r);
    const m = byRow.get(k) ?? new Map<string, Cell>();
    m.set(c, value(r));
    byRow.set(k, m);
  }
  return {
    header: [corner, ...cols],
    rows: [...byRow].map(([k, m]) => [k, ...cols.map((c) => m.get(c) ?? null)]),
  };
}
