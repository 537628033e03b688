/**
 * Quotation of reference texts: the central documents and speeches the analyst supplied (`--references`)
 * and how much the filtered documents quote each. Quotation is not copying: it is left out of every
 * recycled share and shown here instead.
 */
import { DataTable, type Column } from '../components/DataTable';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { useRoute } from '../app/useRoute';
import { referenceQuotes, type ReferenceQuotes } from '../queries/boilerplate';

export function QuotationsCard() {
  const { t } = useI18n();
  const { filters } = useRoute();
  const state = useQuery(referenceQuotes(filters));
  const columns: Column<ReferenceQuotes>[] = [
    { key: 'title', label: t('quote.reference'), value: (r) => r.title, className: 'col-title' },
    { key: 'docs', label: t('quote.docs'), value: (r) => r.docs, numeric: true },
    { key: 'passages', label: t('col.passages'), value: (r) => r.passages, numeric: true },
    { key: 'chars', label: t('quote.chars'), value: (r) => r.chars, numeric: true },
    { key: 'source_path', label: t('col.source'), value: (r) => r.source_path, exportOnly: true },
  ];
  return (
    <section className="card" data-testid="quotations">
      <header className="card-head">
        <h3>{t('quote.title')}</h3>
      </header>
      <p className="note">{t('quote.note')}</p>
      <QueryBlock state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('quote.none')}>
        {(rows) => <DataTable columns={columns} rows={rows} name="reference-quotations" title={t('quote.title')} rowKey={(r) => String(r.ref_id)} />}
      </QueryBlock>
    </section>
  );
}
