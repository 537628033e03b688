/** The global filters: year range, document types, unit kind and unit. They apply to every view. */
import { useI18n } from '../app/useI18n';
import { FILTER_PARAMS, PARAMS } from '../app/params';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { useRoute } from '../app/useRoute';

/** The filter bar under the navigation. */
export function FilterBar() {
  const { t, label, num } = useI18n();
  const { filters, setParams } = useRoute();
  const info = useCorpusInfo();
  const active = filters.yearFrom !== null || filters.yearTo !== null || filters.docTypes.length + filters.unitTypes.length + filters.orgs.length > 0;
  const toggleType = (v: string) =>
    setParams({ [PARAMS.docType]: filters.docTypes.includes(v) ? filters.docTypes.filter((x) => x !== v) : [...filters.docTypes, v] });
  // `data-filter` values are hooks for the e2e test and bench/dashboard.bench.ts, not URL names (see app/params.ts)
  return (
    <div className="filterbar" data-testid="filters">
      <label className="field">
        <span>{t('filter.years')}</span>
        <select aria-label={t('filter.from')} data-filter="yf" value={filters.yearFrom ?? ''} onChange={(e) => setParams({ [PARAMS.yearFrom]: e.target.value || null })}>
          <option value="">{t('filter.from')}</option>
          {info.years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        <span className="dash">–</span>
        <select aria-label={t('filter.to')} data-filter="yt" value={filters.yearTo ?? ''} onChange={(e) => setParams({ [PARAMS.yearTo]: e.target.value || null })}>
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
        <select data-filter="ut" value={filters.unitTypes[0] ?? ''} onChange={(e) => setParams({ [PARAMS.unitType]: e.target.value ? [e.target.value] : null })}>
          <option value="">{t('filter.any')}</option>
          {info.choices.unit_type.map((c) => <option key={c.value} value={c.value}>{label('unitType', c.value)} ({c.n})</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('filter.org')}</span>
        <select data-filter="org" value={filters.orgs[0] ?? ''} onChange={(e) => setParams({ [PARAMS.org]: e.target.value ? [e.target.value] : null })}>
          <option value="">{t('filter.any')}</option>
          {info.choices.org.map((c) => <option key={c.value} value={c.value}>{c.value} ({c.n})</option>)}
        </select>
      </label>
      {active && (
        <button type="button" className="btn btn-link" data-action="reset-filters" onClick={() => setParams(Object.fromEntries(FILTER_PARAMS.map((k) => [k, null])))}>
          × {t('filter.reset')}
        </button>
      )}
    </div>
  );
}
