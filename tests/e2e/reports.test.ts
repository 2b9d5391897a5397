import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';
import { demoPerson, enrol, serveCustomer, signIn, signOut, waitUntilSynced } from '../helpers/e2eCounter.ts';

const rig = useCounterRig();

function voidsOnServer(sqliteFile: string): { id: string; void_reason: string }[] {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select id, void_reason from visits where voided_at is not null').all() as { id: string; void_reason: string }[];
  } finally {
    db.close();
  }
}

describe('voids and reports in the browser', () => {
  it('a visit voided offline drops out of the tablet’s figures, reaches the server once, and the manager sees it voided', async () => {
    const context = await tabletContext(rig.browser);
    const page = await context.newPage();
    const chartRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/chartKit-[^/]+\.js$/.test(r.url())) chartRequests.push(r.url());
    });
    await page.goto(rig.server.url);
    await enrol(page, rig.server.enrolmentCode);
    await signIn(page, demoPerson('李娜'));
    await serveCustomer(page, 1);
    await serveCustomer(page, 2);
    await waitUntilSynced(page);

    // Offline (across a reload: the service worker serves the app and its lazy chunks).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('next-customer').waitFor();
    await serveCustomer(page, 0);
    await expect.poll(() => page.getByTestId('today-visits').getAttribute('data-count')).toBe('3');
    await page.getByTestId('open-today-visits').click();
    const rows = page.locator('[data-testid^="today-visit-"][data-voided]');
    await expect.poll(() => rows.count()).toBe(3);
    const mistaken = (await rows.first().getAttribute('data-testid'))!.replace('today-visit-', '');
    await page.getByTestId(`void-visit-${mistaken}`).click();
    await page.getByTestId('void-quick-wrongCustomer').click();
    await page.getByTestId('void-confirm').click();
    await page.getByTestId('void-done').waitFor();
    await page.getByTestId('today-visits-close').click();
    await expect.poll(() => page.getByTestId('today-visits').getAttribute('data-count')).toBe('2');

    // Reports while offline: this tablet's records, said so.
    await page.getByTestId('session-menu').click();
    await page.getByTestId('open-reports').click();
    await page.locator('[data-testid="today-local-notice"][data-why="network"]').waitFor();
    await expect.poll(() => page.getByTestId('today-figure-visits').getAttribute('data-value')).toBe('2');

    // Online again: the outbox drains (the void with it) and Today reads the server.
    await context.setOffline(false);
    await page.locator('[data-testid="report-today"][data-source="server"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => voidsOnServer(rig.server.sqliteFile), { timeout: 60_000 }).toEqual([{ id: mistaken, void_reason: '录错了客户' }]);
    await expect.poll(() => page.getByTestId('today-figure-visits').getAttribute('data-value')).toBe('2');
    expect(chartRequests).toEqual([]);

    // The manager: the daily table, its charts (chart.js only now), and the visit voided with its reason.
    await page.goto(rig.server.url);
    await signOut(page);
    await signIn(page, demoPerson('王敏'));
    await page.getByTestId('session-menu').click();
    await page.getByTestId('open-reports').click();
    await page.getByTestId('reports-nav-daily').click();
    const liNaRow = page.locator(`[data-testid^="person-row-${demoPerson('李娜').id}-"]`);
    await liNaRow.first().waitFor();
    await page.locator('[data-testid="report-charts"][data-ready="true"]').waitFor();
    expect(chartRequests).toHaveLength(1);
    await liNaRow.first().click();
    await page.getByTestId(`detail-visit-${mistaken}`).waitFor();
    expect(await page.getByTestId(`detail-visit-${mistaken}`).getAttribute('data-voided')).toBe('true');
    expect(await page.getByTestId(`detail-void-reason-${mistaken}`).textContent()).toContain('录错了客户');
    expect(await page.getByTestId('visit-detail-count').getAttribute('data-count')).toBe('3');
    await context.close();
  });
});
