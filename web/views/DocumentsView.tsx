/**
 * 文档 Documents: every document in a sortable, searchable table, sorted and paged by the database
 * (a page at a time, more on request); click one to read it.
 */
import { useMemo } from 'react';
import { DataTable, formatSort, parseSort, type Column } from '../components/DataTable';
import { QueryBlock } from '../components/Status';
import { usePageLimit } from '../components/usePageLimit';
import { useReadyDatabase } from '../db/DatabaseProvider';
import { runQuery } from '../db/statement';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { documentPage, type DocListRow } from '../queries/documents';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { DocumentReader } from './DocumentReader';
import { CorpusExport } from './CorpusExport';

/** Rows of a page of the table. */
const PAGE = 100;

/** The view. */
export function DocumentsView() {
  const { t, label, pct } = useI18n();
  const { filters, param, setParams } = useRoute();
  const connector = useReadyDatabase().connector;
  const q = param(PARAMS.docSearch) ?? '';
  const needle = q.trim().toLowerCase();
  const sort = parseSort(param(PARAMS.documentsSort), { key: 'doc_id', desc: false });
  const [limit, showMore] = usePageLimit(JSON.stringify([filters, needle, sort]), PAGE);
  const list = useQuery(documentPage(filters, needle, sort, limit));
  const docId = Number(param(PARAMS.doc)) || null;
  const at = param(PARAMS.offset) !== null ? Number(param(PARAMS.offset)) : null;
  const columns: Column<DocListRow>[] = useMemo(
    () => [
      { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id, numeric: true, plain: true },
      { key: 'title', label: t('col.title'), value: (r) => r.title, className: 'col-title' },
      { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true, render: (r) => r.year ?? t('unknown') },
      { key: 'doc_type', label: t('col.type'), value: (r) => label('docType', r.doc_type), className: 'nowrap' },
      { key: 'org', label: t('col.org'), value: (r) => r.org },
      { key: 'unit_type', label: t('col.unitType'), value: (r) => label('unitType', r.unit_type), className: 'nowrap' },
      { key: 'home_path', label: t('col.home'), value: (r) => r.home_path },
      { key: 'char_count', label: t('col.chars'), value: (r) => r.char_count, numeric: true, format: 'integer' },
      { key: 'token_count', label: t('col.tokens'), value: (r) => r.token_count, numeric: true, format: 'integer' },
      { key: 'share', label: t('col.share'), value: (r) => r.share, numeric: true, format: 'percent', render: (r) => pct(r.share) },
      { key: 'source_path', label: t('col.source'), value: (r) => r.source_path, className: 'muted small' },
    ],
    [t, label, pct],
  );
  return (
    <div className={docId ? 'split' : 'stack'}>
      <section className="card" data-testid="documents-table">
        <QueryBlock state={list}>
          {() => (
            <DataTable
              columns={columns}
              rows={list.data ?? []}
              name="documents"
              sort={sort}
              onSort={(s) => setParams({ [PARAMS.documentsSort]: formatSort(s) }, { replace: true })}
              paged={{
                total: list.data?.[0]?.total ?? 0,
                onMore: showMore,
                all: () => runQuery(connector, documentPage(filters, needle, sort, null)),
              }}
              onRowClick={(r) => setParams({ [PARAMS.doc]: r.doc_id, [PARAMS.offset]: null })}
              rowKey={(r) => String(r.doc_id)}
              selectedKey={docId ? String(docId) : null}
              pageSize={PAGE}
              title={t('view.documents')}
              toolbar={
                <>
                  <input
                    className="input"
                    type="search"
                    value={q}
                    placeholder={t('docs.filter')}
                    onChange={(e) => setParams({ [PARAMS.docSearch]: e.target.value || null }, { replace: true })}
                  />
                  <CorpusExport />
                </>
              }
            />
          )}
        </QueryBlock>
      </section>
      {docId ? <DocumentReader key={docId} docId={docId} at={at} /> : <p className="muted center">{t('docs.pick')}</p>}
    </div>
  );
}
