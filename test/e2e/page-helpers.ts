/** What the end-to-end tests do with a dashboard page: watch it for problems, open a view, read a chart's numbers. */
import type { Page } from 'playwright-core';

/**
 * Collect every console error, page error and request leaving `origin` (other than data: and blob:)
 * into the list returned: a test ends by expecting it empty.
 */
export function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request off origin: ${url}`);
  });
  return problems;
}

/** Open `#/<hash>` of the dashboard at `url` and wait for its view. */
export async function openView(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(`${url}#/${hash}`);
  await page.waitForSelector('[data-testid^="view-"]', { timeout: 30_000 });
}

/** Cells of the "data" table behind a chart card. */
export async function chartData(page: Page, card: string): Promise<string[][]> {
  await page.click(`[data-testid="${card}"] [data-action="toggle-data"]`);
  const rows = await page.$$eval(`[data-testid="${card}"] .chart-data tbody tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  await page.click(`[data-testid="${card}"] [data-action="toggle-data"]`);
  return rows;
}
