/** Choose the themes and terms drawn as trend lines; the choice lives in the URL (`series-theme`, `series-term`). */
import { useState } from 'react';
import { useI18n } from '../app/useI18n';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

/** Themes drawn when the URL names none: the most frequent ones. */
const DEFAULT_SERIES = 5;

/** The chosen series: the most frequent themes when the URL names none. */
export function useSeriesChoice(): { themes: string[]; terms: string[] } {
  const { route } = useRoute();
  const info = useCorpusInfo();
  const th = route.params.getAll(PARAMS.seriesTheme);
  const tm = route.params.getAll(PARAMS.seriesTerm);
  const top = [...info.themes]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, DEFAULT_SERIES)
    .map((x) => x.theme);
  return { themes: th.length || tm.length ? th.filter((x) => x !== '-') : top, terms: tm };
}

/** Theme chips and a term box. */
export function SeriesPicker() {
  const { t } = useI18n();
  const { setParams } = useRoute();
  const info = useCorpusInfo();
  const { themes, terms } = useSeriesChoice();
  const [draft, setDraft] = useState('');
  const set = (th: string[], tm: string[]) => setParams({ [PARAMS.seriesTheme]: th.length ? th : ['-'], [PARAMS.seriesTerm]: tm });
  const addTerms = () => {
    // commas and 、 separate series; inside one, spaces mean "all in one sentence" and quotes keep a phrase
    const extra = draft
      .split(/[,,、;;]+/)
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter((s) => s && !terms.includes(s));
    if (extra.length) set(themes, [...terms, ...extra]);
    setDraft('');
  };
  return (
    <div className="series-picker" data-testid="series-picker">
      <span className="muted">{t('trends.series')}</span>
      {info.themes.map((x) => {
        const on = themes.includes(x.theme);
        return (
          <button
            key={x.theme}
            type="button"
            className={on ? 'chip on' : 'chip'}
            aria-pressed={on}
            data-series-theme={x.theme}
            onClick={() => set(on ? themes.filter((y) => y !== x.theme) : [...themes, x.theme], terms)}
          >
            {info.themeLabel(x.theme)}
          </button>
        );
      })}
      {terms.map((term) => (
        <button
          key={term}
          type="button"
          className="chip on term"
          onClick={() =>
            set(
              themes,
              terms.filter((y) => y !== term),
            )
          }
        >
          {term} ×
        </button>
      ))}
      <input
        className="input small"
        value={draft}
        placeholder={t('trends.addTerm')}
        data-testid="add-term"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && addTerms()}
        onBlur={addTerms}
      />
    </div>
  );
}
