/**
 * Metadata corrections an analyst keeps in `data/overrides.csv`: one row per document, keyed by its
 * source file and its part (1 for a file of one document), with the corrected year, type, unit kind,
 * unit or title (an empty cell keeps what the ingest found). Applied after segmentation; the
 * document records which fields were corrected, and a corrected year has `year_source = 'override'`.
 */
import { existsSync } from 'node:fs';
import { readDataFile } from '../data-file';
import { DataFileError } from '../../common/data-file-error';
import { DOC_TYPES, UNIT_KINDS, type DocType, type UnitKind } from '../../common/schema';

/** The fields an override may correct, as they are named in the file's header. */
export const OVERRIDE_FIELDS = ['year', 'doc_type', 'unit_type', 'org', 'title'] as const;
/** One of {@link OVERRIDE_FIELDS}. */
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];

/** One row of the file: the corrections for one document. */
export interface Override {
  readonly line: number;
  readonly year?: number;
  readonly doc_type?: DocType;
  readonly unit_type?: UnitKind;
  readonly org?: string;
  readonly title?: string;
}

/** The corrections by `source_path` + part number. */
export type Overrides = ReadonlyMap<string, Override>;

/** The key of a document in {@link Overrides}. */
export const overrideKey = (sourcePath: string, part: number): string => `${sourcePath}\u0000${part}`;

/** Split CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\ufeff/u, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * Read the corrections file; a missing file means no corrections. A wrong header, an unknown type or
 * unit kind, a year that is no year or a row without its file is a user error naming the file and line.
 */
export function loadOverrides(path: string): Overrides {
  if (!existsSync(path)) return new Map();
  const rows = parseCsv(readDataFile(path, 'overrides file'));
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const expected = ['source_path', 'part_no', ...OVERRIDE_FIELDS];
  const unknown = header.filter((h) => !expected.includes(h));
  if (!header.includes('source_path') || unknown.length) {
    throw new DataFileError(
      path,
      1,
      `header must name source_path and any of part_no, ${OVERRIDE_FIELDS.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
    );
  }
  const out = new Map<string, Override>();
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const get = (name: string): string => (cells[header.indexOf(name)] ?? '').trim();
    const file = get('source_path');
    if (!file) throw new DataFileError(path, line, 'no source_path');
    const part = get('part_no') === '' ? 1 : Number(get('part_no'));
    if (!Number.isInteger(part) || part < 1) throw new DataFileError(path, line, `part_no "${get('part_no')}" is not a part number (1, 2, …)`);
    const o: { -readonly [K in keyof Override]: Override[K] } = { line };
    if (get('year')) {
      const year = Number(get('year'));
      if (!/^\d{4}$/u.test(get('year'))) throw new DataFileError(path, line, `year "${get('year')}" is not a four-digit year`);
      o.year = year;
    }
    if (get('doc_type')) {
      if (!(DOC_TYPES as readonly string[]).includes(get('doc_type')))
        throw new DataFileError(path, line, `doc_type "${get('doc_type')}" is not one of ${DOC_TYPES.join(', ')}`);
      o.doc_type = get('doc_type') as DocType;
    }
    if (get('unit_type')) {
      if (!(UNIT_KINDS as readonly string[]).includes(get('unit_type')))
        throw new DataFileError(path, line, `unit_type "${get('unit_type')}" is not one of ${UNIT_KINDS.join(', ')}`);
      o.unit_type = get('unit_type') as UnitKind;
    }
    if (get('org')) o.org = get('org');
    if (get('title')) o.title = get('title');
    const key = overrideKey(file, part);
    if (out.has(key)) throw new DataFileError(path, line, `${file} part ${part} is corrected twice (also on line ${out.get(key)!.line})`);
    out.set(key, o);
  });
  return out;
}

/** The corrected fields of `o`, in file order. */
export function correctedFields(o: Override): OverrideField[] {
  return OVERRIDE_FIELDS.filter((f) => o[f] !== undefined);
}
