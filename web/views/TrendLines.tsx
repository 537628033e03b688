/** Lines per 10,000 characters by year for the chosen themes and terms (term × year table). */
import { useMemo } from 'react';
import { lineOption, type GroupSize } from '../charts/options';
import { HelpTip } from '../components/HelpTip';
import { isThin, MIN_CHARS, MIN_DOCS } from '../stats/sample';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { pivot } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { seriesByYear, type SeriesPoint, type TermSeries } from '../queries/trends';
import { parseQuery } from '../text/search-query';
import { useSimplifier } from './useSimplifier';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { SeriesPicker, useSeriesChoice } from './SeriesPicker';

/** The trend-line card. */
export function TrendLines() {
  const { t, num } = useI18n();
  const { filters, href } = useRoute();
  const info = useCorpusInfo();
  const { themes, terms } = useSeriesChoice();
  const conv = useSimplifier();
  const termSeries = useMemo(() => (conv ? terms.map((raw): TermSeries => ({ name: raw, terms: parseQuery(raw, conv) })) : []), [terms, conv]);
  const state = useQuery((themes.length || terms.length) && (conv || !terms.length) ? seriesByYear(filters, themes, termSeries) : null);
  const built = useMemo(() => {
    const rows = state.data;
    // Theme labels come from the lexicon query: draw once they are there, not with raw ids first.
    if (!rows || !info.ready) return null;
    const name = (r: SeriesPoint) => (r.kind === 'theme' ? info.themeLabel(r.name) : `“${r.name}”`);
    // rows come ordered by year within each series, every series over the same years: the table's
    // columns are the chart's categories and each table row is one line
    const data = pivot(
      rows,
      name,
      (r) => String(r.year),
      (r) => Number((r.per10k ?? 0).toFixed(3)),
      t('col.term'),
    );
    const series = data.rows.map(([n, ...values]) => ({ name: String(n), data: values.map((v) => (typeof v === 'number' ? v : null)) }));
    const years = data.header.slice(1);
    const sizes = years.map((y): GroupSize => {
      const r = rows.find((x) => String(x.year) === y);
      const n = { docs: r?.docs ?? 0, chars: r?.chars ?? 0 };
      return { ...n, thin: isThin(n) };
    });
    const option = lineOption(years, series, {
      sizes,
      sizeText: (s) => `${t('n.size', { docs: num(s.docs), chars: num(s.chars) })}${s.thin ? ` · ${t('n.thin')}` : ''}`,
      docsLabel: t('col.docs'),
    });
    const withN = { ...data, rows: [...data.rows, [t('col.docs'), ...sizes.map((s) => s.docs)], [t('col.chars'), ...sizes.map((s) => s.chars)]] };
    const thinYears = years.filter((_, i) => sizes[i]?.thin);
    return {
      option,
      data: withN,
      thinYears,
      caption: t('n.size', { docs: num(sizes.reduce((a, s) => a + s.docs, 0)), chars: num(sizes.reduce((a, s) => a + s.chars, 0)) }),
    };
  }, [state.data, info, t, num]);
  const missing = terms.filter((term) => state.data && !state.data.some((p) => p.kind === 'term' && p.name === term && p.hits > 0));
  return (
    <ChartCard
      title={t('trends.lines')}
      option={built?.option ?? null}
      data={built?.data}
      name="series-by-year"
      height={400}
      testId="chart-trend-lines"
      unit={t('unit.per10k')}
      caption={built?.caption}
      note={
        <>
          {t('n.linesNote')} <HelpTip topic="per10k" />
          {built && built.thinYears.length > 0 && (
            <span className="thin-note" data-testid="trend-thin">
              {' '}
              {t('n.thinList', { docs: MIN_DOCS, chars: num(MIN_CHARS), keys: built.thinYears.join('、') })}
            </span>
          )}
        </>
      }
    >
      <SeriesPicker />
      {missing.length > 0 && (
        <p className="note" data-testid="not-token">
          {t('trends.notToken', { terms: missing.join('、') })}{' '}
          {missing.map((term) => (
            <a key={term} href={href('kwic', { [PARAMS.phrase]: term })}>
              {term}{' '}
            </a>
          ))}
        </p>
      )}
      <QueryBlock state={state}>{() => null}</QueryBlock>
    </ChartCard>
  );
}
