import { describe, expect, it } from 'vitest';
import { A11yLog, expectDialogFocus } from '../helpers/e2eAxe.ts';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, tapSyncNow, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { queueRecommendationForUnknownCampaign } from '../helpers/e2eRefused.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

/**
 * The screens of records gone wrong, checked by axe at both tablet sizes in both languages: the
 * counter's refused records, a revoked tablet, and the manager's "records the server does not
 * have" (held back, and still on the revoked tablet), with the dialogs on the way.
 */

const rig = useCounterRig();

describe('accessibility of refused and unsent records', () => {
  it('axe finds no violation on the refused records, a revoked tablet and the records the server does not have; their dialogs hold the focus', async () => {
    // The test adds a refused record with its own copy of Dexie, as a script tag the app's policy rightly refuses.
    const tablet = await tabletContext(rig.browser, { bypassCSP: true });
    const office = await tabletContext(rig.browser);
    const log = new A11yLog();
    try {
      const counter = await tablet.newPage();
      await counter.goto(rig.server.url);
      await enrol(counter, rig.server.enrolmentCode);
      await signIn(counter, demoPerson('张伟'));

      // A visit with a recommendation the server refuses.
      await counter.getByTestId('next-customer').click();
      await counter.getByTestId('business-plan_change').click();
      await counter.getByTestId('source-walk_in').click();
      await counter.getByTestId('open-visit-confirm').click();
      await counter.locator('[data-testid^="campaign-"]').nth(0).click();
      await counter.getByTestId('outcome-accepted').click();
      await counter.getByTestId('record-recommendation').click();
      await counter.locator('[data-testid="visit-recommendations"][data-count="1"]').waitFor();
      await queueRecommendationForUnknownCampaign(counter);
      await counter.getByTestId('close-visit').click();
      await counter.getByTestId('next-customer').waitFor();
      await tapSyncNow(counter);
      await waitUntilSynced(counter);
      const refused = counter.getByTestId('rejected-records');
      await expect.poll(() => refused.getAttribute('data-count')).toBe('1');
      const pill = refused.getByRole('button').first();
      await expectDialogFocus(counter, 'refused records (Escape)', { opener: pill, dialog: counter.getByRole('dialog'), close: 'Escape' });
      await expectDialogFocus(counter, 'refused records (close)', {
        opener: pill,
        dialog: counter.getByRole('dialog'),
        close: counter.getByTestId('rejected-close'),
      });
      await pill.click();
      await counter.locator('[data-testid^="rejected-entry-"]').waitFor();
      await log.scan(counter, 'refused records');
      await counter.getByTestId('rejected-close').click();

      // Then customers served with no network: records the server never gets.
      await tablet.setOffline(true);
      await serveCustomer(counter, 1);
      const unsent = await waitingCount(counter);
      expect(unsent).toBeGreaterThan(0);

      // The manager revokes the tablet from a desk browser of their own (after Escape once on the question).
      const desk = await office.newPage();
      await desk.goto(rig.server.url);
      await enrol(desk, await rig.server.issueEnrolmentCode());
      await signIn(desk, demoPerson('王敏'));
      await desk.getByTestId('session-menu').click();
      await desk.getByTestId('open-manage').click();
      await desk.getByTestId('manage-nav-devices').click();
      const revoke = desk.locator('[data-testid^="device-revoke-"]');
      await revoke.waitFor();
      const tabletId = (await revoke.getAttribute('data-testid'))!.replace('device-revoke-', '');
      await expectDialogFocus(desk, 'revoke a tablet', { opener: revoke, dialog: desk.getByTestId('revoke-confirm'), close: 'Escape' });
      await revoke.click();
      await desk.getByTestId('revoke-confirm-yes').click();
      await desk.locator(`[data-testid="device-row-${tabletId}"][data-state="revoked"]`).waitFor();

      await tablet.setOffline(false);
      await tapSyncNow(counter);
      await counter.getByTestId('device-refused').waitFor({ timeout: 30_000 });
      await log.scan(counter, 'revoked tablet');

      await desk.reload();
      await desk.getByTestId(`lost-row-${tabletId}`).waitFor({ timeout: 30_000 });
      const discard = desk.locator('[data-testid^="held-discard-"]').first();
      await discard.waitFor();
      await log.scan(desk, 'devices, records the server does not have');
      await expectDialogFocus(desk, 'discard a held record', { opener: discard, dialog: desk.getByTestId('held-decision'), close: 'Escape' });
      await expectDialogFocus(desk, 'discard a held record (cancel)', {
        opener: discard,
        dialog: desk.getByTestId('held-decision'),
        close: desk.getByTestId('held-decision-no'),
      });
      await discard.click();
      await desk.getByTestId('held-decision').waitFor();
      await log.scan(desk, 'devices, deciding a held record');
      log.expectNone();
    } finally {
      await office.close();
      await tablet.close();
    }
  });
});
