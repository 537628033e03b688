/**
 * The URL is the state: `#/<view>?<params>`. Global filters (`yf`, `yt`, `dt`, `ut`, `org`), the
 * language (`lang`) and every view's selections live in the params, so a link reproduces a screen.
 */
import type { Filters } from '../queries/filters';

/** The views, in navigation order. */
export const VIEWS = ['overview', 'themes', 'trends', 'boilerplate', 'documents', 'kwic'] as const;
/** One of {@link VIEWS}. */
export type ViewId = (typeof VIEWS)[number];

/** A parsed location. */
export interface Route {
  readonly view: ViewId;
  readonly params: URLSearchParams;
}

/** Parameter names of the global filters. */
export const FILTER_KEYS = ['yf', 'yt', 'dt', 'ut', 'org'] as const;

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

function intParam(p: URLSearchParams, key: string): number | null {
  const v = p.get(key);
  return v !== null && /^-?\d+$/.test(v) ? Number(v) : null;
}

/** The global filters held in the params. */
export function filtersFromParams(p: URLSearchParams): Filters {
  return {
    yearFrom: intParam(p, 'yf'),
    yearTo: intParam(p, 'yt'),
    docTypes: p.getAll('dt'),
    unitTypes: p.getAll('ut'),
    orgs: p.getAll('org'),
  };
}

/** A change to params: a string or list sets, null or an empty list removes. */
export type ParamPatch = Record<string, string | number | readonly string[] | null | undefined>;

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
  for (const [k, v] of p) if ((FILTER_KEYS as readonly string[]).includes(k) || k === 'lang') next.append(k, v);
  return next;
}
