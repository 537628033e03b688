/**
 * Un-localised copies: documents that kept place names of another jurisdiction in passages they share
 * with a document from there (the ingest's `unlocalised`), with the names and the likely source. A row
 * opens the side-by-side comparison of the copy and its source.
 */
import { DataTable, type Column } from '../components/DataTable';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { unlocalisedDocs, type UnlocalisedDoc } from '../queries/boilerplate';
import { scrollToComparison } from './scroll-to-comparison';

export function UnlocalisedTable() {
  const { t } = useI18n();
  const { filters, setParams } = useRoute();
  const state = useQuery(unlocalisedDocs(filters, 500));
  const columns: Column<UnlocalisedDoc>[] = [
    { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id, numeric: true, plain: true },
    { key: 'title', label: t('col.title'), value: (r) => r.title, className: 'col-title' },
    { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true },
    { key: 'home_path', label: t('col.home'), value: (r) => r.home_path },
    { key: 'names', label: t('unloc.names'), value: (r) => r.names, className: 'wrap' },
    { key: 'occurrences', label: t('unloc.occurrences'), value: (r) => r.occurrences, numeric: true },
    { key: 'source', label: t('unloc.source'), value: (r) => `#${r.source_doc} ${r.source_title}`, className: 'col-title' },
    { key: 'source_year', label: `${t('unloc.source')} · ${t('col.year')}`, value: (r) => r.source_year, numeric: true, plain: true },
    { key: 'source_home', label: `${t('unloc.source')} · ${t('col.home')}`, value: (r) => r.source_home },
  ];
  return (
    <section className="card" data-testid="unlocalised-table">
      <header className="card-head">
        <h3>{t('unloc.title')}</h3>
      </header>
      <p className="note">{t('unloc.note')}</p>
      <QueryBlock state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('unloc.none')}>
        {(rows) => (
          <DataTable
            columns={columns}
            rows={rows}
            name="unlocalised"
            title={t('unloc.title')}
            rowKey={(r) => `${r.doc_id}-${r.source_doc}`}
            onRowClick={(r) => {
              setParams({ [PARAMS.compareA]: r.source_doc, [PARAMS.compareB]: r.doc_id });
              scrollToComparison();
            }}
          />
        )}
      </QueryBlock>
    </section>
  );
}
