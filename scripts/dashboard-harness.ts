/**
 * Shared by the end-to-end test, the screenshot script and the benchmark: build the dashboard,
 * serve it with `vite preview` (JS API) on a free port against a chosen database, drive Debian's
 * Chromium with playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { writeSnapshot } from './first-paint-snapshot.ts';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** Flags Chromium needs on these machines (no sandbox as root, no network beyond the page). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Run the real ingest CLI on `input` into `dbPath`. */
export function ingestTo(dbPath: string, input = 'data/raw', ...args: string[]): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'ingest/cli.ts', '--input', input, '--db', dbPath, ...args], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** `vite build` into `outDir`. */
export async function buildDashboard(outDir: string): Promise<void> {
  await build({ root: resolve(ROOT, 'web'), configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

/** A running preview server and its address. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serve `outDir` with `vite preview`, reading the database at `dbPath` (with its first-paint snapshot unless `snapshot: false`). */
export async function serveDashboard(outDir: string, dbPath: string, options: { snapshot?: boolean } = {}): Promise<Served> {
  process.env.REPORTSCOPE_DB = dbPath;
  if (options.snapshot !== false && existsSync(dbPath)) await writeSnapshot(dbPath);
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: resolve(ROOT, 'web'),
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Headless Debian Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** The little of the page's DOM these helpers touch (the node project has no DOM types). */
export interface PageDom {
  document: { querySelector(s: string): { dataset: Record<string, string | undefined> } | null };
}

/** Wait until the chart in the element matching `selector` has rendered more than `after` times. */
export async function waitForChart(page: Page, selector: string, after = 0, timeout = 20_000): Promise<number> {
  const handle = await page.waitForFunction(
    ([sel, n]) => {
      const el = (globalThis as unknown as PageDom).document.querySelector(`${sel} [data-render-count]`);
      const c = Number(el?.dataset.renderCount ?? 0);
      return c > n ? c : false;
    },
    [selector, after] as const,
    { timeout },
  );
  return Number(await handle.jsonValue());
}
