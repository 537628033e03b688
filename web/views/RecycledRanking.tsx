/** Each document's recycled share, ranked, with its main partner and the likely direction. */
import { useMemo } from 'react';
import { rankedBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { DataTable, type Column } from '../components/DataTable';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { recycledDocs, type RecycledDoc } from '../queries/boilerplate';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

/** Chart and table of recycled shares. */
export function RecycledRanking() {
  const { t, pct } = useI18n();
  const { filters, setParams } = useRoute();
  const state = useQuery(recycledDocs(filters, 1000));
  const ranked = useMemo(() => (state.data ?? []).filter((r) => r.reused_chars > 0), [state.data]);
  const option = useMemo(() => {
    const top = ranked.slice(0, 20);
    return rankedBarOption(top.map((r) => `#${r.doc_id} ${r.title.slice(0, 14)}`), top.map((r) => Number((r.share * 100).toFixed(1))), '#b42318', (v) => `${v}%`);
  }, [ranked]);
  const columns: Column<RecycledDoc>[] = [
    { key: 'title', label: t('col.title'), value: (r) => r.title, className: 'col-title' },
    { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true },
    { key: 'share', label: t('col.share'), value: (r) => Number(r.share.toFixed(4)), numeric: true, render: (r) => <span className="bar-cell"><span className="bar" style={{ width: `${Math.min(100, r.share * 100)}%` }} /><span className="bar-label">{pct(r.share)}</span></span> },
    { key: 'reused_chars', label: t('col.chars'), value: (r) => r.reused_chars, numeric: true },
    { key: 'partner', label: t('col.partner'), value: (r) => (r.partner_title ? `#${r.top_partner} ${r.partner_title}` : null) },
    { key: 'direction', label: t('col.direction'), value: (r) => (r.direction ? t(`direction.${r.direction === 'source' || r.direction === 'copy' ? r.direction : 'unknown'}`) : null), render: (r) => <span className={`badge dir-${r.direction ?? 'unknown'}`}>{t(`direction.${r.direction === 'source' || r.direction === 'copy' ? r.direction : 'unknown'}`)}</span> },
  ];
  return (
    <QueryBlock state={state} isEmpty={() => ranked.length === 0}>
      {() => (
        <div className="grid-1-2">
          <ChartCard title={t('boiler.ranking')} option={option} name="recycled-share-chart" height={Math.max(240, Math.min(20, ranked.length) * 24 + 30)} testId="chart-recycled"
            data={{ header: [t('col.doc'), t('col.share')], rows: ranked.map((r) => [`#${r.doc_id} ${r.title}`, Number(r.share.toFixed(4))]) }} />
          <section className="card">
            <header className="card-head"><h3>{t('boiler.ranking')}</h3></header>
            <DataTable columns={columns} rows={ranked} name="recycled-share" sortParam={PARAMS.recycledSort} defaultSort={{ key: 'share', desc: true }} rowKey={(r) => String(r.doc_id)}
              onRowClick={(r) => r.top_partner !== null && setParams({ [PARAMS.compareA]: r.doc_id, [PARAMS.compareB]: r.top_partner })} />
          </section>
        </div>
      )}
    </QueryBlock>
  );
}
