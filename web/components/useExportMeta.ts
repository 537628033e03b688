/** What every export says about itself: title, the filters in force, the date, the unit and n. */
import { useCallback } from 'react';
import { useI18n } from '../app/useI18n';
import { useRoute } from '../app/useRoute';
import type { ExportMeta } from '../export/table-data';

/** The current filters in words ("全部" when none). */
export function useFilterText(): string {
  const { t, label } = useI18n();
  const { filters } = useRoute();
  const parts: string[] = [];
  if (filters.yearFrom !== null || filters.yearTo !== null)
    parts.push(`${t('filter.years')} ${filters.yearFrom ?? '…'}–${filters.yearTo ?? '…'}${filters.keepUnknownYear ? ` + ${t('filter.unknownYear')}` : ''}`);
  if (filters.docTypes.length) parts.push(`${t('filter.docType')} ${filters.docTypes.map((v) => label('docType', v)).join('、')}`);
  if (filters.unitTypes.length) parts.push(`${t('filter.unitType')} ${filters.unitTypes.map((v) => label('unitType', v)).join('、')}`);
  if (filters.orgs.length) parts.push(`${t('filter.org')} ${filters.orgs.join('、')}`);
  if (filters.places.length) parts.push(`${t('filter.place')} ${filters.places.join('、')}`);
  return parts.length ? parts.join(' · ') : t('export.noFilters');
}

/** Build the meta lines of an export: title, filters, unit, n (caption) and the date. */
export function useExportMeta(): (title: string, extra?: { unit?: string; caption?: string }) => ExportMeta {
  const { t } = useI18n();
  const filterText = useFilterText();
  return useCallback(
    (title, extra = {}) => {
      const lines: [string, string][] = [
        [t('export.title'), title],
        [t('export.filters'), filterText],
      ];
      if (extra.unit) lines.push([t('export.unit'), extra.unit]);
      if (extra.caption) lines.push([t('export.n'), extra.caption]);
      lines.push([t('export.date'), new Date().toISOString().slice(0, 19).replace('T', ' ')]);
      lines.push([t('export.source'), `${t('appName')} ReportScope · ${typeof location === 'undefined' ? '' : location.href}`]);
      return { lines };
    },
    [t, filterText],
  );
}
