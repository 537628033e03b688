/**
 * Links written before the parameters had readable names (`#/trends?a=2024&ks=g2:desc`) still open:
 * on load, the old names are renamed to those of `params.ts`. A few old names meant different things
 * in different views (`a`/`b`: two years or two documents, `ks`: keyness or KWIC sort, `q`: a search
 * of the documents table or the KWIC phrase), so the renaming depends on the view.
 */
import { PARAMS, type ParamName } from './params';
import type { Route, ViewId } from './route';

/** Old name → new name, in every view. */
const EVERYWHERE: Readonly<Record<string, ParamName>> = {
  yf: PARAMS.yearFrom,
  yt: PARAMS.yearTo,
  dt: PARAMS.docType,
  ut: PARAMS.unitType,
  unit: PARAMS.themeUnitBy,
  lx: PARAMS.lexiconSort,
  ls: PARAMS.themeLinesSort,
  th: PARAMS.seriesTheme,
  tm: PARAMS.seriesTerm,
  mf: PARAMS.minFreq,
  show: PARAMS.direction,
  sig: PARAMS.significantOnly,
  ts: PARAMS.themeCompareSort,
  cs: PARAMS.clusterSort,
  os: PARAMS.occurrenceSort,
  rs: PARAMS.recycledSort,
  sort: PARAMS.documentsSort,
  at: PARAMS.offset,
  ht: PARAMS.highlightThemes,
  hr: PARAMS.highlightReuse,
  rsp: PARAMS.reuseSpanSort,
  cl: PARAMS.cleaningSort,
  ctx: PARAMS.context,
  ds: PARAMS.kwicDocSort,
};

/** Old name → new name, in one view only (the old name meant something else elsewhere, or nothing). */
const IN_VIEW: Readonly<Partial<Record<ViewId, Readonly<Record<string, ParamName>>>>> = {
  trends: { a: PARAMS.focusYear, b: PARAMS.referenceYear, ks: PARAMS.keynessSort },
  boilerplate: { a: PARAMS.compareA, b: PARAMS.compareB },
  documents: { q: PARAMS.docSearch },
  kwic: { ks: PARAMS.kwicSort },
};

/** The old name `name` of a param in `view`, renamed; undefined when it is not an old name there. */
export function legacyParamName(view: ViewId, name: string): ParamName | undefined {
  return IN_VIEW[view]?.[name] ?? (Object.hasOwn(EVERYWHERE, name) ? EVERYWHERE[name] : undefined);
}

/** The route with old parameter names renamed, or null when it has none. */
export function upgradeLegacyParams(route: Route): Route | null {
  let changed = false;
  const params = new URLSearchParams();
  for (const [name, value] of route.params) {
    const renamed = legacyParamName(route.view, name);
    if (renamed !== undefined) changed = true;
    params.append(renamed ?? name, value);
  }
  return changed ? { view: route.view, params } : null;
}
