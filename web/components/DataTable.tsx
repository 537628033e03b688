/**
 * A sortable table with paging and CSV/XLSX export. Sorting can live in the URL (pass `sort` and
 * `onSort`) or inside the table. A large table is sorted and paged by the database instead (`paged`):
 * the table then shows the rows it is given, asks for more, and exports all of them. Cells render as
 * React text; nothing is injected as HTML.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { Cell, CellFormat, TableData } from '../export/table-data';
import type { ParamName } from '../app/params';
import { useRoute } from '../app/useRoute';
import { useI18n } from '../app/useI18n';
import { ExportButtons } from './ExportButtons';

/** One column: how to read, show, sort and export it. */
export interface Column<R> {
  key: string;
  label: string;
  value: (r: R) => Cell;
  render?: (r: R) => ReactNode;
  numeric?: boolean;
  /** Show numbers as written (years, ids): no grouping separators. */
  plain?: boolean;
  className?: string;
  sortable?: boolean;
  /** How the number is exported (a `percent` column holds fractions). */
  format?: CellFormat;
  /** Exported but not shown (document ids and source files in tables whose rows are documents). */
  exportOnly?: boolean;
}

/** A sort: column key and direction. */
export interface SortState {
  key: string;
  desc: boolean;
}

/** Parse `key:desc` / `key:asc`. */
export function parseSort(s: string | null, fallback: SortState): SortState {
  if (!s) return fallback;
  const [key, dir] = s.split(':');
  return key ? { key, desc: dir !== 'asc' } : fallback;
}

/** Write a sort as `key:desc` / `key:asc`. */
export function formatSort(s: SortState): string {
  return `${s.key}:${s.desc ? 'desc' : 'asc'}`;
}

function compare(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/** The data of a table for export, in the order shown (export-only columns included). */
export function tableData<R>(columns: readonly Column<R>[], rows: readonly R[]): TableData {
  return { header: columns.map((c) => c.label), rows: rows.map((r) => columns.map((c) => c.value(r))), formats: columns.map((c) => c.format) };
}

/** Rows sorted and paged by the database: `rows` are the first of `total`, in the order of the table's sort. */
export interface Paged<R> {
  total: number;
  /** Ask for the next rows (`rows` grows). */
  onMore(): void;
  /** Every row, in order, for an export. */
  all(): Promise<readonly R[]>;
}

/** The table. */
export function DataTable<R>({
  columns: allColumns,
  rows,
  name,
  sort,
  onSort,
  sortParam,
  defaultSort,
  pageSize = 50,
  onRowClick,
  rowKey,
  selectedKey,
  toolbar,
  title,
  caption,
  paged,
}: {
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** File name stem for exports. */
  name: string;
  sort?: SortState | null;
  onSort?: (s: SortState) => void;
  /** Keep the sort in the URL under this parameter (instead of `sort`/`onSort`). */
  sortParam?: ParamName;
  defaultSort?: SortState;
  pageSize?: number;
  onRowClick?: (r: R) => void;
  rowKey?: (r: R) => string;
  selectedKey?: string | null;
  toolbar?: ReactNode;
  /** Title written into exports (defaults to `name`). */
  title?: string;
  /** What the numbers rest on, written into exports. */
  caption?: string;
  /** The database sorts and pages the rows (sort through `sort`/`onSort` or `sortParam`). */
  paged?: Paged<R>;
}) {
  const columns = useMemo(() => allColumns.filter((c) => !c.exportOnly), [allColumns]);
  const { t, num } = useI18n();
  const { param, setParams } = useRoute();
  const [ownSort, setOwnSort] = useState<SortState | null>(defaultSort ?? null);
  const [shown, setShown] = useState(pageSize);
  const fromUrl = sortParam ? parseSort(param(sortParam), defaultSort ?? { key: '', desc: false }) : undefined;
  const active = sort !== undefined ? sort : fromUrl !== undefined ? fromUrl : ownSort;
  const setSort = onSort ?? (sortParam ? (s: SortState) => setParams({ [sortParam]: formatSort(s) }, { replace: true }) : setOwnSort);
  // keyed on the sort's fields: `active` is a new object at each render when it comes from the URL
  const sortKey = active?.key ?? null;
  const sortDesc = active?.desc ?? false;
  const sorted = useMemo(() => {
    const col = sortKey === null ? undefined : allColumns.find((c) => c.key === sortKey);
    if (!col || paged) return rows;
    const out = [...rows].sort((a, b) => compare(col.value(a), col.value(b)));
    return sortDesc ? out.reverse() : out;
  }, [rows, allColumns, sortKey, sortDesc, paged]);
  const visible = paged ? rows : sorted.slice(0, shown);
  const total = paged ? paged.total : rows.length;
  const more = Math.min(pageSize * 4, total - visible.length);
  return (
    <div className="table-wrap">
      <div className="table-toolbar">
        <span className="muted">{t('rows', { n: num(total) })}</span>
        {toolbar}
        <span className="spacer" />
        <ExportButtons
          name={name}
          title={title}
          caption={caption}
          table={paged ? async () => tableData(allColumns, await paged.all()) : () => tableData(allColumns, sorted)}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {columns.map((c) => {
                const isSorted = active?.key === c.key;
                const canSort = c.sortable !== false;
                return (
                  <th
                    key={c.key}
                    className={[c.numeric ? 'num' : '', canSort ? 'sortable' : '', c.className ?? ''].join(' ')}
                    aria-sort={isSorted ? (active?.desc ? 'descending' : 'ascending') : undefined}
                    onClick={canSort ? () => setSort({ key: c.key, desc: isSorted ? !active?.desc : !!c.numeric }) : undefined}
                  >
                    {c.label}
                    {isSorted && <span className="sort-mark">{active?.desc ? '▼' : '▲'}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((r, i) => {
              const key = rowKey ? rowKey(r) : String(i);
              return (
                <tr
                  key={key}
                  data-key={key}
                  className={[onRowClick ? 'clickable' : '', selectedKey === key ? 'selected' : ''].join(' ')}
                  onClick={onRowClick ? () => onRowClick(r) : undefined}
                >
                  {columns.map((c) => (
                    <td key={c.key} className={[c.numeric ? 'num' : '', c.className ?? ''].join(' ')}>
                      {c.render ? c.render(r) : formatCell(c.value(r), num, c.plain)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {more > 0 && (
        <button type="button" className="btn btn-link" data-action="show-more" onClick={() => (paged ? paged.onMore() : setShown(shown + pageSize * 4))}>
          {t('showMore', { n: num(more) })}
        </button>
      )}
    </div>
  );
}

function formatCell(v: Cell, num: (n: number, d?: number) => string, plain?: boolean): ReactNode {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number' && plain) return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? num(v) : num(v, 2);
  return String(v);
}
