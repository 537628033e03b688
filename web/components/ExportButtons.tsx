/** CSV and Excel buttons for one table. */
import { downloadCsv, downloadXlsx } from '../export/download';
import type { TableData } from '../export/table-data';
import { useI18n } from '../app/useI18n';

/** Buttons that save `table()` (computed on click) under `name`. */
export function ExportButtons({ table, name }: { table: () => TableData; name: string }) {
  const { t } = useI18n();
  return (
    <span className="btn-group">
      <button type="button" className="btn btn-small" data-export="csv" onClick={() => downloadCsv(table(), name)}>
        ⤓ {t('export.csv')}
      </button>
      <button type="button" className="btn btn-small" data-export="xlsx" onClick={() => downloadXlsx(table(), name)}>
        ⤓ {t('export.xlsx')}
      </button>
    </span>
  );
}
