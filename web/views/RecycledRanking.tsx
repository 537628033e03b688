/** Each document's recycled share, ranked, with its main partner and the likely direction and its evidence. */
import { useMemo } from 'react';
import { rankedBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { DataTable, type Column } from '../components/DataTable';
import { HelpTip } from '../components/HelpTip';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { recycledDocs, type RecycledDoc } from '../queries/boilerplate';
import { DIRECTION_MIN_CHARS } from '../stats/reuse-rule';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { COPY_KIND_COLORS } from '../charts/copy-kind-colors';
import { COPY_KINDS } from '../../common/schema';
import { scrollToComparison } from './scroll-to-comparison';

/** The direction as stored: source, copy, or unknown (also for no partner). */
function directionOf(r: RecycledDoc): 'source' | 'copy' | 'unknown' {
  return r.direction === 'source' || r.direction === 'copy' ? r.direction : 'unknown';
}

/** Chart and table of recycled shares. */
export function RecycledRanking() {
  const { t, pct, num, label } = useI18n();
  const { filters, setParams } = useRoute();
  const state = useQuery(recycledDocs(filters, 1000));
  const ranked = useMemo(() => (state.data ?? []).filter((r) => r.reused_chars > 0), [state.data]);
  const option = useMemo(() => {
    const top = ranked.slice(0, 20);
    return rankedBarOption(
      top.map((r) => `#${r.doc_id} ${r.title.slice(0, 14)}`),
      top.map((r) => Number((r.share * 100).toFixed(1))),
      '#b42318',
      (v) => `${v}%`,
    );
  }, [ranked]);
  const evidence = (r: RecycledDoc) =>
    [
      t('boiler.evidence', {
        partner: r.top_partner ?? '–',
        chars: num(r.top_partner_chars ?? 0),
        passages: num(r.passages),
        year: r.year ?? t('unknown'),
        pyear: r.partner_year ?? t('unknown'),
      }),
      r.longest ? t('boiler.longest', { text: `“${r.longest}${r.longest.length >= 80 ? '…' : ''}”` }) : '',
      t('boiler.rule', { min: DIRECTION_MIN_CHARS }),
    ]
      .filter(Boolean)
      .join('\n');
  const columns: Column<RecycledDoc>[] = [
    { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id, numeric: true, plain: true },
    { key: 'title', label: t('col.title'), value: (r) => r.title, className: 'col-title' },
    { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true },
    {
      key: 'share',
      label: t('col.share'),
      value: (r) => r.share,
      format: 'percent',
      numeric: true,
      render: (r) => (
        <span className="bar-cell">
          <span className="bar" style={{ width: `${Math.min(100, r.share * 100)}%` }} />
          <span className="bar-label">{pct(r.share)}</span>
        </span>
      ),
    },
    { key: 'reused_chars', label: t('col.chars'), value: (r) => r.reused_chars, numeric: true, format: 'integer' },
    { key: 'char_count', label: t('col.totalChars'), value: (r) => r.char_count, exportOnly: true, format: 'integer' },
    {
      key: 'kinds',
      label: t('col.kinds'),
      value: (r) =>
        COPY_KINDS.filter((k) => r[`${k}_chars`] > 0)
          .map((k) => `${label('copyKind', k)} ${r[`${k}_chars`]}`)
          .join('；') || null,
      render: (r) => (
        <span className="kind-bar" data-testid="kind-bar" title={COPY_KINDS.map((k) => `${label('copyKind', k)}: ${num(r[`${k}_chars`])}`).join('\n')}>
          {COPY_KINDS.filter((k) => r[`${k}_chars`] > 0).map((k) => (
            <i key={k} data-kind={k} style={{ width: `${(100 * r[`${k}_chars`]) / Math.max(1, r.reused_chars)}%`, background: COPY_KIND_COLORS[k] }} />
          ))}
        </span>
      ),
    },
    ...COPY_KINDS.map((k): Column<RecycledDoc> => ({
      key: `${k}_chars`,
      label: `${label('copyKind', k)} ${t('col.chars')}`,
      value: (r) => r[`${k}_chars`],
      exportOnly: true,
      format: 'integer',
    })),
    { key: 'self_earlier_chars', label: t('selfcopy.chars'), value: (r) => r.self_earlier_chars, exportOnly: true, format: 'integer' },
    { key: 'partner', label: t('col.partner'), value: (r) => (r.partner_title ? `#${r.top_partner} ${r.partner_title}` : null) },
    { key: 'partner_year', label: `${t('col.partner')} · ${t('col.year')}`, value: (r) => r.partner_year, exportOnly: true },
    { key: 'top_partner_chars', label: t('col.sharedChars'), value: (r) => r.top_partner_chars, numeric: true, format: 'integer' },
    {
      key: 'direction',
      label: t('col.direction'),
      value: (r) => t(`direction.${directionOf(r)}`),
      render: (r) => (
        <span
          className={`badge dir-${directionOf(r)}`}
          data-direction={directionOf(r)}
          data-shared={r.top_partner_chars ?? 0}
          data-year={r.year ?? ''}
          data-partner-year={r.partner_year ?? ''}
          title={evidence(r)}
        >
          {t(`direction.${directionOf(r)}`)}
        </span>
      ),
    },
    { key: 'evidence', label: t('col.passage'), value: (r) => r.longest, exportOnly: true },
    { key: 'source_path', label: t('col.source'), value: (r) => r.source_path, exportOnly: true },
  ];
  return (
    <QueryBlock state={state} isEmpty={() => ranked.length === 0} emptyMessage={t('boiler.noCopy')} emptyHint={t('boiler.noCopyHint')}>
      {() => (
        <div className="grid-1-2">
          <ChartCard
            title={t('boiler.ranking')}
            option={option}
            name="recycled-share-chart"
            height={Math.max(240, Math.min(20, ranked.length) * 24 + 30)}
            testId="chart-recycled"
            unit={t('col.share')}
            caption={t('n.size', { docs: num(ranked.length), chars: num(ranked.reduce((a, r) => a + r.char_count, 0)) })}
            data={{
              header: [t('col.id'), t('col.doc'), t('col.year'), t('col.share'), t('col.source')],
              rows: ranked.map((r) => [r.doc_id, r.title, r.year, r.share]).map((row, i) => [...row, ranked[i]?.source_path ?? '']),
              formats: [undefined, undefined, undefined, 'percent'],
            }}
          />
          <section className="card" data-testid="recycled-table">
            <header className="card-head">
              <h3>
                {t('boiler.ranking')} <HelpTip topic="share" />
                <HelpTip topic="formulaVsCopy" />
                <HelpTip topic="direction" />
              </h3>
            </header>
            <DataTable
              columns={columns}
              rows={ranked}
              name="recycled-share"
              title={t('boiler.ranking')}
              sortParam={PARAMS.recycledSort}
              defaultSort={{ key: 'share', desc: true }}
              rowKey={(r) => String(r.doc_id)}
              onRowClick={(r) => {
                if (r.top_partner === null) return;
                setParams({ [PARAMS.compareA]: r.doc_id, [PARAMS.compareB]: r.top_partner });
                scrollToComparison();
              }}
            />
          </section>
        </div>
      )}
    </QueryBlock>
  );
}
