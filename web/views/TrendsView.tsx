/** 趋势 Trends: lines by year, and what a focus year stresses more or less than a reference. */
import { useI18n } from '../app/useI18n';
import { Empty, Loading } from '../components/Status';
import { HelpTip } from '../components/HelpTip';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { useQuery } from '../db/useQuery';
import { keyness, yearSizes } from '../queries/trends';
import { defaultYears, isThin, MIN_CHARS, MIN_DOCS, type YearSize } from '../stats/sample';
import { TermKeyness } from './TermKeyness';
import { UnitCompare } from './UnitCompare';
import { ThemeCompare } from './ThemeCompare';
import { TrendLines } from './TrendLines';
import { useCorpusInfo } from '../app/useCorpusInfo';

/** The view. */
export function TrendsView() {
  const { t, num } = useI18n();
  const { param, setParams, filters } = useRoute();
  const sizes = useQuery(yearSizes(filters));
  const info = useCorpusInfo();
  const list: YearSize[] = sizes.data ?? [];
  // until the sizes under the current filters are in, offer the corpus's years
  const years = sizes.data ? list.map((y) => y.year) : info.years;
  const size = (y: number | null) => list.find((s) => s.year === y);
  const chosen = defaultYears(list);
  const aParam = Number(param(PARAMS.focusYear));
  const a = years.includes(aParam) ? aParam : chosen.focus;
  const bParam = param(PARAMS.referenceYear);
  const bNum = Number(bParam);
  const b =
    bParam === 'rest'
      ? null
      : years.includes(bNum) && bNum !== a
        ? bNum
        : a === chosen.focus
          ? chosen.reference
          : (years.filter((y) => y !== a && !isThin(size(y)!)).pop() ?? years.filter((y) => y !== a).pop() ?? null);
  const isDefault = !param(PARAMS.focusYear) && !bParam;
  const yearLabel = (y: number) => {
    const s = size(y);
    return s ? `${y} (${t('n.docsShort', { n: s.docs })}${isThin(s) ? ` · ${t('n.thin')}` : ''})` : String(y);
  };
  const sizeNote = (y: number | null) => {
    if (y === null) {
      const rest = list.filter((s) => s.year !== a);
      return t('n.size', { docs: num(rest.reduce((s, x) => s + x.docs, 0)), chars: num(rest.reduce((s, x) => s + x.chars, 0)) });
    }
    const s = size(y);
    return s ? t('n.size', { docs: num(s.docs), chars: num(s.chars) }) : '';
  };
  const thinChosen = [a, b].filter((y): y is number => y !== null && !!size(y) && isThin(size(y)!));
  return (
    <div className="stack">
      <TrendLines />
      <section className="card compare-bar">
        <label className="field">
          <span>{t('trends.focus')}</span>
          <select data-testid="year-a" value={a ?? ''} onChange={(e) => setParams({ [PARAMS.focusYear]: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {yearLabel(y)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('trends.vs')}</span>
          <select data-testid="year-b" value={b === null ? 'rest' : b} onChange={(e) => setParams({ [PARAMS.referenceYear]: e.target.value })}>
            <option value="rest">{t('trends.rest')}</option>
            {years
              .filter((y) => y !== a)
              .map((y) => (
                <option key={y} value={y}>
                  {yearLabel(y)}
                </option>
              ))}
          </select>
        </label>
        <p className="note" data-testid="trends-choice">
          {a !== null && (
            <>
              {a}: {sizeNote(a)}; {b === null ? t('trends.rest') : b}: {sizeNote(b)}.{' '}
            </>
          )}
          {isDefault &&
            a !== null &&
            (chosen.fallback
              ? t('trends.defaultFallback', { docs: MIN_DOCS, chars: num(MIN_CHARS) })
              : t('trends.defaultChoice', {
                  a,
                  b: b ?? '',
                  docs: MIN_DOCS,
                  chars: num(MIN_CHARS),
                  skipped: chosen.thinSkipped.length ? t('trends.skipped', { years: chosen.thinSkipped.join('、') }) : '',
                }))}
          {thinChosen.length > 0 && (
            <strong className="thin-warning" data-testid="thin-warning">
              {' '}
              {t('trends.thinWarning', { years: thinChosen.join('、'), docs: MIN_DOCS, chars: num(MIN_CHARS) })}
            </strong>
          )}
          <HelpTip topic="per10k" />
        </p>
      </section>
      {a === null || years.length < 2 ? (
        sizes.data ? (
          <Empty message={t('trends.needYears')} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <ThemeCompare yearA={a} yearB={b} />
          <TermKeyness a={String(a)} b={b === null ? t('trends.rest') : String(b)} counts={(minFreq) => keyness(filters, { yearA: a, yearB: b, minFreq })} />
        </>
      )}
      <UnitCompare />
    </div>
  );
}
