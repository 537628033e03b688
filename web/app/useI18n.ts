/** The interface language (from the URL's `lang`, Chinese by default) and its formatters. */
import { useMemo } from 'react';
import { PARAMS } from './params';
import { useRoute } from './useRoute';
import { format, MESSAGES, type Lang, type MessageKey } from '../i18n/messages';

/** Translation and number formatting for the current language. */
export interface I18n {
  lang: Lang;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A label for a value of a coded field (doc_type, unit_type, a place level), falling back to the value. */
  label(field: 'docType' | 'unitType' | 'placeLevel' | 'copyKind' | 'formulationKind' | 'formulationEvent', value: string | null): string;
  num(n: number | null | undefined, digits?: number): string;
  pct(n: number | null | undefined): string;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number format, made once per locale and digits (`toLocaleString` builds one at every call). */
function numberFormat(locale: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}:${minDigits}:${maxDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formats.set(key, f);
  }
  return f;
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
      num: (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '–' : numberFormat(locale, digits, digits).format(n)),
      pct: (n) => (n === null || n === undefined || Number.isNaN(n) ? '–' : `${numberFormat(locale, 0, 1).format(n * 100)}%`),
    };
  }, [lang]);
}
