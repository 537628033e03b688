import { describe, expect, it } from 'vitest';
import { UNIT_KINDS } from '../../common/lexicon';
import { DOC_TYPES, YEAR_SOURCES } from '../../common/schema';
import { MESSAGES } from '../../web/i18n/messages';

describe('labels for every value the ingest stores', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`names every unit kind and document type in ${lang}`, () => {
      const table = MESSAGES[lang] as Record<string, string>;
      const missing = [...UNIT_KINDS.map((k) => `unitType.${k}`), ...DOC_TYPES.map((k) => `docType.${k}`)].filter((k) => !table[k]);
      expect(missing).toEqual([]);
    });
    it(`explains every year source in ${lang}`, () => {
      const table = MESSAGES[lang] as Record<string, string>;
      expect(YEAR_SOURCES.filter((s) => !table[`yearSource.${s}`])).toEqual([]);
    });
  }
});
