/**
 * Terms rising and falling most between two groups of documents (a focus year and its reference, or two
 * units or unit kinds), sortable and exportable; `counts` gives the query of the two groups' term counts
 * for a minimum frequency.
 */
import { useMemo } from 'react';
import { divergingBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { DataTable, formatSort, parseSort, type Column } from '../components/DataTable';
import { HelpTip } from '../components/HelpTip';
import { Segmented } from '../components/Segmented';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { scoreKeyness, type KeynessCount, type KeynessRow } from '../queries/trends';
import type { Query } from '../queries/query';
import { G2_P05, isUp } from '../stats/keyness';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { DirectionMark } from './DirectionMark';

type Show = 'all' | 'rising' | 'falling';

/** The keyness table and chart of group `a` against group `b` (labels), the table's sort kept in the URL under `sortParam`. */
export function TermKeyness({
  a: yearA,
  b: bName,
  counts,
  sortParam = PARAMS.keynessSort,
  testPrefix = '',
  showNew = true,
}: {
  a: string;
  b: string;
  counts: (minFreq: number) => Query<KeynessCount>;
  sortParam?: typeof PARAMS.keynessSort | typeof PARAMS.unitKeynessSort;
  testPrefix?: string;
  showNew?: boolean;
}) {
  const { t, num } = useI18n();
  const { param, setParams } = useRoute();
  const minFreq = Math.max(1, Number(param(PARAMS.minFreq) ?? 3) || 3);
  const showParam = param(PARAMS.direction);
  const show: Show = showParam === 'rising' || showParam === 'falling' ? showParam : 'all';
  const sigOnly = param(PARAMS.significantOnly) !== '0';
  const state = useQuery(counts(minFreq));
  const scored = useMemo(() => scoreKeyness(state.data ?? [], 300), [state.data]);
  const rows = useMemo(
    () => scored.filter((r) => (show === 'all' || (show === 'rising') === isUp(r.direction)) && (!sigOnly || r.g2 >= G2_P05)),
    [scored, show, sigOnly],
  );
  const size = state.data?.[0];
  const caption = size
    ? t('n.compare', { a: String(yearA), b: bName, da: num(size.docs_a), ca: num(size.chars_a), db: num(size.docs_b), cb: num(size.chars_b) })
    : '';
  const columns: Column<KeynessRow>[] = useMemo(
    () => [
      {
        key: 'term',
        label: t('col.term'),
        value: (r) => r.term,
        render: (r) => (
          <>
            {r.term}
            {r.is_new && <span className="badge new">{t('trends.new')}</span>}
          </>
        ),
      },
      { key: 'freq_a', label: `${yearA} ${t('col.freq')}`, value: (r) => r.freq_a, numeric: true },
      { key: 'rate_a', label: `${yearA} ${t('col.per10k')}`, value: (r) => Number(r.rate_a.toFixed(2)), numeric: true },
      { key: 'freq_b', label: `${bName} ${t('col.freq')}`, value: (r) => r.freq_b, numeric: true },
      { key: 'rate_b', label: `${bName} ${t('col.per10k')}`, value: (r) => Number(r.rate_b.toFixed(2)), numeric: true },
      { key: 'g2', label: 'G²', value: (r) => Number(r.g2.toFixed(2)), numeric: true },
      {
        key: 'log_ratio',
        label: 'log₂ ratio',
        value: (r) => Number(r.log_ratio.toFixed(3)),
        numeric: true,
        render: (r) => <DirectionMark direction={r.direction} value={num(r.log_ratio, 2)} />,
      },
      ...(showNew
        ? [
            {
              key: 'is_new',
              label: t('trends.new'),
              value: (r: KeynessRow) => (r.is_new ? 1 : 0),
              numeric: true,
              render: (r: KeynessRow) => (r.is_new ? '●' : ''),
            },
          ]
        : []),
      { key: 'direction', label: t('col.change'), value: (r) => t(`change.${r.direction}`) },
    ],
    [t, num, yearA, bName, showNew],
  );
  const chart = useMemo(() => {
    const rising = rows.filter((r) => isUp(r.direction)).slice(0, 12);
    const falling = rows.filter((r) => !isUp(r.direction)).slice(0, 12);
    const list = [...rising, ...falling].sort((a, b) => b.log_ratio - a.log_ratio);
    return {
      option: divergingBarOption(
        list.map((r) => r.term),
        list.map((r) => r.log_ratio),
        '#b42318',
        '#2563eb',
        list.map((r) => isUp(r.direction)),
      ),
      n: list.length,
    };
  }, [rows]);
  const controls = (
    <div className="controls-row">
      <label className="field">
        <span>{t('trends.minFreq')}</span>
        <select value={minFreq} onChange={(e) => setParams({ [PARAMS.minFreq]: e.target.value }, { replace: true })}>
          {[1, 2, 3, 5, 10, 20].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <Segmented
        value={show}
        onChange={(v) => setParams({ [PARAMS.direction]: v === 'all' ? null : v }, { replace: true })}
        options={[
          { value: 'all', label: t('trends.all') },
          { value: 'rising', label: t('trends.rising') },
          { value: 'falling', label: t('trends.falling') },
        ]}
      />
      <label className="check">
        <input type="checkbox" checked={sigOnly} onChange={(e) => setParams({ [PARAMS.significantOnly]: e.target.checked ? null : '0' }, { replace: true })} />{' '}
        {t('trends.significant')}
      </label>
    </div>
  );
  return (
    <div className="grid-1-2">
      <ChartCard
        title={t('trends.chart')}
        option={chart.n ? chart.option : null}
        name={`term-keyness-chart-${yearA}-${bName}`}
        height={Math.max(240, chart.n * 22 + 30)}
        testId={`chart-${testPrefix}term-keyness`}
        unit={t('unit.logRatio')}
        caption={caption}
      />
      <section className="card" data-testid={`${testPrefix}keyness-table`}>
        <header className="card-head">
          <h3>
            {t('trends.keyness')} <HelpTip topic="g2" />
            <HelpTip topic="logRatio" />
          </h3>
        </header>
        {controls}
        {caption && <p className="note">{caption}</p>}
        <QueryBlock state={state} isEmpty={() => rows.length === 0}>
          {() => (
            <DataTable
              columns={columns}
              rows={rows}
              name={`term-keyness-${yearA}-${bName}`}
              caption={caption}
              sort={parseSort(param(sortParam), { key: 'g2', desc: true })}
              onSort={(s) => setParams({ [sortParam]: formatSort(s) }, { replace: true })}
              rowKey={(r) => r.term}
            />
          )}
        </QueryBlock>
        <p className="note">{t('trends.g2Note')}</p>
      </section>
    </div>
  );
}
