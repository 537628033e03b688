import type { ReactNode } from 'react';

/** A key figure with its label, a note and an optional help mark. */
export function Kpi({ label, value, note, testId, help }: { label: string; value: string; note?: string; testId?: string; help?: ReactNode }) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">
        {label}
        {help}
      </div>
      <div className="kpi-value">{value}</div>
      {note && <div className="kpi-note">{note}</div>}
    </div>
  );
}
