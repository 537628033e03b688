/**
 * 提法 Formulations: the set formulations the ingest mined (numbered, compound, quoted), as a ranked
 * heat strip of the share of each year's filtered documents using them, with the lifecycle events the
 * ingest dated (debut ▲, spread →, peak ●, fade ▼, return ◆); a cell lists the sentences of that year
 * (concordance lines); the events and the list export, and the formulations the tokenizer's user
 * dictionary lacks download in its format for review.
 */
import { useCallback, useMemo } from 'react';
import { heatmapOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { contextColumns } from '../components/context-columns';
import { DataTable, type Column } from '../components/DataTable';
import { Segmented } from '../components/Segmented';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import type { TableData } from '../export/table-data';
import { saveText } from '../export/download';
import { useI18n } from '../app/useI18n';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import {
  formulationEvents,
  formulationList,
  formulationStrip,
  type FormulationEventRow,
  type FormulationKind,
  type FormulationRow,
} from '../queries/formulations';
import { kwicLines, type KwicLine } from '../queries/kwic';
import { FORMULATION_EVENTS, type FormulationEvent } from '../../common/schema';

/** Formulations drawn in the strip. */
const STRIP_ROWS = 40;
/** Concordance lines listed for a clicked cell. */
const CELL_LINES = 200;

/** The marker of each event in the strip: an ECharts symbol and the character naming it in tooltips and tables. */
const EVENT_MARK: Record<FormulationEvent, { symbol: string; char: string; color: string }> = {
  debut: { symbol: 'triangle', char: '▲', color: '#15803d' },
  spread: { symbol: 'arrow', char: '→', color: '#0e7490' },
  peak: { symbol: 'circle', char: '●', color: '#b42318' },
  fade: { symbol: 'path://M0,0 L10,0 L5,10 Z', char: '▼', color: '#475569' },
  return: { symbol: 'diamond', char: '◆', color: '#7c3aed' },
};

/**
 * A line of the user dictionary for a new term, with the weight its header's convention gives
 * (`data/dict/user.dict.utf8`: 4+ characters 20000, 3 characters 10000, 2 characters 3000).
 */
export function userDictLine(term: string): string {
  const n = [...term].length;
  return `${term} ${n >= 4 ? 20000 : n === 3 ? 10000 : 3000} n`;
}

/** The figures behind an event, in the interface's language. */
function useEvidence(): (e: FormulationEventRow) => string {
  const { t, pct } = useI18n();
  return useCallback(
    (e: FormulationEventRow) => {
      const figures = t('formul.figures', { docs: e.docs, of: e.year_docs, share: pct(e.year_docs ? e.docs / e.year_docs : 0) });
      return e.peak_year === null ? figures : `${figures}${t('formul.againstPeak', { share: pct(e.peak_share), year: e.peak_year })}`;
    },
    [t, pct],
  );
}

function useStrip(kind: FormulationKind, events: readonly FormulationEventRow[]) {
  const { t, label } = useI18n();
  const evidence = useEvidence();
  const { filters } = useRoute();
  const state = useQuery(formulationStrip(filters, kind, STRIP_ROWS));
  const built = useMemo(() => {
    const rows = state.data ?? [];
    // the most used at the top: a category axis runs upwards
    const names = [...new Set(rows.map((r) => r.formulation))].reverse();
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const pct = (r: { docs: number; year_docs: number }) => (r.year_docs ? Math.round((1000 * r.docs) / r.year_docs) / 10 : 0);
    const cells = rows.map((r): [number, number, number] => [years.indexOf(r.year), names.indexOf(r.formulation), pct(r)]);
    const at = new Map(rows.map((r) => [`${r.formulation}\u0000${r.year}`, r]));
    const eventsOf = (f: string, y: number) => events.filter((e) => e.formulation === f && e.year === y);
    const option = heatmapOption(years.map(String), names, cells, {
      max: 100,
      tooltip: (c, r) => {
        const row = at.get(`${names[r]}\u0000${years[c]}`);
        const ev = eventsOf(names[r]!, years[c]!).map(
          (e) => `${EVENT_MARK[e.event as FormulationEvent].char} ${label('formulationEvent', e.event)} ${evidence(e)}`,
        );
        return [`${names[r]} · ${years[c]}`, t('formul.cellTip', { docs: row?.docs ?? 0, of: row?.year_docs ?? 0 }), ...ev].join('\n');
      },
    });
    // the events as markers in the corner of their cells, outside the colour scale
    (option.visualMap as { seriesIndex?: number }).seriesIndex = 0;
    const series = option.series as object[];
    for (const event of FORMULATION_EVENTS) {
      const mark = EVENT_MARK[event];
      series.push({
        type: 'scatter',
        name: label('formulationEvent', event),
        symbol: mark.symbol,
        symbolSize: 8,
        symbolOffset: [14, -6],
        itemStyle: { color: mark.color },
        silent: true,
        z: 5,
        data: events
          .filter((e) => e.event === event && names.includes(e.formulation) && years.includes(e.year))
          .map((e) => [years.indexOf(e.year), names.indexOf(e.formulation)]),
      });
    }
    const data: TableData = {
      header: [t('formul.formulation'), ...years.map(String)],
      rows: [...names].reverse().map((n) => [n, ...years.map((y) => pct(at.get(`${n}\u0000${y}`) ?? { docs: 0, year_docs: 0 }))]),
    };
    return { option, data, names, years };
  }, [state.data, events, t, label, evidence]);
  return { state, built };
}

/** The concordance lines of one formulation in one year (the clicked cell). */
function CellLines({ formulation, year }: { formulation: string; year: number }) {
  const { t } = useI18n();
  const { filters, href } = useRoute();
  const lines = useQuery(kwicLines({ ...filters, yearFrom: year, yearTo: year, keepUnknownYear: false }, formulation, 30, CELL_LINES));
  const columns: Column<KwicLine>[] = [
    {
      key: 'title',
      label: t('col.doc'),
      value: (r) => r.title,
      className: 'col-title',
      render: (r) => <a href={href('documents', { [PARAMS.doc]: r.doc_id, [PARAMS.offset]: r.pos })}>{r.title}</a>,
    },
    ...contextColumns<KwicLine>({ left: t('col.left'), match: t('col.match'), right: t('col.right') }),
  ];
  return (
    <section className="card" data-testid="formulation-lines">
      <header className="card-head">
        <h3>{t('formul.lines', { f: formulation, year })}</h3>
        <span className="spacer" />
        <a className="btn btn-small" href={href('kwic', { [PARAMS.phrase]: formulation })}>
          {t('formul.allYears')}
        </a>
      </header>
      <QueryBlock state={lines} emptyMessage={t('formul.noLines')}>
        {(rows) => <DataTable columns={columns} rows={rows} name={`formulation-${formulation}-${year}`} title={t('formul.lines', { f: formulation, year })} />}
      </QueryBlock>
    </section>
  );
}

/** The view. */
export function FormulationsView() {
  const { t, label, num } = useI18n();
  const { param, setParams } = useRoute();
  const k = param(PARAMS.formulationKind);
  const kind: FormulationKind = k === 'numbered' || k === 'compound' || k === 'quoted' ? k : 'all';
  const events = useQuery(formulationEvents());
  const list = useQuery(formulationList());
  const { state, built } = useStrip(kind, events.data ?? []);
  const evidence = useEvidence();
  const cellF = param(PARAMS.formulation);
  const cellY = Number(param(PARAMS.formulationYear)) || null;
  const eventColumns: Column<FormulationEventRow>[] = [
    { key: 'formulation', label: t('formul.formulation'), value: (r) => r.formulation },
    { key: 'event', label: t('formul.event'), value: (r) => `${EVENT_MARK[r.event as FormulationEvent]?.char ?? ''} ${label('formulationEvent', r.event)}` },
    { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true },
    { key: 'evidence', label: t('formul.evidence'), value: (r) => evidence(r), className: 'wrap' },
  ];
  const listColumns: Column<FormulationRow>[] = [
    { key: 'formulation', label: t('formul.formulation'), value: (r) => r.formulation },
    { key: 'kind', label: t('formul.kind'), value: (r) => label('formulationKind', r.kind) },
    { key: 'variants', label: t('formul.variants'), value: (r) => r.variants },
    { key: 'docs', label: t('col.docs'), value: (r) => r.docs, numeric: true },
    { key: 'units', label: t('kpi.units'), value: (r) => r.units, numeric: true },
    { key: 'hits', label: t('col.hits'), value: (r) => r.hits, numeric: true },
    { key: 'first_year', label: t('formul.first'), value: (r) => r.first_year, numeric: true, plain: true },
    { key: 'last_year', label: t('formul.last'), value: (r) => r.last_year, numeric: true, plain: true },
    { key: 'in_user_dict', label: t('formul.inDict'), value: (r) => (r.in_user_dict ? t('formul.yes') : t('formul.new')) },
  ];
  const newTerms = (list.data ?? []).filter((r) => !r.in_user_dict);
  return (
    <div className="stack">
      <QueryBlock state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('formul.none')}>
        {() => (
          <ChartCard
            title={t('formul.strip')}
            option={built.option}
            data={built.data}
            name="formulations-by-year"
            unit="%"
            height={Math.max(260, 22 * built.names.length + 110)}
            testId="chart-formulations"
            controls={
              <Segmented
                label={t('formul.kind')}
                value={kind}
                onChange={(v) => setParams({ [PARAMS.formulationKind]: v === 'all' ? null : v }, { replace: true })}
                options={(['all', 'numbered', 'compound', 'quoted'] as const).map((v) => ({
                  value: v,
                  label: v === 'all' ? t('boiler.kind.all') : label('formulationKind', v),
                }))}
              />
            }
            note={
              <>
                {t('formul.note')}{' '}
                {FORMULATION_EVENTS.map((e) => (
                  <span key={e} className="event-key" data-event={e} style={{ color: EVENT_MARK[e].color }}>
                    {EVENT_MARK[e].char} {label('formulationEvent', e)}{' '}
                  </span>
                ))}
              </>
            }
            onClick={(e) => {
              const v = e.value as number[];
              const f = built.names[v[1] ?? -1];
              const y = built.years[v[0] ?? -1];
              if (f !== undefined && y !== undefined) setParams({ [PARAMS.formulation]: f, [PARAMS.formulationYear]: y });
            }}
          />
        )}
      </QueryBlock>
      {cellF && cellY !== null && <CellLines formulation={cellF} year={cellY} />}
      <div className="grid-2">
        <section className="card" data-testid="formulation-events">
          <header className="card-head">
            <h3>{t('formul.events')}</h3>
          </header>
          <p className="note">{t('formul.eventsNote')}</p>
          <QueryBlock state={events} emptyMessage={t('formul.none')}>
            {(rows) => <DataTable columns={eventColumns} rows={rows} name="formulation-events" title={t('formul.events')} />}
          </QueryBlock>
        </section>
        <section className="card" data-testid="formulation-list">
          <header className="card-head">
            <h3>{t('formul.list')}</h3>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-small"
              data-action="export-new-terms"
              disabled={newTerms.length === 0}
              title={t('formul.exportNewHelp')}
              onClick={() => saveText(`${newTerms.map((r) => userDictLine(r.formulation)).join('\n')}\n`, 'new-terms-user-dict', 'txt')}
            >
              ⤓ {t('formul.exportNew', { n: num(newTerms.length) })}
            </button>
          </header>
          <QueryBlock state={list} emptyMessage={t('formul.none')}>
            {(rows) => <DataTable columns={listColumns} rows={rows} name="formulations" title={t('formul.list')} rowKey={(r) => r.formulation} />}
          </QueryBlock>
        </section>
      </div>
    </div>
  );
}
