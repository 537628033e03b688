/** The current route as React state, following `hashchange`, with helpers to change it. */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Filters } from '../queries/filters';
import { upgradeLegacyParams } from './legacy-params';
import type { ParamName } from './params';
import { filtersFromParams, formatHash, globalParams, parseHash, patchParams, type ParamPatch, type Route, type ViewId } from './route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** Replace (no new history entry) or push a hash. */
function setHash(hash: string, replace: boolean): void {
  if (hash === window.location.hash) return;
  if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = hash;
}

function upgradeLegacyHash(): void {
  const upgraded = upgradeLegacyParams(parseHash(window.location.hash));
  if (upgraded) history.replaceState(null, '', formatHash(upgraded));
}

/**
 * Rename the old parameter names of a link (`legacy-params.ts`) in place, now and whenever the hash
 * changes. Called once, before the app renders, so its listener runs before every `useRoute` reads.
 */
export function upgradeLegacyLinks(): void {
  upgradeLegacyHash();
  window.addEventListener('hashchange', upgradeLegacyHash);
}

/** What a component needs to read and change the URL state. */
export interface RouteApi {
  route: Route;
  filters: Filters;
  /** A param of the current view. */
  param(key: ParamName): string | null;
  /** Change params of the current view. */
  setParams(patch: ParamPatch, opts?: { replace?: boolean }): void;
  /** Link to another view, keeping filters and language. */
  href(view: ViewId, patch?: ParamPatch): string;
  /** Go to another view, keeping filters and language. */
  go(view: ViewId, patch?: ParamPatch): void;
}

/** Read and change the route. */
export function useRoute(): RouteApi {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  const route = useMemo(() => parseHash(hash), [hash]);
  // Queries are cached by statement and parameters, so a new filters object re-runs nothing.
  const filters = useMemo(() => filtersFromParams(route.params), [route]);
  const param = useCallback((key: ParamName) => route.params.get(key), [route]);
  const setParams = useCallback(
    (patch: ParamPatch, opts?: { replace?: boolean }) =>
      setHash(formatHash({ view: route.view, params: patchParams(route.params, patch) }), opts?.replace ?? false),
    [route],
  );
  const href = useCallback((view: ViewId, patch: ParamPatch = {}) => formatHash({ view, params: patchParams(globalParams(route.params), patch) }), [route]);
  const go = useCallback((view: ViewId, patch: ParamPatch = {}) => setHash(href(view, patch), false), [href]);
  return { route, filters, param, setParams, href, go };
}
