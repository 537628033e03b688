/** The most widely used passages: clusters with kind, documents and years; a click lists where. */
import { useMemo } from 'react';
import { DataTable, formatSort, parseSort, type Column } from '../components/DataTable';
import { QueryBlock } from '../components/Status';
import { HelpTip } from '../components/HelpTip';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { clusterOccurrences, clusters, type ClusterOccurrence, type ClusterRow, type ReuseKind } from '../queries/boilerplate';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

/** Clusters of `kind`, and the occurrences of the selected one. */
export function ClusterTable({ kind }: { kind: ReuseKind }) {
  const { t } = useI18n();
  const { filters, param, setParams, href } = useRoute();
  const state = useQuery(clusters(filters, kind, 500));
  const selected = Number(param(PARAMS.cluster)) || null;
  const occ = useQuery(selected ? clusterOccurrences(selected) : null);
  const columns: Column<ClusterRow>[] = useMemo(
    () => [
      { key: 'representative', label: t('col.passage'), value: (r) => r.representative, className: 'wrap clip' },
      {
        key: 'kind',
        label: t('col.kind'),
        value: (r) => r.kind,
        render: (r) => <span className={`badge kind-${r.kind}`}>{t(r.kind === 'formula' ? 'kind.formula' : 'kind.copy')}</span>,
      },
      { key: 'n_docs', label: t('col.docs'), value: (r) => r.n_docs, numeric: true },
      {
        key: 'years',
        label: t('col.years'),
        value: (r) => (r.first_year === null ? null : r.first_year === r.last_year ? String(r.first_year) : `${r.first_year}–${r.last_year}`),
      },
      { key: 'total_chars', label: t('col.totalChars'), value: (r) => r.total_chars, numeric: true },
    ],
    [t],
  );
  const occColumns: Column<ClusterOccurrence>[] = [
    { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true },
    {
      key: 'title',
      label: t('col.title'),
      value: (r) => r.title,
      render: (r) => <a href={href('documents', { [PARAMS.doc]: r.doc_id, [PARAMS.offset]: r.start })}>{r.title}</a>,
    },
    { key: 'org', label: t('col.org'), value: (r) => r.org },
    { key: 'passage', label: t('col.passage'), value: (r) => r.passage, className: 'wrap clip' },
    { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id, exportOnly: true },
    { key: 'source_path', label: t('col.source'), value: (r) => r.source_path, exportOnly: true },
  ];
  return (
    <section className="card" data-testid="clusters">
      <header className="card-head">
        <h3>
          {t('boiler.clusters')} <HelpTip topic="formulaVsCopy" />
        </h3>
      </header>
      <QueryBlock state={state}>
        {(rows) => (
          <DataTable
            columns={columns}
            rows={rows}
            name={`passages-${kind}`}
            sort={parseSort(param(PARAMS.clusterSort), { key: 'n_docs', desc: true })}
            onSort={(s) => setParams({ [PARAMS.clusterSort]: formatSort(s) }, { replace: true })}
            onRowClick={(r) => setParams({ [PARAMS.cluster]: r.cluster_id === selected ? null : r.cluster_id })}
            rowKey={(r) => String(r.cluster_id)}
            selectedKey={selected ? String(selected) : null}
            pageSize={15}
          />
        )}
      </QueryBlock>
      {selected && (
        <div className="sub">
          <h4>{t('boiler.occurrences')}</h4>
          <QueryBlock state={occ}>
            {(rows) => <DataTable columns={occColumns} rows={rows} name={`passage-${selected}`} sortParam={PARAMS.occurrenceSort} />}
          </QueryBlock>
        </div>
      )}
    </section>
  );
}
