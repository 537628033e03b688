/** The three columns of a concordance line, shared by the KWIC view and a theme cell's lines. */
import type { ReactNode } from 'react';
import type { Column } from './DataTable';

/** A row with its match and the context either side. */
export interface ContextRow {
  left: string;
  match: string;
  right: string;
}

/**
 * Left context (right-aligned, clipped at its start), match and right context. `renderRight` marks
 * terms in the right context (KWIC's other search terms); `sortable` as the table allows.
 */
export function contextColumns<R extends ContextRow>(
  labels: { left: string; match: string; right: string },
  options: { sortable?: boolean; renderRight?: (r: R) => ReactNode } = {},
): Column<R>[] {
  const sortable = options.sortable ?? true;
  return [
    {
      key: 'left',
      label: labels.left,
      value: (r) => r.left,
      className: 'kwic-left',
      render: (r) => (
        <div className="kwic-left-clip">
          <span>{r.left}</span>
        </div>
      ),
      sortable,
    },
    { key: 'match', label: labels.match, value: (r) => r.match, className: 'kwic-match', sortable },
    {
      key: 'right',
      label: labels.right,
      value: (r) => r.right,
      className: 'kwic-right',
      sortable,
      ...(options.renderRight ? { render: options.renderRight } : {}),
    },
  ];
}
