/**
 * `npx tsx test/e2e/screenshots.ts [DB] [OUT_DIR] [ROUTES]`: builds the dashboard, opens each route in
 * headless Chromium and saves a screenshot, for looking at the product. A route is `view?params` (a
 * full-page shot named after the view) or `name@view?params@selector` (a shot of the first element the
 * selector finds, named `name.png`: the README's figures, see `npm run screenshots`).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDashboard, launchBrowser, serveDashboard } from '../../scripts/dashboard-harness';

const db = process.argv[2] ?? 'data/corpus.duckdb';
const out = process.argv[3] ?? '/tmp/rs-shots';
const routes = (
  process.argv[4] ?? 'overview,themes?theme=study_platforms&by=year&key=2024,trends,boilerplate?doc-a=1&doc-b=3,documents?doc=1,kwic?q=学习强国'
).split(',');
mkdirSync(out, { recursive: true });
// the build goes beside the system's temporary files, never into OUT_DIR (docs/img for the README)
const dist = process.env.DIST ?? join(tmpdir(), 'reportscope-shots-dist');
if (!process.env.SKIP_BUILD) await buildDashboard(dist);
const served = await serveDashboard(dist, db);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  page.on('pageerror', (e) => console.log('page error:', e.message));
  for (const entry of routes) {
    const [name, r, selector] = entry.includes('@') ? (entry.split('@') as [string, string, string]) : [null, entry, process.env.SHOT_SELECTOR];
    await page.goto(`${served.url}#/${r}`);
    await page.waitForSelector('[data-testid^="view-"], [data-testid="no-database"]', { timeout: 30_000 });
    if (selector) {
      await page.waitForSelector(selector, { timeout: 30_000 });
      // the sticky bars would cover the top of an element scrolled under them
      await page.addStyleTag({ content: '.topbar, .filterbar { position: static !important; }' });
    }
    await page.waitForTimeout(1500);
    const file = join(out, `${name ?? r.split('?')[0]}${process.env.LANG_EN ? '-en' : ''}.png`);
    if (selector) await page.locator(selector).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await browser.close();
  await served.close();
}
