import { describe, it } from 'vitest';
import { A11yLog } from '../helpers/e2eAxe.ts';
import { refusePersistentStorage, tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, signIn, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

/**
 * The counter's screens as a consultant meets them, signed in, to their own reports, checked by
 * axe at both tablet sizes in both languages, each with one h1 and one main. The browser refuses
 * persistent storage here, so the storage warning is on every screen that shows it. (The screens
 * before signing in are in accessibility.signin.test.ts.)
 */

const rig = useCounterRig();

describe('accessibility of the counter', () => {
  it("axe finds no violation on any screen a signed-in consultant sees, the storage warning shown", async () => {
    const context = await tabletContext(rig.browser);
    await refusePersistentStorage(context);
    const page = await context.newPage();
    const log = new A11yLog();
    try {
      await page.goto(rig.server.url);
      await enrol(page, rig.server.enrolmentCode);
      const liNa = demoPerson('李娜');
      await signIn(page, liNa);
      await page.getByTestId('persistence-warning').waitFor();
      await log.scan(page, 'counter');
      await page.getByTestId('session-menu').click();
      await page.getByTestId('sign-out').waitFor();
      await log.scan(page, 'menu (consultant)');
      await page.keyboard.press('Escape');

      await page.getByTestId('next-customer').click();
      await page.getByTestId('business-plan_change').click();
      await log.scan(page, 'next customer');
      await page.getByTestId('open-visit-confirm').click();
      await page.getByTestId('close-visit').click();
      await page.getByTestId('confirm-close-no-rec').waitFor();
      await log.scan(page, 'close without a recommendation');
      await page.getByTestId('cancel-close-no-rec').click();
      await page.getByTestId('element-name').click();
      await page.getByTestId('outcome-declined').click();
      await log.scan(page, 'visit, declining');
      await page.getByTestId('decline-reason-price').click();
      await page.getByTestId('record-recommendation').click();
      await page.locator('[data-testid="visit-recommendations"][data-count="1"]').waitFor();
      await page.getByTestId('session-menu').click();
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-out-blocked').waitFor();
      await log.scan(page, 'sign-out while serving');
      await page.keyboard.press('Escape');
      await page.getByTestId('close-visit').click();
      await page.getByTestId('next-customer').waitFor();

      await page.getByTestId('open-today-visits').click();
      await page.getByTestId('today-visits-panel').waitFor();
      await log.scan(page, "today's visits");
      await page.locator('[data-testid^="void-visit-"]').first().click();
      await page.getByTestId('void-form').waitFor();
      await log.scan(page, "today's visits, void form");
      await page.keyboard.press('Escape');
      await page.getByTestId('today-visits-panel').waitFor({ state: 'detached' });

      // Their own reports, read from the server once the visit has arrived there.
      await waitUntilSynced(page);
      await page.getByTestId('session-menu').click();
      await page.getByTestId('open-reports').click();
      await page.locator('[data-testid="report-today"][data-source="server"]').waitFor();
      await log.scan(page, 'reports today (consultant)');
      await page.getByTestId('reports-nav-daily').click();
      const row = page.locator(`[data-testid^="person-row-${liNa.id}-"]`).first();
      await row.waitFor();
      await page.locator('[data-testid="report-charts"][data-ready="true"]').waitFor();
      await log.scan(page, 'reports daily (consultant)');
      await row.getByRole('button').click();
      await page.getByTestId('visit-detail-count').waitFor();
      await log.scan(page, 'reports visit detail (consultant)');
      await page.goto(`${rig.server.url}/manage`);
      await page.locator('[data-testid="manage-gate"][data-reason="not_manager"]').waitFor();
      await log.scan(page, 'manager pages, refused to a consultant');
      log.expectNone();
    } finally {
      await context.close();
    }
  });
});
