/**
 * Facts about the corpus that many views need: filter choices and themes. Loaded once by
 * {@link CorpusInfoProvider} and read by every component through {@link useCorpusInfo}.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '../db/useQuery';
import { useI18n } from './useI18n';
import { filterChoices, themeList, type FilterChoice, type ThemeInfo } from '../queries/meta';

/** Filter choices by field and the theme list with labels. */
export interface CorpusInfo {
  choices: Record<FilterChoice['field'], FilterChoice[]>;
  years: number[];
  themes: ThemeInfo[];
  themeLabel(theme: string): string;
  ready: boolean;
}

const Ctx = createContext<CorpusInfo | null>(null);

/** Loads the corpus facts once (below a ready database) and shares one object with the tree. */
export function CorpusInfoProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const choices = useQuery(filterChoices());
  const themes = useQuery(themeList());
  const info = useMemo((): CorpusInfo => {
    const by: CorpusInfo['choices'] = { doc_type: [], unit_type: [], org: [], year: [] };
    for (const c of choices.data ?? []) by[c.field].push(c);
    const list = themes.data ?? [];
    const labels = new Map(list.map((t) => [t.theme, lang === 'en' ? t.label_en : t.label_zh]));
    return {
      choices: by,
      years: by.year.map((y) => Number(y.value)).sort((a, b) => a - b),
      themes: list,
      themeLabel: (theme: string) => labels.get(theme) ?? theme,
      ready: choices.status === 'ready' && themes.status === 'ready',
    };
  }, [choices, themes, lang]);
  return <Ctx.Provider value={info}>{children}</Ctx.Provider>;
}

/** The corpus facts; only below {@link CorpusInfoProvider}. */
export function useCorpusInfo(): CorpusInfo {
  const info = useContext(Ctx);
  if (!info) throw new Error('useCorpusInfo outside CorpusInfoProvider');
  return info;
}
