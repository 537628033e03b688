/** The URL parameters of `web/app/params.ts`, and old links (two-letter names) still opening the same screen. */
import { describe, expect, it } from 'vitest';
import { legacyParamName, upgradeLegacyParams } from '../../web/app/legacy-params';
import { PARAMS } from '../../web/app/params';
import { formatHash, parseHash, VIEWS } from '../../web/app/route';

const NAMES = Object.values(PARAMS);

/** Every name the dashboard wrote before `params.ts`, by the view it meant something in. */
const OLD: Record<string, readonly string[]> = {
  '*': ['yf', 'yt', 'dt', 'ut', 'org', 'lang'],
  themes: ['unit', 'theme', 'by', 'key', 'lx', 'ls'],
  trends: ['a', 'b', 'th', 'tm', 'mf', 'show', 'sig', 'ks', 'ts'],
  boilerplate: ['kind', 'cluster', 'cs', 'os', 'rs', 'a', 'b'],
  documents: ['q', 'doc', 'at', 'sort', 'ht', 'hr', 'rsp', 'cl'],
  kwic: ['q', 'ctx', 'ks', 'ds'],
};

describe('URL parameters', () => {
  it('gives every parameter its own name', () => {
    expect(new Set(NAMES).size).toBe(NAMES.length);
    for (const name of NAMES) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('reads every old name in the view that wrote it, each as one parameter of today', () => {
    for (const [view, old] of Object.entries(OLD)) {
      for (const name of old) {
        const views = view === '*' ? VIEWS : [view as (typeof VIEWS)[number]];
        for (const v of views) expect(NAMES, `${v}: ${name}`).toContain(legacyParamName(v, name) ?? name);
      }
    }
  });

  it('never renames a name of today (but `q` of the documents table, now `search`)', () => {
    const renamed = VIEWS.flatMap((v) => NAMES.filter((n) => legacyParamName(v, n) !== undefined).map((n) => `${v}:${n}`));
    expect(renamed).toEqual(['documents:q']);
  });

  it('resolves the double meanings by view', () => {
    const up = (hash: string) => {
      const r = upgradeLegacyParams(parseHash(hash));
      return r ? formatHash(r) : null;
    };
    expect(up('#/trends?a=2024&b=rest&ks=g2:asc&yf=2020')).toBe('#/trends?focus=2024&reference=rest&keyness-sort=g2%3Aasc&year-from=2020');
    expect(up('#/boilerplate?a=3&b=7&kind=copy')).toBe('#/boilerplate?doc-a=3&doc-b=7&kind=copy');
    expect(up('#/kwic?q=x&ks=left&ctx=50')).toBe('#/kwic?q=x&kwic-sort=left&context=50');
    expect(up('#/documents?q=x&doc=2&at=15&ht=0')).toBe('#/documents?search=x&doc=2&offset=15&highlight-themes=0');
    expect(up('#/trends?th=a&th=b&tm=x')).toBe('#/trends?series-theme=a&series-theme=b&series-term=x');
    expect(up('#/kwic?q=x&kwic-sort=left')).toBeNull();
    expect(up('#/themes?theme=t&by=year&key=2024')).toBeNull();
  });
});
