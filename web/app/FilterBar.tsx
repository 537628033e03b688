/** The global filters: year range, document types, unit kind and unit. They apply to every view. */
import { useI18n } from '../i18n/useI18n';
import { FILTER_KEYS } from './route';
import { useCorpusInfo } from './useCorpusInfo';
import { useRoute } from './useRoute';

/** The filter bar under the navigation. */
export function FilterBar() {
  const { t, label, num } = useI18n();
  const { filters, setParams } = useRoute();
  const info = useCorpusInfo();
  const active = filters.yearFrom !== null || filters.yearTo !== null || filters.docTypes.length + filters.unitTypes.length + filters.orgs.length > 0;
  const toggleType = (v: string) =>
    setParams({ dt: filters.docTypes.includes(v) ? filters.docTypes.filter((x) => x !== v) : [...filters.docTypes, v] });
  return (
    <div className="filterbar" data-testid="filters">
      <label className="field">
        <span>{t('filter.years')}</span>
        <select aria-label={t('filter.from')} data-filter="yf" value={filters.yearFrom ?? ''} onChange={(e) => setParams({ yf: e.target.value || null })}>
          <option value="">{t('filter.from')}</option>
          {info.years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        <span className="dash">–</span>
        <select aria-label={t('filter.to')} data-filter="yt" value={filters.yearTo ?? ''} onChange={(e) => setParams({ yt: e.target.value || null })}>
          <option value="">{t('filter.to')}</option>
          {info.years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <div className="field chips" role="group" aria-label={t('filter.docType')}>
        <span>{t('filter.docType')}</span>
        {info.choices.doc_type.map((c) => (
          <button
            key={c.value}
            type="button"
            data-filter-type={c.value}
            className={filters.docTypes.includes(c.value) ? 'chip on' : 'chip'}
            aria-pressed={filters.docTypes.includes(c.value)}
            onClick={() => toggleType(c.value)}
          >
            {label('docType', c.value)} <small>{num(c.n)}</small>
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t('filter.unitType')}</span>
        <select data-filter="ut" value={filters.unitTypes[0] ?? ''} onChange={(e) => setParams({ ut: e.target.value ? [e.target.value] : null })}>
          <option value="">{t('filter.any')}</option>
          {info.choices.unit_type.map((c) => <option key={c.value} value={c.value}>{label('unitType', c.value)} ({c.n})</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('filter.org')}</span>
        <select data-filter="org" value={filters.orgs[0] ?? ''} onChange={(e) => setParams({ org: e.target.value ? [e.target.value] : null })}>
          <option value="">{t('filter.any')}</option>
          {info.choices.org.map((c) => <option key={c.value} value={c.value}>{c.value} ({c.n})</option>)}
        </select>
      </label>
      {active && (
        <button type="button" className="btn btn-link" data-action="reset-filters" onClick={() => setParams(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>
          × {t('filter.reset')}
        </button>
      )}
    </div>
  );
}
