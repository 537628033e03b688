/** Theme emphasis of the focus year against the reference: rates, G², log ratio, as table and bars. */
import { useMemo } from 'react';
import { divergingBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { DataTable, type Column } from '../components/DataTable';
import { Loading, QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { themeRates } from '../queries/themes';
import { G2_P05, logLikelihood, logRatio } from '../stats/keyness';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

interface ThemeKeyness {
  theme: string;
  label: string;
  hitsA: number;
  rateA: number;
  hitsB: number;
  rateB: number;
  g2: number;
  logRatio: number;
}

/** The comparison for `yearA` against `yearB` (null: all other years). */
export function ThemeCompare({ yearA, yearB }: { yearA: number; yearB: number | null }) {
  const { t, num } = useI18n();
  const { filters } = useRoute();
  const info = useCorpusInfo();
  const state = useQuery(themeRates(filters, 'year'));
  const rows = useMemo(() => {
    const cells = info.ready ? (state.data ?? []) : [];
    const inA = (k: string) => k === String(yearA);
    const inB = (k: string) => (yearB === null ? !inA(k) : k === String(yearB));
    const charsOf = (pred: (k: string) => boolean) => {
      const seen = new Map<string, number>();
      for (const c of cells) if (pred(c.key)) seen.set(c.key, c.chars);
      return [...seen.values()].reduce((a, b) => a + b, 0);
    };
    const c = charsOf(inA);
    const d = charsOf(inB);
    if (!c || !d) return [];
    return [...new Set(cells.map((x) => x.theme))].map((theme): ThemeKeyness => {
      const a = cells.filter((x) => x.theme === theme && inA(x.key)).reduce((s, x) => s + x.hits, 0);
      const b = cells.filter((x) => x.theme === theme && inB(x.key)).reduce((s, x) => s + x.hits, 0);
      return { theme, label: info.themeLabel(theme), hitsA: a, rateA: (a * 1e4) / c, hitsB: b, rateB: (b * 1e4) / d, g2: logLikelihood(a, b, c, d), logRatio: logRatio(a, b, c, d) };
    }).sort((x, y) => y.logRatio - x.logRatio);
  }, [state.data, yearA, yearB, info]);
  const aName = String(yearA);
  const bName = yearB === null ? t('trends.rest') : String(yearB);
  const columns: Column<ThemeKeyness>[] = [
    { key: 'label', label: t('col.theme'), value: (r) => r.label },
    { key: 'rateA', label: `${aName} ${t('col.per10k')}`, value: (r) => Number(r.rateA.toFixed(2)), numeric: true },
    { key: 'rateB', label: `${bName} ${t('col.per10k')}`, value: (r) => Number(r.rateB.toFixed(2)), numeric: true },
    { key: 'g2', label: 'G²', value: (r) => Number(r.g2.toFixed(2)), numeric: true, render: (r) => <span className={r.g2 >= G2_P05 ? 'sig' : 'muted'}>{num(r.g2, 2)}</span> },
    { key: 'logRatio', label: 'log₂ ratio', value: (r) => Number(r.logRatio.toFixed(3)), numeric: true, render: (r) => <span className={r.logRatio >= 0 ? 'up' : 'down'}>{r.logRatio >= 0 ? '▲' : '▼'} {num(r.logRatio, 2)}</span> },
  ];
  const option = useMemo(() => divergingBarOption(rows.map((r) => r.label), rows.map((r) => Number(r.logRatio.toFixed(3))), '#b42318', '#2563eb'), [rows]);
  if (!info.ready) return <Loading />;
  return (
    <QueryBlock state={state} isEmpty={() => rows.length === 0}>
      {() => (
        <div className="grid-2" data-testid="theme-compare">
          <ChartCard title={t('trends.themeCompare', { a: aName, b: bName })} option={option} name={`theme-compare-${aName}-${bName}`} height={Math.max(260, rows.length * 28 + 30)} testId="chart-theme-compare"
            data={{ header: columns.map((c) => c.label), rows: rows.map((r) => columns.map((c) => c.value(r))) }} />
          <section className="card">
            <header className="card-head"><h3>{t('themes.compare')}</h3></header>
            <DataTable columns={columns} rows={rows} name={`theme-keyness-${aName}-${bName}`} sortParam={PARAMS.themeCompareSort} defaultSort={{ key: 'logRatio', desc: true }} />
            <p className="note">{t('trends.g2Note')}</p>
          </section>
        </div>
      )}
    </QueryBlock>
  );
}
