/** Export the whole filtered corpus: every document with its metadata and recycled shares, as XLSX or CSV. */
import { useState } from 'react';
import type { Column } from '../components/DataTable';
import { tableData } from '../components/DataTable';
import { useExportMeta } from '../components/useExportMeta';
import { runQuery } from '../db/statement';
import { useReadyDatabase } from '../db/DatabaseProvider';
import { downloadCsv, downloadXlsx } from '../export/download';
import { useI18n } from '../app/useI18n';
import { useRoute } from '../app/useRoute';
import { corpusExport, type CorpusExportRow } from '../queries/documents';

/** The two buttons. */
export function CorpusExport() {
  const { t, label, num } = useI18n();
  const { filters } = useRoute();
  const connector = useReadyDatabase().connector;
  const meta = useExportMeta();
  const [busy, setBusy] = useState(false);
  const columns: Column<CorpusExportRow>[] = [
    { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id },
    { key: 'title', label: t('col.title'), value: (r) => r.title },
    { key: 'year', label: t('col.year'), value: (r) => r.year },
    { key: 'year_source', label: `${t('col.year')} · source`, value: (r) => r.year_source },
    { key: 'doc_type', label: t('col.type'), value: (r) => label('docType', r.doc_type) },
    { key: 'unit_type', label: t('col.unitType'), value: (r) => label('unitType', r.unit_type) },
    { key: 'org', label: t('col.org'), value: (r) => r.org },
    { key: 'home_code', label: t('places.code'), value: (r) => r.home_code },
    { key: 'home_path', label: t('col.home'), value: (r) => r.home_path },
    { key: 'home_evidence', label: `${t('col.home')} · ${t('docs.homeEvidence')}`, value: (r) => r.home_evidence },
    { key: 'char_count', label: t('col.chars'), value: (r) => r.char_count, format: 'integer' },
    { key: 'token_count', label: t('col.tokens'), value: (r) => r.token_count, format: 'integer' },
    { key: 'share', label: t('col.share'), value: (r) => r.share, format: 'percent' },
    { key: 'reused_chars', label: t('col.reusedChars'), value: (r) => r.reused_chars, format: 'integer' },
    { key: 'formula_chars', label: t('col.formulaChars'), value: (r) => r.formula_chars, format: 'integer' },
    { key: 'top_partner', label: t('col.partner'), value: (r) => r.top_partner },
    { key: 'top_partner_chars', label: t('col.sharedChars'), value: (r) => r.top_partner_chars, format: 'integer' },
    {
      key: 'direction',
      label: t('col.direction'),
      value: (r) => t(`direction.${r.direction === 'source' || r.direction === 'copy' ? r.direction : 'unknown'}`),
    },
    { key: 'corrected', label: t('docs.corrected', { fields: '' }).replace(/[::]\s*$/, ''), value: (r) => r.corrected },
    { key: 'source_path', label: t('col.source'), value: (r) => r.source_path },
    { key: 'part_no', label: 'part', value: (r) => r.part_no },
  ];
  const save = async (kind: 'csv' | 'xlsx') => {
    if (!connector) return;
    setBusy(true);
    try {
      const rows = await runQuery(connector, corpusExport(filters));
      const table = tableData(columns, rows);
      const chars = rows.reduce((a, r) => a + r.char_count, 0);
      if (kind === 'csv') downloadCsv(table, 'corpus');
      else downloadXlsx({ ...table, meta: meta(t('export.corpus'), { caption: t('n.size', { docs: num(rows.length), chars: num(chars) }) }) }, 'corpus');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="btn-group" data-testid="corpus-export" title={t('export.corpus')}>
      <span className="muted small">{t('export.corpus')}</span>
      <button type="button" className="btn btn-small" data-export="corpus-csv" disabled={busy || !connector} onClick={() => void save('csv')}>
        ⤓ CSV
      </button>
      <button type="button" className="btn btn-small" data-export="corpus-xlsx" disabled={busy || !connector} onClick={() => void save('xlsx')}>
        ⤓ Excel
      </button>
    </span>
  );
}
