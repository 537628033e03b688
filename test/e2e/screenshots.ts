/**
 * `npx tsx test/e2e/screenshots.ts [DB] [OUT_DIR]`: builds the dashboard, opens every view in
 * headless Chromium and saves full-page screenshots, for looking at the product.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDashboard, launchBrowser, serveDashboard } from '../../scripts/dashboard-harness';

const db = process.argv[2] ?? 'data/corpus.duckdb';
const out = process.argv[3] ?? '/tmp/rs-shots';
const routes = (
  process.argv[4] ?? 'overview,themes?theme=study_platforms&by=year&key=2024,trends,boilerplate?doc-a=1&doc-b=3,documents?doc=1,kwic?q=学习强国'
).split(',');
mkdirSync(out, { recursive: true });
const dist = join(out, 'dist');
if (!process.env.SKIP_BUILD) await buildDashboard(dist);
const served = await serveDashboard(dist, db);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  page.on('pageerror', (e) => console.log('page error:', e.message));
  for (const r of routes) {
    await page.goto(`${served.url}#/${r}`);
    await page.waitForSelector('[data-testid^="view-"], [data-testid="no-database"]', { timeout: 30_000 });
    await page.waitForTimeout(1500);
    const file = join(out, `${r.split('?')[0]}${process.env.LANG_EN ? '-en' : ''}.png`);
    const only = process.env.SHOT_SELECTOR;
    if (only) await page.locator(only).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await browser.close();
  await served.close();
}
