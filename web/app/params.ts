/**
 * Every URL parameter of the dashboard (`#/<view>?<params>`), listed once: a readable key for the
 * code and the name in the URL. `param`, `setParams` and `href` of `useRoute` accept only these names.
 * (The page's own query string, before the hash, has one more: `?attach=range|memory`, read by
 * `db/wasm-connector.ts` to force how the database file is read.) Links written with the old
 * two-letter names still open: `legacy-params.ts` renames them once, on load.
 */
export const PARAMS = {
  // global: every view, kept by links between views
  /** First year of the year filter. */
  yearFrom: 'year-from',
  /** Last year of the year filter. */
  yearTo: 'year-to',
  /** Document types to keep (repeated). */
  docType: 'doc-type',
  /** Unit kinds to keep (repeated). */
  unitType: 'unit-type',
  /** Units (organisations) to keep (repeated). */
  org: 'org',
  /** Divisions (codes) the documents' homes must lie in (repeated). */
  place: 'place',
  /** `1`: documents of unknown year stay under a year filter. */
  unknownYear: 'unknown-year',
  /** Interface language: `en`; Chinese when absent. */
  lang: 'lang',

  // 主题 Themes
  /** The third heatmap groups by `org` instead of unit kind. */
  themeUnitBy: 'unit-by',
  /** Clicked heatmap cell: its theme. */
  cellTheme: 'theme',
  /** Clicked heatmap cell: its grouping (year, doc_type, unit_type, org). */
  cellBy: 'by',
  /** Clicked heatmap cell: its group value (a year, a type …). */
  cellKey: 'key',
  /** Sort of the theme lexicon table (`column:asc|desc`, as every `…-sort`). */
  lexiconSort: 'lexicon-sort',
  /** Sort of the clicked cell's concordance lines. */
  themeLinesSort: 'lines-sort',

  // 趋势 Trends
  /** Themes drawn as trend lines (repeated; `-` alone: none). */
  seriesTheme: 'series-theme',
  /** Terms drawn as trend lines (repeated). */
  seriesTerm: 'series-term',
  /** Focus year of the comparison. */
  focusYear: 'focus',
  /** Reference year of the comparison, or `rest` (all other years). */
  referenceYear: 'reference',
  /** Minimum frequency of a term in the keyness table. */
  minFreq: 'min-freq',
  /** Keyness table shows only `rising` or `falling` terms. */
  direction: 'direction',
  /** `0`: keyness table also shows terms below the significance threshold. */
  significantOnly: 'significant',
  /** Sort of the term keyness table. */
  keynessSort: 'keyness-sort',
  /** Units compared: by `unit_type` or `org` (unit kind when absent). */
  unitCompareBy: 'compare-by',
  /** The unit kind or unit compared. */
  unitA: 'unit-a',
  /** What it is compared with; every other one when absent. */
  unitB: 'unit-b',
  /** Sort of the unit keyness table. */
  unitKeynessSort: 'unit-keyness-sort',
  /** Sort of the theme comparison table. */
  themeCompareSort: 'theme-compare-sort',

  // 提法 Formulations
  /** Formulations shown: `numbered`, `compound` or `quoted`; all when absent. */
  formulationKind: 'formulation-kind',
  /** Clicked strip cell: its formulation. */
  formulation: 'formulation',
  /** Clicked strip cell: its year. */
  formulationYear: 'formulation-year',

  // 套话 Boilerplate
  /** Reuse kind shown: `copy` or `formula`; all when absent. */
  reuseKind: 'kind',
  /** Selected cluster (recurring passage), whose occurrences are listed. */
  cluster: 'cluster',
  /** Sort of the cluster table. */
  clusterSort: 'cluster-sort',
  /** Sort of the selected cluster's occurrences. */
  occurrenceSort: 'occurrence-sort',
  /** Recycled-share ranking sort. */
  recycledSort: 'recycled-sort',
  /** Left document of the side-by-side comparison. */
  compareA: 'doc-a',
  /** Right document of the side-by-side comparison. */
  compareB: 'doc-b',

  // 文档 Documents
  /** Text filter of the documents table (title, unit, file). */
  docSearch: 'search',
  /** Sort of the documents table. */
  documentsSort: 'documents-sort',
  /** Document open in the reader. */
  doc: 'doc',
  /** Offset (code points) the reader scrolls to and marks. */
  offset: 'offset',
  /** `0`: theme terms not highlighted in the reader. */
  highlightThemes: 'highlight-themes',
  /** `0`: reused passages not highlighted in the reader. */
  highlightReuse: 'highlight-reuse',
  /** Sort of the reader's reused-passage table. */
  reuseSpanSort: 'reuse-span-sort',
  /** Sort of the reader's cleaning log. */
  cleaningSort: 'cleaning-sort',

  // 检索 KWIC
  /** The searched word or phrase. */
  phrase: 'q',
  /** Context characters on each side of a match. */
  context: 'context',
  /** Order of the concordance lines: `left` or `right` context; text order when absent. */
  kwicSort: 'kwic-sort',
  /** Least sentences a collocate shares with the searched word. */
  collocMin: 'colloc-min',
  /** Sort of the hits-by-document table. */
  kwicDocSort: 'kwic-doc-sort',
} as const;

/** A URL parameter name, one of {@link PARAMS}. */
export type ParamName = (typeof PARAMS)[keyof typeof PARAMS];

/** Names of the global filters. */
export const FILTER_PARAMS = [PARAMS.yearFrom, PARAMS.yearTo, PARAMS.docType, PARAMS.unitType, PARAMS.org, PARAMS.place, PARAMS.unknownYear] as const;
