import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { A11yLog } from '../helpers/e2eAxe.ts';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, signOut, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

/**
 * The manager's devices, audit and reports, and the admin's pages, checked by axe at both tablet
 * sizes in both languages, each with one h1 and one main.
 */

const rig = useCounterRig();

async function openManage(page: Page): Promise<void> {
  await page.getByTestId('session-menu').click();
  await page.getByTestId('open-manage').click();
  await page.getByTestId('manage-rows').waitFor();
}

describe('accessibility of the reports and the admin pages', () => {
  it('axe finds no violation on the devices, audit and reports a manager sees, nor on the pages an admin sees', async () => {
    const context = await tabletContext(rig.browser);
    const page = await context.newPage();
    const log = new A11yLog();
    try {
      await page.goto(rig.server.url);
      await enrol(page, rig.server.enrolmentCode);
      // A visit on the server, for the reports to show and open.
      const liNa = demoPerson('李娜');
      await signIn(page, liNa);
      await serveCustomer(page, 1);
      await waitUntilSynced(page);
      await signOut(page);

      await signIn(page, demoPerson('王敏'));
      await page.getByTestId('session-menu').click();
      await page.getByTestId('open-manage').click();
      await page.getByTestId('manage-rows').waitFor();
      await page.getByTestId('manage-nav-devices').click();
      await page.getByTestId('devices-table').waitFor();
      await page.getByTestId('code-device-name').fill('前台平板');
      await page.getByTestId('code-issue').click();
      await page.getByTestId('issued-code').waitFor();
      await page.getByTestId('not-stored-summary').waitFor();
      await log.scan(page, 'devices, an enrolment code issued');

      await page.getByTestId('manage-nav-audit').click();
      await page.getByTestId('audit').waitFor();
      await log.scan(page, 'audit');

      await page.getByTestId('manage-nav-reports').click();
      await page.locator('[data-testid="report-today"][data-source="server"]').waitFor();
      await log.scan(page, 'reports today');
      await page.getByTestId('reports-nav-daily').click();
      const row = page.locator(`[data-testid^="person-row-${liNa.id}-"]`).first();
      await row.waitFor();
      await page.locator('[data-testid="report-charts"][data-ready="true"]').waitFor();
      await log.scan(page, 'reports daily');
      await row.getByRole('button').click();
      await page.getByTestId('visit-detail-count').waitFor();
      await log.scan(page, 'reports visit detail');

      await page.keyboard.press('Escape');
      await page.getByTestId('visit-detail').waitFor({ state: 'detached' });

      // The admin: every hall, and the halls page.
      await page.getByTestId('reports-to-counter').click();
      await signOut(page);
      await signIn(page, demoPerson('赵强'));
      await openManage(page);
      await page.getByTestId('manage-nav-halls').click();
      await page.getByTestId('halls-table').waitFor();
      await log.scan(page, 'halls (admin)');
      await page.getByTestId('halls-new').click();
      await page.getByTestId('new-hall-form').waitFor();
      await log.scan(page, 'halls, a new hall (admin)');
      // A second hall, so the admin's pages offer a choice of hall.
      await page.getByTestId('new-hall-name-zh').fill('西单营业厅');
      await page.getByTestId('new-hall-submit').click();
      await expect.poll(() => page.locator('[data-testid^="hall-row-"]').count()).toBe(2);
      await page.getByTestId('manage-nav-people').click();
      await page.getByTestId('staff-hall').waitFor();
      await log.scan(page, 'people (admin)');
      await page.getByTestId('manage-nav-devices').click();
      await page.getByTestId('code-hall').waitFor();
      await page.getByTestId('devices-table').waitFor();
      await log.scan(page, 'devices (admin)');
      log.expectNone();
    } finally {
      await context.close();
    }
  });
});
