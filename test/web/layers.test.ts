/**
 * The web app's layering (see `web/README.md`): every import of `web/**\/*.ts(x)` goes down the
 * layers below, no two folders import each other (directly or around a loop), and no two files do.
 * Imports are read from the source text (static, `export … from`, dynamic `import()`; type-only too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../../web', import.meta.url));

/** Bottom to top; a folder (or a file at the top of `web/`, by name) imports only from its layer or below. */
const LAYERS: readonly (readonly string[])[] = [
  ['lexicon', 'i18n', 'text', 'stats', 'export', 'compare'], // plain helpers and data, no React state
  ['db'], // connectors, statements, the one start-up, useQuery
  ['queries'], // the SQL, as named typed queries
  ['app'], // URL state and its parameters, language, corpus facts
  ['charts'],
  ['components'],
  ['views'],
  ['shell'], // App, navigation, filter bar
  ['main', 'boot'], // entry points
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(WEB);
const KNOWN = new Set(FILES);

/** The module specifiers a file imports: static and re-exports (type-only included) and dynamic. */
function importSpecifiers(text: string): string[] {
  // comment lines (JSDoc, `//`) may quote imports; they are not code
  const code = text
    .split('\n')
    .filter((l) => !/^\s*(\*|\/\*|\/\/)/.test(l))
    .join('\n');
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s+(?:[\w\s{},*$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** The web file a relative specifier names, or null for packages and files outside `web/` or not TypeScript. */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => KNOWN.has(p));
  return hit ?? null;
}

/** The layer unit of a file: its folder under `web/`, or its own name for a file at the top. */
function unitOf(file: string): string {
  const [first, ...rest] = relative(WEB, file).split(/[\\/]/);
  return rest.length ? first! : first!.replace(/\.tsx?$/, '');
}

const fileEdges = new Map<string, Set<string>>(FILES.map((f) => [f, new Set<string>()]));
/** folder → folder → one import that makes the edge (for messages) */
const unitEdges = new Map<string, Map<string, string>>();
for (const file of FILES) {
  for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
    const target = resolveImport(file, spec);
    if (!target) continue;
    fileEdges.get(file)!.add(target);
    const [a, b] = [unitOf(file), unitOf(target)];
    if (a === b) continue;
    if (!unitEdges.has(a)) unitEdges.set(a, new Map());
    unitEdges.get(a)!.set(b, `${relative(WEB, file)} imports '${spec}'`);
  }
}

/** One cycle of a directed graph as a path `[a, b, …, a]`, or null. */
function findCycle(nodes: Iterable<string>, next: (n: string) => Iterable<string>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next(n)) {
      if (state.get(m) === 'open') return [...stack.slice(stack.indexOf(m)), m];
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return null;
}

const layerOf = (unit: string) => LAYERS.findIndex((l) => l.includes(unit));

describe('web layering', () => {
  it('reads the imports it checks', () => {
    expect(
      importSpecifiers(`import { a,\n  type B } from './x';\nexport { c } from "../y";\nimport './s.css';\nvoid import('./z');\n/** import('./doc') */`),
    ).toEqual(['./x', '../y', './s.css', './z']);
    expect(FILES.length).toBeGreaterThan(50);
    expect([...(unitEdges.get('views')?.keys() ?? [])]).toEqual(expect.arrayContaining(['queries', 'db', 'app', 'components']));
    expect([...(unitEdges.get('queries')?.keys() ?? [])]).toContain('db');
  });

  it('places every folder of web/ in a layer', () => {
    const units = new Set(FILES.map(unitOf));
    expect([...units].filter((u) => layerOf(u) < 0)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const cycle = findCycle(unitEdges.keys(), (u) => unitEdges.get(u)?.keys() ?? []);
    const why = cycle?.slice(1).map((b, i) => unitEdges.get(cycle[i]!)?.get(b));
    expect(why ?? null).toBeNull();
  });

  it('imports only downwards: db → queries → app → … → views → shell', () => {
    const upward: string[] = [];
    for (const [a, targets] of unitEdges) {
      for (const [b, example] of targets) if (layerOf(b) > layerOf(a)) upward.push(`${a} → ${b}: ${example}`);
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycle = findCycle(FILES, (f) => fileEdges.get(f) ?? []);
    expect(cycle?.map((f) => relative(WEB, f)) ?? null).toBeNull();
  });
});
