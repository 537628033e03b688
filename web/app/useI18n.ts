/** The interface language (from the URL's `lang`, Chinese by default) and its formatters. */
import { useMemo } from 'react';
import { PARAMS } from './params';
import { useRoute } from './useRoute';
import { format, MESSAGES, type Lang, type MessageKey } from '../i18n/messages';

/** Translation and number formatting for the current language. */
export interface I18n {
  lang: Lang;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A label for a value of a coded field (doc_type, unit_type), falling back to the value. */
  label(field: 'docType' | 'unitType', value: string | null): string;
  num(n: number | null | undefined, digits?: number): string;
  pct(n: number | null | undefined): string;
}

/** The current language's messages and formatters. */
export function useI18n(): I18n {
  const { route } = useRoute();
  const lang: Lang = route.params.get(PARAMS.lang) === 'en' ? 'en' : 'zh';
  return useMemo(() => {
    const table = MESSAGES[lang];
    const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
    const t = (key: MessageKey, vars?: Record<string, string | number>) => format(table[key], vars);
    return {
      lang,
      t,
      label(field, value) {
        if (value === null) return t('unknown');
        const key = `${field}.${value}` as MessageKey;
        return key in table ? t(key) : value;
      },
      num: (n, digits = 0) =>
        n === null || n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }),
      pct: (n) => (n === null || n === undefined || Number.isNaN(n) ? '–' : `${(n * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`),
    };
  }, [lang]);
}
