/**
 * A chart in a card: title, controls, PNG export, and a "data" switch that shows the numbers
 * behind the chart as a table (exportable as CSV/XLSX), for readers and for tests.
 */
import { useState, type ReactNode } from 'react';
import type { ChartOption } from '../charts/echarts';
import { useChart, type ChartClick } from '../charts/useChart';
import { downloadPngBytes } from '../export/download';
import { captionedPng } from '../export/png';
import { CHART_TEXT } from '../charts/echarts';
import { useFilterText } from './useExportMeta';
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
          <tr>
            {data.header.map((h, i) => (
              <th key={i} className={i ? 'num' : ''}>
                {h}
              </th>
            ))}
          </tr>
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
export function ChartCard({
  title,
  option,
  data,
  name,
  onClick,
  height = 320,
  controls,
  note,
  testId,
  children,
  unit,
  caption,
}: {
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
  /** The unit of the numbers drawn (written on exported PNGs). */
  unit?: string;
  /** What the numbers rest on (documents, characters), written on exported PNGs and tables. */
  caption?: string;
}) {
  const { t } = useI18n();
  const filterText = useFilterText();
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
              if (!url) return;
              const lines = [
                `${t('export.filters')}: ${filterText}`,
                unit ? `${t('export.unit')}: ${unit}` : '',
                caption ? `${t('export.n')}: ${caption}` : '',
                `${t('appName')} ReportScope · ${new Date().toISOString().slice(0, 10)}`,
              ].filter(Boolean);
              void captionedPng(url, { title, lines }, 2, CHART_TEXT.fontFamily).then((bytes) => downloadPngBytes(bytes, name));
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
            <ExportButtons name={name} title={title} caption={caption} unit={unit} table={() => data} />
          </div>
          <PlainTable data={data} />
        </div>
      )}
      {note && <div className="note">{note}</div>}
    </section>
  );
}
