/** The concordance lines behind one clicked theme cell, and which terms produced them. */
import { useMemo } from 'react';
import { rankedBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { contextColumns } from '../components/context-columns';
import { DataTable, type Column } from '../components/DataTable';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { themeHitLines, themeTermCounts, type ThemeCellRef, type ThemeHitLine } from '../queries/themes';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

/** Lines and term counts for `cell`. */
export function ThemeLines({ cell, keyLabel }: { cell: ThemeCellRef; keyLabel: string }) {
  const { t } = useI18n();
  const { filters, go } = useRoute();
  const info = useCorpusInfo();
  const lines = useQuery(themeHitLines(filters, cell, 40, 2000));
  const terms = useQuery(themeTermCounts(filters, cell.theme));
  const columns: Column<ThemeHitLine>[] = useMemo(
    () => [
      { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true },
      { key: 'title', label: t('col.title'), value: (r) => r.title, className: 'col-title' },
      ...contextColumns<ThemeHitLine>({ left: t('col.left'), match: t('col.match'), right: t('col.right') }),
      { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id, exportOnly: true },
    ],
    [t],
  );
  const termOption = useMemo(() => {
    const top = (terms.data ?? []).slice(0, 15);
    return rankedBarOption(
      top.map((r) => r.term),
      top.map((r) => r.hits),
      '#d97706',
    );
  }, [terms.data]);
  const label = info.themeLabel(cell.theme);
  return (
    <div className="grid-2-1">
      <section className="card" data-testid="theme-lines">
        <header className="card-head">
          <h3>{t('themes.lines', { theme: label, key: keyLabel })}</h3>
        </header>
        <QueryBlock state={lines}>
          {(rows) => (
            <DataTable
              columns={columns}
              rows={rows}
              name={`theme-lines-${cell.theme}-${keyLabel}`}
              sortParam={PARAMS.themeLinesSort}
              onRowClick={(r) => go('documents', { [PARAMS.doc]: r.doc_id, [PARAMS.offset]: r.start })}
              rowKey={(r) => `${r.doc_id}:${r.start}`}
            />
          )}
        </QueryBlock>
      </section>
      <QueryBlock state={terms}>
        {(rows) => (
          <ChartCard
            title={t('themes.termCounts', { theme: label })}
            option={termOption}
            data={{ header: [t('col.term'), t('col.hits'), t('col.docs')], rows: rows.map((r) => [r.term, r.hits, r.docs]) }}
            name={`theme-terms-${cell.theme}`}
            height={Math.max(200, Math.min(15, rows.length) * 26 + 20)}
          />
        )}
      </QueryBlock>
    </div>
  );
}
