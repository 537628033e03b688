/** 概览 Overview: corpus totals, documents by year and type, frequent terms, recycled share. */
import { useMemo } from 'react';
import { barOption, rankedBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { Kpi } from '../components/Kpi';
import { HelpTip } from '../components/HelpTip';
import { QueryBlock } from '../components/Status';
import { WordCloudCard } from '../components/WordCloudCard';
import { useQuery, type QueryState } from '../db/useQuery';
import type { TableData } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { OVERVIEW_TERMS } from '../queries/first-paint';
import { byTermCells, type Filters } from '../queries/filters';
import { corpusStats, docsByYearType, topTerms, topTermsByDocument, topTermsExact, type TermCount, type YearTypeCount } from '../queries/overview';
import { yearSizes } from '../queries/trends';
import { defaultYears } from '../stats/sample';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { PlacesCard } from './PlacesCard';

function useYearTypeChart(rows: YearTypeCount[] | null) {
  const { t, label } = useI18n();
  return useMemo(() => {
    if (!rows) return { option: null, data: null };
    const years = [...new Set(rows.map((r) => (r.year === null ? t('unknown') : String(r.year))))];
    const types = [...new Set(rows.map((r) => r.doc_type))];
    const count = (y: string, ty: string) => rows.find((r) => (r.year === null ? t('unknown') : String(r.year)) === y && r.doc_type === ty)?.n ?? 0;
    const option = barOption(
      years,
      types.map((ty) => ({ name: label('docType', ty), data: years.map((y) => count(y, ty) || null) })),
      true,
    );
    const data: TableData = {
      header: [t('col.year'), ...types.map((ty) => label('docType', ty)), t('kpi.documents')],
      rows: years.map((y) => [y, ...types.map((ty) => count(y, ty)), types.reduce((a, ty) => a + count(y, ty), 0)]),
    };
    return { option, data };
  }, [rows, t, label]);
}

function TermCharts({ terms }: { terms: TermCount[] }) {
  const { t } = useI18n();
  const data: TableData = useMemo(
    () => ({ header: [t('col.term'), t('col.freq'), t('col.docs')], rows: terms.map((r) => [r.term, r.freq, r.docs]) }),
    [terms, t],
  );
  const words = useMemo(() => terms.map((r) => ({ text: r.term, weight: r.freq })), [terms]);
  const bar = useMemo(() => {
    const top = terms.slice(0, 25);
    return rankedBarOption(
      top.map((r) => r.term),
      top.map((r) => r.freq),
      '#2563eb',
    );
  }, [terms]);
  return (
    <div className="grid-2">
      <ChartCard title={t('overview.topTerms')} option={bar} data={data} name="top-terms" height={520} testId="chart-top-terms" />
      <WordCloudCard title={t('overview.cloud')} words={words} data={data} name="word-cloud" height={520} testId="chart-word-cloud" />
    </div>
  );
}

/**
 * The top terms: from the term aggregates when they answer exactly (no unit chosen, and the list's
 * last count above what any term outside `agg_top_terms` can reach), else counted over the documents.
 */
function useTopTerms(filters: Filters, limit: number): QueryState<TermCount> {
  const fromCells = useQuery(byTermCells(filters) ? topTerms(filters, limit) : null);
  const exact = fromCells.status === 'ready' && topTermsExact(fromCells.data, limit);
  const needDocs = !byTermCells(filters) || (fromCells.status === 'ready' && !exact);
  const byDocument = useQuery(needDocs ? topTermsByDocument(filters, limit) : null);
  return needDocs ? byDocument : fromCells;
}

/** The view. */
export function OverviewView() {
  const { t, num, pct } = useI18n();
  const { filters, href } = useRoute();
  // issued in this order and run one at a time: the charts' queries first, the figures after
  const byYear = useQuery(docsByYearType(filters));
  const terms = useTopTerms(filters, OVERVIEW_TERMS);
  const stats = useQuery(corpusStats(filters));
  const yearChart = useYearTypeChart(byYear.data);
  const s = stats.data?.[0];
  const sizes = useQuery(yearSizes(filters));
  const chosen = defaultYears(sizes.data ?? []);
  return (
    <div className="stack">
      <QueryBlock state={stats} isEmpty={(rows) => !rows[0]?.documents}>
        {() => (
          <div className="kpis" data-testid="kpis">
            <Kpi testId="kpi-documents" label={t('kpi.documents')} value={num(s?.documents)} />
            <Kpi testId="kpi-units" label={t('kpi.units')} value={num(s?.units)} />
            <Kpi testId="kpi-years" label={t('kpi.years')} value={num(s?.years)} note={s?.firstYear ? `${s.firstYear}–${s.lastYear}` : undefined} />
            <Kpi testId="kpi-chars" label={t('kpi.chars')} value={num(s?.chars)} />
            <Kpi
              testId="kpi-recycled"
              label={t('kpi.recycled')}
              value={pct(s?.share ?? 0)}
              help={<HelpTip topic="share" />}
              note={t('kpi.recycledNote', { n: num(s?.docsWithReuse ?? 0) })}
            />
          </div>
        )}
      </QueryBlock>
      <div className="grid-2-1">
        <QueryBlock state={byYear}>
          {() => (
            <ChartCard title={t('overview.byYear')} option={yearChart.option} data={yearChart.data} name="documents-by-year-type" testId="chart-docs-by-year" />
          )}
        </QueryBlock>
        <section className="card questions">
          <h3>{t('overview.questions')}</h3>
          <ul>
            <li>
              <a
                data-testid="start-trends"
                href={href(
                  'trends',
                  chosen.focus !== null && chosen.reference !== null ? { [PARAMS.focusYear]: chosen.focus, [PARAMS.referenceYear]: chosen.reference } : {},
                )}
              >
                {t('overview.q1', { a: chosen.focus ?? '', b: chosen.reference ?? '' })}
              </a>
            </li>
            <li>
              <a href={href('boilerplate')}>{t('overview.q2')}</a>
            </li>
            <li>
              <a href={href('kwic', { [PARAMS.phrase]: '学习强国' })}>{t('overview.q3')}</a>
            </li>
          </ul>
        </section>
      </div>
      <QueryBlock state={terms}>{(rows) => <TermCharts terms={rows} />}</QueryBlock>
      <PlacesCard />
    </div>
  );
}
