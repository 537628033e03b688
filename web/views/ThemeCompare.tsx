/** Theme emphasis of the focus year against the reference: rates, G², log ratio, as table and bars. */
import { useMemo } from 'react';
import { divergingBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { DataTable, type Column } from '../components/DataTable';
import { HelpTip } from '../components/HelpTip';
import { Loading, QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { themeRates } from '../queries/themes';
import { G2_P05, isUp, keynessOf, type Keyness } from '../stats/keyness';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { DirectionMark } from './DirectionMark';

interface ThemeKeyness extends Keyness {
  theme: string;
  label: string;
}

/** The comparison for `yearA` against `yearB` (null: all other years). */
export function ThemeCompare({ yearA, yearB }: { yearA: number; yearB: number | null }) {
  const { t, num } = useI18n();
  const { filters } = useRoute();
  const info = useCorpusInfo();
  const state = useQuery(themeRates(filters, ['year']));
  const built = useMemo(() => {
    const cells = info.ready ? (state.data ?? []) : [];
    const inA = (k: string) => k === String(yearA);
    const inB = (k: string) => (yearB === null ? !inA(k) : k === String(yearB));
    const sizeOf = (pred: (k: string) => boolean) => {
      const seen = new Map<string, { chars: number; docs: number }>();
      for (const c of cells) if (pred(c.key)) seen.set(c.key, { chars: c.chars, docs: c.docs });
      return [...seen.values()].reduce((a, b) => ({ chars: a.chars + b.chars, docs: a.docs + b.docs }), { chars: 0, docs: 0 });
    };
    const sa = sizeOf(inA);
    const sb = sizeOf(inB);
    if (!sa.chars || !sb.chars) return { rows: [], sa, sb };
    const rows = [...new Set(cells.map((x) => x.theme))]
      .map((theme): ThemeKeyness => {
        const a = cells.filter((x) => x.theme === theme && inA(x.key)).reduce((s, x) => s + x.hits, 0);
        const b = cells.filter((x) => x.theme === theme && inB(x.key)).reduce((s, x) => s + x.hits, 0);
        return { theme, label: info.themeLabel(theme), ...keynessOf(a, b, sa.chars, sb.chars) };
      })
      .sort((x, y) => y.logRatio - x.logRatio);
    return { rows, sa, sb };
  }, [state.data, yearA, yearB, info]);
  const { rows } = built;
  const aName = String(yearA);
  const bName = yearB === null ? t('trends.rest') : String(yearB);
  const columns: Column<ThemeKeyness>[] = [
    { key: 'label', label: t('col.theme'), value: (r) => r.label },
    { key: 'hitsA', label: `${aName} ${t('col.hits')}`, value: (r) => r.a, numeric: true },
    { key: 'rateA', label: `${aName} ${t('col.per10k')}`, value: (r) => Number(r.rateA.toFixed(2)), numeric: true },
    { key: 'hitsB', label: `${bName} ${t('col.hits')}`, value: (r) => r.b, numeric: true },
    { key: 'rateB', label: `${bName} ${t('col.per10k')}`, value: (r) => Number(r.rateB.toFixed(2)), numeric: true },
    {
      key: 'g2',
      label: 'G²',
      value: (r) => Number(r.g2.toFixed(2)),
      numeric: true,
      render: (r) => <span className={r.g2 >= G2_P05 ? 'sig' : 'muted'}>{num(r.g2, 2)}</span>,
    },
    {
      key: 'logRatio',
      label: 'log₂ ratio',
      value: (r) => Number(r.logRatio.toFixed(3)),
      numeric: true,
      render: (r) => <DirectionMark direction={r.direction} value={num(r.logRatio, 2)} />,
    },
    { key: 'direction', label: t('col.change'), value: (r) => t(`change.${r.direction}`) },
  ];
  const option = useMemo(
    () =>
      divergingBarOption(
        rows.map((r) => r.label),
        rows.map((r) => Number(r.logRatio.toFixed(3))),
        '#b42318',
        '#2563eb',
        rows.map((r) => isUp(r.direction)),
      ),
    [rows],
  );
  if (!info.ready) return <Loading />;
  const caption = t('n.compare', { a: aName, b: bName, da: num(built.sa.docs), ca: num(built.sa.chars), db: num(built.sb.docs), cb: num(built.sb.chars) });
  return (
    <QueryBlock state={state} isEmpty={() => rows.length === 0}>
      {() => (
        <div className="grid-2" data-testid="theme-compare">
          <ChartCard
            title={t('trends.themeCompare', { a: aName, b: bName })}
            option={option}
            name={`theme-compare-${aName}-${bName}`}
            height={Math.max(260, rows.length * 28 + 30)}
            testId="chart-theme-compare"
            unit={t('unit.logRatio')}
            caption={caption}
            data={{ header: columns.map((c) => c.label), rows: rows.map((r) => columns.map((c) => c.value(r))) }}
          />
          <section className="card">
            <header className="card-head">
              <h3>
                {t('themes.compare')} <HelpTip topic="g2" />
                <HelpTip topic="logRatio" />
              </h3>
            </header>
            <p className="note" data-testid="theme-compare-n">
              {caption}
            </p>
            <DataTable
              columns={columns}
              rows={rows}
              name={`theme-keyness-${aName}-${bName}`}
              sortParam={PARAMS.themeCompareSort}
              defaultSort={{ key: 'logRatio', desc: true }}
              rowKey={(r) => r.theme}
              caption={caption}
            />
            <p className="note">{t('trends.g2Note')}</p>
          </section>
        </div>
      )}
    </QueryBlock>
  );
}
