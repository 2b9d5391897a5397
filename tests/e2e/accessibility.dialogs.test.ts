import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectDialogFocus } from '../helpers/e2eAxe.ts';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, signOut, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

/**
 * Every dialog of the counter and the office pages is named, takes the focus when it opens, and
 * gives it back to the control that opened it when it closes, by Escape and by its own button.
 * (The refused records, a held record's decision and revoking a tablet are checked in
 * accessibility.records.test.ts, where those exist.)
 */

const rig = useCounterRig();

const focused = (where: Locator) => where.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

describe('accessibility of dialogs', () => {
  it('each dialog is named, takes the focus, and gives it back on Escape and on its own button', async () => {
    const context = await tabletContext(rig.browser);
    const page = await context.newPage();
    try {
      await page.goto(rig.server.url);
      await enrol(page, rig.server.enrolmentCode);
      const liNa = demoPerson('李娜');
      await signIn(page, liNa);
      await serveCustomer(page, 1);

      // The menu is no dialog, but Escape must not lose the focus that was in it.
      const menu = page.getByTestId('session-menu');
      await menu.click();
      await page.getByTestId('sign-out').focus();
      await page.keyboard.press('Escape');
      await page.locator('#session-menu-items[hidden]').waitFor({ state: 'attached' });
      await expect.poll(() => focused(menu), { message: 'menu: focus back on its button after Escape' }).toBe(true);

      // Closing a visit with no recommendation asks first.
      await page.getByTestId('next-customer').click();
      await page.getByTestId('business-plan_change').click();
      await page.getByTestId('open-visit-confirm').click();
      const closeVisit = page.getByTestId('close-visit');
      const noRec = page.getByRole('alertdialog');
      await expectDialogFocus(page, 'close without a recommendation (Escape)', { opener: closeVisit, dialog: noRec, close: 'Escape' });
      await expectDialogFocus(page, 'close without a recommendation (cancel)', {
        opener: closeVisit,
        dialog: noRec,
        close: page.getByTestId('cancel-close-no-rec'),
      });

      // Signing out while serving is refused; its "sign out" closes with the menu, so the focus goes to the menu's button.
      const signOutButton = page.getByTestId('sign-out');
      for (const how of ['Escape', 'ok'] as const) {
        await menu.click();
        await expectDialogFocus(page, `sign-out while serving (${how})`, {
          opener: signOutButton,
          dialog: page.getByTestId('sign-out-blocked'),
          close: how === 'Escape' ? 'Escape' : page.getByTestId('sign-out-blocked-ok'),
          returnTo: menu,
        });
      }
      await closeVisit.click();
      await page.getByTestId('confirm-close-no-rec').click();
      await page.getByTestId('next-customer').waitFor();

      // Today's visits, and the void form inside it.
      const todayButton = page.getByTestId('open-today-visits');
      const today = page.getByTestId('today-visits-panel');
      await expectDialogFocus(page, "today's visits (Escape)", { opener: todayButton, dialog: today, close: 'Escape' });
      await expectDialogFocus(page, "today's visits (close)", { opener: todayButton, dialog: today, close: page.getByTestId('today-visits-close') });
      await todayButton.click();
      const voidButton = page.locator('[data-testid^="void-visit-"]').first();
      await voidButton.focus();
      const voidTestId = (await voidButton.getAttribute('data-testid'))!;
      await voidButton.click();
      const voidForm = page.getByTestId('void-form');
      await voidForm.waitFor();
      await expect.poll(() => focused(voidForm), { message: 'void form: focus moves into it' }).toBe(true);
      await page.getByTestId('void-cancel').click();
      await expect.poll(() => focused(page.getByTestId(voidTestId)), { message: "void form: focus back on the visit's void button" }).toBe(true);
      await page.keyboard.press('Escape');
      await today.waitFor({ state: 'detached' });
      await waitUntilSynced(page);
      await signOut(page);

      // The manager's confirmations.
      await signIn(page, demoPerson('王敏'));
      await page.getByTestId('session-menu').click();
      await page.getByTestId('open-manage').click();
      const retire = page.locator('[data-testid^="manage-retire-"]').first();
      await retire.waitFor();
      const campaignId = (await retire.getAttribute('data-testid'))!.replace('manage-retire-', '');
      await expectDialogFocus(page, 'retire a campaign', { opener: retire, dialog: page.getByTestId(`retire-confirm`), close: 'Escape' });
      expect(await page.getByTestId(`manage-retire-${campaignId}`).count()).toBe(1);

      await page.getByTestId('manage-nav-people').click();
      await page.getByTestId(`staff-open-${liNa.id}`).click();
      for (const action of ['person-deactivate', 'person-sessions', 'person-secret'] as const) {
        const opener = page.getByTestId(action);
        await expectDialogFocus(page, `${action} (Escape)`, { opener, dialog: page.getByTestId(`${action}-confirm`), close: 'Escape' });
        await expectDialogFocus(page, `${action} (no)`, {
          opener,
          dialog: page.getByTestId(`${action}-confirm`),
          close: page.getByTestId(`${action}-confirm-no`),
        });
      }

      // A visit's detail in the reports, opened from its row's button.
      await page.getByTestId('manage-nav-reports').click();
      await page.getByTestId('reports-nav-daily').click();
      const rowButton = page.locator(`[data-testid^="person-row-${liNa.id}-"]`).first().getByRole('button');
      await rowButton.waitFor();
      const detail = page.getByTestId('visit-detail');
      await expectDialogFocus(page, 'visit detail (Escape)', { opener: rowButton, dialog: detail, close: 'Escape' });
      await expectDialogFocus(page, 'visit detail (close)', { opener: rowButton, dialog: detail, close: page.getByTestId('visit-detail-close') });
    } finally {
      await context.close();
    }
  });
});
