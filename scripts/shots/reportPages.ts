import type { BrowserContext, Page } from 'playwright-core';
import { demoStaff, type Shoot, signInAs, signOut } from './people.ts';

/** One customer at the counter: what they came for, then each recommendation (none: closed as such). */
async function serve(page: Page, recs: { outcome: 'accepted' | 'declined' | 'considering'; all?: boolean }[]): Promise<void> {
  await page.getByTestId('next-customer').click();
  await page.getByTestId('business-bill_payment').click();
  await page.getByTestId('open-visit-confirm').click();
  await page.getByTestId('close-visit').waitFor();
  for (const [i, rec] of recs.entries()) {
    if (rec.all) await page.getByTestId('all-said').click();
    else await page.getByTestId('element-name').click();
    await page.getByTestId(`outcome-${rec.outcome}`).click();
    if (rec.outcome === 'declined') await page.getByTestId('decline-reason-price').click();
    await page.getByTestId('record-recommendation').click();
    await page.locator(`[data-testid="visit-recommendations"][data-count="${i + 1}"]`).waitFor();
  }
  await page.getByTestId('close-visit').click();
  if (recs.length === 0) await page.getByTestId('confirm-close-no-rec').click();
  await page.getByTestId('next-customer').waitFor();
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-now').click();
  await page.locator('[data-testid="status-waiting"][data-count="0"]').waitFor({ timeout: 20_000 });
}

/**
 * Today's visits and a void at the counter, then the reports: a consultant's own day, the
 * manager's today, the daily tallies (both tables, the charts, a row's visits), and today
 * offline. Starts from a tablet on the sign-in screen and leaves it there.
 */
export async function shootReportPages(page: Page, context: BrowserContext, shoot: Shoot): Promise<void> {
  await signInAs(page, demoStaff({ name: '张伟' }));
  await serve(page, [{ outcome: 'accepted', all: true }]);
  await serve(page, [{ outcome: 'declined' }, { outcome: 'considering', all: true }]);
  await serve(page, []);
  await page.getByTestId('open-today-visits').click();
  await page.getByTestId('today-visits-list').waitFor();
  await shoot(page, '30-today-visits');
  await page.locator('[data-testid^="void-visit-"]').first().click();
  await page.getByTestId('void-quick-mistap').click();
  await shoot(page, '31-void-form');
  await page.getByTestId('void-confirm').click();
  await page.getByTestId('void-done').waitFor();
  await shoot(page, '32-today-visits-voided');
  await page.getByTestId('today-visits-close').click();
  await syncNow(page);
  await page.getByTestId('session-menu').click();
  await page.getByTestId('open-reports').click();
  await page.locator('[data-testid="report-today"][data-source="server"]').waitFor({ timeout: 20_000 });
  await shoot(page, '33-reports-today-own');
  await signOut(page);

  await signInAs(page, demoStaff({ name: '王敏' }));
  await page.getByTestId('session-menu').click();
  await page.getByTestId('open-reports').click();
  await page.locator('[data-testid="report-today"][data-source="server"]').waitFor({ timeout: 20_000 });
  await shoot(page, '34-reports-today');
  await page.getByTestId('reports-nav-daily').click();
  await page.locator('[data-testid^="person-row-"]').first().waitFor();
  await shoot(page, '35-reports-daily');
  await page.locator('[data-testid="report-charts"][data-ready="true"]').waitFor();
  await page.getByTestId('chart-trend').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shoot(page, '36-reports-charts');
  await page.getByTestId('table-tab-campaign').click();
  await page.locator('[data-testid^="campaign-row-"]').first().waitFor();
  await shoot(page, '37-reports-daily-campaign');
  await page.getByTestId('table-tab-person').click();
  await page.locator(`[data-testid^="person-row-${demoStaff({ name: '张伟' }).id}-"]`).first().click();
  await page.getByTestId('visit-detail-count').waitFor();
  await shoot(page, '38-reports-visit-detail');
  await page.getByTestId('visit-detail-close').click();

  await page.getByTestId('reports-nav-today').click();
  await context.setOffline(true);
  await page.locator('[data-testid="today-local-notice"][data-why="network"]').waitFor({ timeout: 40_000 });
  await shoot(page, '39-reports-today-offline');
  await context.setOffline(false);
  await signOut(page);
}
