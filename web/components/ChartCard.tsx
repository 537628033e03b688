/**
 * A chart in a card: title, controls, PNG export, and a "data" switch that shows the numbers
 * behind the chart as a table (exportable as CSV/XLSX), for readers and for tests.
 */
import { useState, type ReactNode } from 'react';
import type { ChartOption } from '../charts/echarts';
import { useChart, type ChartClick } from '../charts/useChart';
import { downloadPng } from '../export/download';
import type { TableData } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { ExportButtons } from './ExportButtons';

/** A table of already formatted cells. */
function PlainTable({ data }: { data: TableData }) {
  const { num } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <thead>
          <tr>{data.header.map((h, i) => <th key={i} className={i ? 'num' : ''}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={typeof v === 'number' ? 'num' : ''}>
                  {typeof v === 'number' ? (Number.isInteger(v) ? num(v) : num(v, 2)) : (v ?? '–')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The card; `option` null with `children` shows the children instead of a chart. */
export function ChartCard({ title, option, data, name, onClick, height = 320, controls, note, testId, children }: {
  title: string;
  option: ChartOption | null;
  data?: TableData | null;
  /** File name stem for exports. */
  name: string;
  onClick?: (e: ChartClick) => void;
  height?: number;
  controls?: ReactNode;
  note?: ReactNode;
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { ref, chart } = useChart(option, onClick);
  const [showData, setShowData] = useState(false);
  return (
    <section className="card chart-card" data-testid={testId}>
      <header className="card-head">
        <h3>{title}</h3>
        <span className="spacer" />
        {controls}
        <span className="btn-group">
          {data && (
            <button type="button" className={`btn btn-small ${showData ? 'active' : ''}`} data-action="toggle-data" onClick={() => setShowData(!showData)}>
              {showData ? t('export.chart') : t('export.data')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small"
            data-export="png"
            disabled={!option}
            onClick={() => {
              const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
              if (url) downloadPng(url, name);
            }}
          >
            ⤓ {t('export.png')}
          </button>
        </span>
      </header>
      {children}
      <div className="chart" ref={ref} style={{ height, display: showData || !option ? 'none' : undefined }} />
      {showData && data && (
        <div className="chart-data">
          <div className="table-toolbar">
            <span className="spacer" />
            <ExportButtons name={name} table={() => data} />
          </div>
          <PlainTable data={data} />
        </div>
      )}
      {note && <p className="note">{note}</p>}
    </section>
  );
}
