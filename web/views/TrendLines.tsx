/** Lines per 10,000 characters by year for the chosen themes and terms (term × year table). */
import { useMemo } from 'react';
import { lineOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { pivot } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { seriesByYear, type SeriesPoint } from '../queries/trends';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { SeriesPicker, useSeriesChoice } from './SeriesPicker';

/** The trend-line card. */
export function TrendLines() {
  const { t } = useI18n();
  const { filters, href } = useRoute();
  const info = useCorpusInfo();
  const { themes, terms } = useSeriesChoice();
  const state = useQuery(themes.length || terms.length ? seriesByYear(filters, themes, terms) : null);
  const built = useMemo(() => {
    const rows = state.data;
    // Theme labels come from the lexicon query: draw once they are there, not with raw ids first.
    if (!rows || !info.ready) return null;
    const name = (r: SeriesPoint) => (r.kind === 'theme' ? info.themeLabel(r.name) : `“${r.name}”`);
    // rows come ordered by year within each series, every series over the same years: the table's
    // columns are the chart's categories and each table row is one line
    const data = pivot(rows, name, (r) => String(r.year), (r) => Number((r.per10k ?? 0).toFixed(3)), t('col.term'));
    const series = data.rows.map(([n, ...values]) => ({ name: String(n), data: values.map((v) => (typeof v === 'number' ? v : null)) }));
    return { option: lineOption(data.header.slice(1), series), data };
  }, [state.data, info, t]);
  const missing = terms.filter((term) => state.data && !state.data.some((p) => p.kind === 'term' && p.name === term && p.hits > 0));
  return (
    <ChartCard title={t('trends.lines')} option={built?.option ?? null} data={built?.data} name="series-by-year" height={360} testId="chart-trend-lines">
      <SeriesPicker />
      {missing.length > 0 && (
        <p className="note" data-testid="not-token">
          {t('trends.notToken', { terms: missing.join('、') })}{' '}
          {missing.map((term) => <a key={term} href={href('kwic', { [PARAMS.phrase]: term })}>{term} </a>)}
        </p>
      )}
      <QueryBlock state={state}>{() => null}</QueryBlock>
    </ChartCard>
  );
}
