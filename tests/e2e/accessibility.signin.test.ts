import { describe, it } from 'vitest';
import { A11yLog } from '../helpers/e2eAxe.ts';
import { refusePersistentStorage, tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

/**
 * The screens before the counter: enrolment (and its refusal), the set-password code, sign-in and
 * the PIN pad, and the office pages' gates, checked by axe at both tablet sizes in both languages, each with one h1 and one
 * main. The browser refuses persistent storage here, so the storage warning floats over them.
 */

const rig = useCounterRig();

describe('accessibility of enrolment and sign-in', () => {
  it('axe finds no violation on enrolment, the set-password code, sign-in and the PIN pad, the storage warning shown', async () => {
    const context = await tabletContext(rig.browser);
    await refusePersistentStorage(context);
    const page = await context.newPage();
    const log = new A11yLog();
    try {
      await page.goto(rig.server.url);
      await page.getByTestId('enrol-code').waitFor();
      await page.getByTestId('persistence-warning').waitFor();
      await log.scan(page, 'enrol');
      await page.getByTestId('enrol-code').fill('NOTACODE1');
      await page.getByTestId('enrol-submit').click();
      await page.getByTestId('enrol-error').waitFor();
      await log.scan(page, 'enrol refused');
      await page.getByTestId('open-password-code').click();
      await page.getByTestId('password-code-form').waitFor();
      await log.scan(page, 'set-password code');
      await page.getByTestId('password-code-back').click();
      // The office pages, opened on a browser that is not enrolled.
      await page.goto(`${rig.server.url}/reports`);
      await page.locator('[data-testid="reports-gate"][data-reason="not_enrolled"]').waitFor();
      await log.scan(page, 'reports, not enrolled');
      await page.goto(`${rig.server.url}/manage`);
      await page.locator('[data-testid="manage-gate"][data-reason="not_enrolled"]').waitFor();
      await log.scan(page, 'manager pages, not enrolled');
      await page.goto(rig.server.url);

      await enrol(page, rig.server.enrolmentCode);
      const liNa = demoPerson('李娜');
      await page.getByTestId(`staff-tile-${liNa.id}`).waitFor();
      await log.scan(page, 'sign-in');
      await page.getByTestId(`staff-tile-${liNa.id}`).click();
      await page.getByTestId('pin-submit').waitFor();
      await log.scan(page, 'PIN pad');
      await page.getByTestId('pin-back').click();

      log.expectNone();
    } finally {
      await context.close();
    }
  });
});
