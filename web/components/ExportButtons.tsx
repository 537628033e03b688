/** CSV and Excel buttons for one table. */
import { downloadCsv, downloadXlsx } from '../export/download';
import type { TableData } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { useExportMeta } from './useExportMeta';

/**
 * Buttons that save `table()` (computed on click, or fetched: a table paged by the database) under
 * `name`; the XLSX file gets a second sheet with `title`, the filters, the date and `caption` (what
 * the numbers rest on).
 */
export function ExportButtons({
  table,
  name,
  title,
  caption,
  unit,
}: {
  table: () => TableData | Promise<TableData>;
  name: string;
  title?: string;
  caption?: string;
  unit?: string;
}) {
  const { t } = useI18n();
  const meta = useExportMeta();
  const withMeta = async (): Promise<TableData> => ({ ...(await table()), meta: meta(title ?? name, { caption, unit }) });
  return (
    <span className="btn-group">
      <button type="button" className="btn btn-small" data-export="csv" onClick={async () => downloadCsv(await table(), name)}>
        ⤓ {t('export.csv')}
      </button>
      <button type="button" className="btn btn-small" data-export="xlsx" onClick={async () => downloadXlsx(await withMeta(), name)}>
        ⤓ {t('export.xlsx')}
      </button>
    </span>
  );
}
