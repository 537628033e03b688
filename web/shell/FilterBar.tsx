/** The global filters: year range, document types, unit kind, unit and place. They apply to every view. */
import { useI18n } from '../app/useI18n';
import { FILTER_PARAMS, PARAMS } from '../app/params';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { useRoute } from '../app/useRoute';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../db/useQuery';
import { PLACE_LEVELS, type PlaceLevel } from '../../common/schema';
import { choiceCounts, placeChoices, type CountedField } from '../queries/meta';

/** How long the filters must stay unchanged before the chip counts are recomputed. */
const COUNTS_DELAY_MS = 300;

/** `value` once it has not changed for `ms` (null before the first time). */
function useSettled<T>(value: T, ms: number): T | null {
  const [settled, setSettled] = useState<T | null>(null);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/** The filter bar under the navigation. */
export function FilterBar() {
  const { t, label, num } = useI18n();
  const { filters, setParams } = useRoute();
  const info = useCorpusInfo();
  // counts under the other filters in force (what choosing a value would leave), asked for once the
  // view's own queries have gone out: the database runs one query at a time, charts first
  const settled = useSettled(filters, COUNTS_DELAY_MS);
  const counts = useQuery(settled ? choiceCounts(settled) : null);
  const places = useQuery(placeChoices(settled ?? filters));
  const byField = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of counts.data ?? []) m.set(`${r.field}\u0000${r.value}`, r.n);
    return counts.data ? m : null;
  }, [counts.data]);
  const countOf = (field: CountedField, value: string, fallback: number) => (byField ? (byField.get(`${field}\u0000${value}`) ?? 0) : fallback);
  const active =
    filters.yearFrom !== null ||
    filters.yearTo !== null ||
    filters.docTypes.length + filters.unitTypes.length + filters.orgs.length + filters.places.length > 0 ||
    !!filters.keepUnknownYear;
  const yearBound = filters.yearFrom !== null || filters.yearTo !== null;
  const toggleType = (v: string) =>
    setParams({ [PARAMS.docType]: filters.docTypes.includes(v) ? filters.docTypes.filter((x) => x !== v) : [...filters.docTypes, v] });
  // `data-filter` values are hooks for the e2e test and bench/dashboard.bench.ts, not URL names (see app/params.ts)
  return (
    <div className="filterbar" data-testid="filters">
      <label className="field">
        <span>{t('filter.years')}</span>
        <select
          aria-label={t('filter.from')}
          data-filter="yf"
          value={filters.yearFrom ?? ''}
          onChange={(e) => setParams({ [PARAMS.yearFrom]: e.target.value || null })}
        >
          <option value="">{t('filter.from')}</option>
          {info.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <span className="dash">–</span>
        <select
          aria-label={t('filter.to')}
          data-filter="yt"
          value={filters.yearTo ?? ''}
          onChange={(e) => setParams({ [PARAMS.yearTo]: e.target.value || null })}
        >
          <option value="">{t('filter.to')}</option>
          {info.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {yearBound && (
        <label className="check" title={t('filter.keepUnknown')}>
          <input
            type="checkbox"
            data-filter="unknown-year"
            checked={!!filters.keepUnknownYear}
            onChange={(e) => setParams({ [PARAMS.unknownYear]: e.target.checked ? '1' : null })}
          />{' '}
          + {t('filter.unknownYear')}
        </label>
      )}
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
            {label('docType', c.value)} <small data-count>{num(countOf('doc_type', c.value, c.n))}</small>
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t('filter.unitType')}</span>
        <select
          data-filter="ut"
          value={filters.unitTypes[0] ?? ''}
          onChange={(e) => setParams({ [PARAMS.unitType]: e.target.value ? [e.target.value] : null })}
        >
          <option value="">{t('filter.any')}</option>
          {info.choices.unit_type.map((c) => (
            <option key={c.value} value={c.value}>
              {label('unitType', c.value)} ({countOf('unit_type', c.value, c.n)})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('filter.org')}</span>
        <select data-filter="org" value={filters.orgs[0] ?? ''} onChange={(e) => setParams({ [PARAMS.org]: e.target.value ? [e.target.value] : null })}>
          <option value="">{t('filter.any')}</option>
          {info.choices.org.map((c) => (
            <option key={c.value} value={c.value}>
              {c.value} ({countOf('org', c.value, c.n)})
            </option>
          ))}
        </select>
      </label>
      {(places.data?.length ?? 0) > 0 && (
        <label className="field" title={t('filter.placeHint')}>
          <span>{t('filter.place')}</span>
          <select data-filter="place" value={filters.places[0] ?? ''} onChange={(e) => setParams({ [PARAMS.place]: e.target.value ? [e.target.value] : null })}>
            <option value="">{t('filter.any')}</option>
            {places.data!.map((c) => (
              <option key={c.code} value={c.code}>
                {'\u3000'.repeat(PLACE_LEVELS.indexOf(c.level as PlaceLevel))}
                {c.name} ({num(c.n)})
              </option>
            ))}
          </select>
        </label>
      )}
      {active && (
        <button
          type="button"
          className="btn btn-link"
          data-action="reset-filters"
          onClick={() => setParams(Object.fromEntries(FILTER_PARAMS.map((k) => [k, null])))}
        >
          × {t('filter.reset')}
        </button>
      )}
    </div>
  );
}
