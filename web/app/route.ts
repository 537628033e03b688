/**
 * The URL is the state: `#/<view>?<params>`. Global filters, the language and every view's
 * selections live in the params (each named once, in `params.ts`), so a link reproduces a screen.
 */
import type { Filters } from '../queries/filters';
import { FILTER_PARAMS, PARAMS, type ParamName } from './params';

/** The views, in navigation order. */
export const VIEWS = ['overview', 'themes', 'trends', 'formulations', 'boilerplate', 'documents', 'kwic'] as const;
/** One of {@link VIEWS}. */
export type ViewId = (typeof VIEWS)[number];

/** A parsed location. */
export interface Route {
  readonly view: ViewId;
  readonly params: URLSearchParams;
}

/** Read `#/view?params`; an unknown view falls back to the overview. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const name = q < 0 ? body : body.slice(0, q);
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewId) : 'overview';
  return { view, params: new URLSearchParams(q < 0 ? '' : body.slice(q + 1)) };
}

/** Write a route back as a hash. */
export function formatHash(route: Route): string {
  const qs = route.params.toString();
  return `#/${route.view}${qs ? `?${qs}` : ''}`;
}

/** Whole numbers a URL may carry: what DuckDB's INTEGER holds (a year, an id, an offset). */
export const URL_INT_RANGE = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/**
 * A whole-number param, or null when absent, not a number or outside `[min, max]` (then ignored, so
 * a mistyped link shows the unfiltered screen instead of a database conversion error).
 */
export function intParam(p: URLSearchParams, key: string, min: number = URL_INT_RANGE.min, max: number = URL_INT_RANGE.max): number | null {
  const v = p.get(key);
  if (v === null || !/^-?\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/** A friendly message for each number in the URL that is out of range and was ignored. */
export function ignoredParams(p: URLSearchParams): string[] {
  const out: string[] = [];
  for (const [key, v] of p) {
    const n = Number(v);
    if (/^-?\d+$/.test(v) && !(n >= URL_INT_RANGE.min && n <= URL_INT_RANGE.max))
      out.push(`${key}=${v.length > 24 ? `${v.slice(0, 24)}…` : v}: number out of range, ignored`);
  }
  return out;
}

/** The global filters held in the params. */
export function filtersFromParams(p: URLSearchParams): Filters {
  return {
    yearFrom: intParam(p, PARAMS.yearFrom),
    yearTo: intParam(p, PARAMS.yearTo),
    docTypes: p.getAll(PARAMS.docType),
    unitTypes: p.getAll(PARAMS.unitType),
    orgs: p.getAll(PARAMS.org),
    places: p.getAll(PARAMS.place),
    keepUnknownYear: p.get(PARAMS.unknownYear) === '1',
  };
}

/** A change to params (names from `params.ts`): a string or list sets, null or an empty list removes. */
export type ParamPatch = Partial<Record<ParamName, string | number | readonly string[] | null>>;

/** Apply a patch to a copy of the params. */
export function patchParams(p: URLSearchParams, patch: ParamPatch): URLSearchParams {
  const next = new URLSearchParams(p);
  for (const [key, value] of Object.entries(patch)) {
    next.delete(key);
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number') next.set(key, String(value));
    else for (const v of value) next.append(key, v);
  }
  return next;
}

/** Only the params that carry across views: filters and language. */
export function globalParams(p: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const [k, v] of p) if ((FILTER_PARAMS as readonly string[]).includes(k) || k === PARAMS.lang) next.append(k, v);
  return next;
}
