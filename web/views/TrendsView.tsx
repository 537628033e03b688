/** 趋势 Trends: lines by year, and what a focus year stresses more or less than a reference. */
import { useI18n } from '../app/useI18n';
import { Empty } from '../components/Status';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { TermKeyness } from './TermKeyness';
import { ThemeCompare } from './ThemeCompare';
import { TrendLines } from './TrendLines';

/** The view. */
export function TrendsView() {
  const { t } = useI18n();
  const { param, setParams } = useRoute();
  const { years } = useCorpusInfo();
  const a = Number(param(PARAMS.focusYear)) || years[years.length - 1] || null;
  const bParam = param(PARAMS.referenceYear);
  const b = bParam === 'rest' ? null : Number(bParam) || years.filter((y) => y !== a).pop() || null;
  return (
    <div className="stack">
      <TrendLines />
      <section className="card compare-bar">
        <label className="field">
          <span>{t('trends.focus')}</span>
          <select data-testid="year-a" value={a ?? ''} onChange={(e) => setParams({ [PARAMS.focusYear]: e.target.value })}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('trends.vs')}</span>
          <select data-testid="year-b" value={b === null ? 'rest' : b} onChange={(e) => setParams({ [PARAMS.referenceYear]: e.target.value })}>
            <option value="rest">{t('trends.rest')}</option>
            {years.filter((y) => y !== a).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </section>
      {a === null || years.length < 2 ? (
        <Empty message={t('trends.needYears')} />
      ) : (
        <>
          <ThemeCompare yearA={a} yearB={b} />
          <TermKeyness yearA={a} yearB={b} />
        </>
      )}
    </div>
  );
}
