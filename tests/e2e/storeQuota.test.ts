import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, tapSyncNow, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { deviceLedger, expectExactlyOnce, type Logged, serverLedger } from '../helpers/e2eLedger.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';
import { passAll } from '../helpers/faultProxy.ts';
import { isSyncRequest } from '../helpers/faultSchedule.ts';

/**
 * The tablet's storage is full (IndexedDB refuses writes with QuotaExceededError, simulated in
 * the page): the counter says so plainly, keeps what the person composed, loses nothing already
 * stored, and records again once there is room.
 */

const rig = useCounterRig({ proxy: true });

/** Every add/put on an IndexedDB object store throws QuotaExceededError while the page's flag is set. */
const SIMULATE_QUOTA = `(() => {
  window.__storageFull = false;
  for (const method of ['add', 'put']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }
})()`;

const setStorageFull = (page: Page, full: boolean) => page.evaluate((f) => ((window as unknown as { __storageFull: boolean }).__storageFull = f), full);
const pressed = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('aria-pressed');

describe('device storage full', () => {
  it('shows a clear message, keeps the draft and what was stored, and records again after', async () => {
    const context = await tabletContext(rig.browser);
    await context.addInitScript(SIMULATE_QUOTA);
    const pageErrors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(rig.proxy.url);
      await enrol(page, rig.server.enrolmentCode);
      await signIn(page, demoPerson('李娜'));
      const logged: Logged = { visits: 0, recommendations: 0, closes: 0 };

      // Two customers stored on the tablet while sync cannot get through.
      rig.proxy.setRule((req) => (isSyncRequest(req) ? { kind: 'refuse' } : { kind: 'pass' }));
      await serveCustomer(page, 1);
      await serveCustomer(page, 2);
      Object.assign(logged, { visits: 2, recommendations: 3, closes: 2 });

      // A third customer: the visit opens, a recommendation is composed.
      await page.getByTestId('next-customer').click();
      await page.getByTestId('business-plan_change').click();
      await page.getByTestId('source-walk_in').click();
      await page.getByTestId('open-visit-confirm').click();
      logged.visits++;
      await page.locator('[data-testid^="campaign-"]').first().click();
      await page.getByTestId('element-name').click();
      await page.getByTestId('element-price').click();
      await page.getByTestId('demo-device').click();
      await page.getByTestId('outcome-declined').click();
      await page.getByTestId('decline-reason-price').click();
      await expect.poll(() => waitingCount(page)).toBe(8);
      const stored = await deviceLedger(page);

      // Storage fills up; "record" fails.
      await setStorageFull(page, true);
      await page.getByTestId('record-recommendation').click();
      const banner = page.getByTestId('store-error');
      await banner.waitFor();
      expect(await banner.getAttribute('data-reason')).toBe('quota');
      expect(await banner.isVisible()).toBe(true);
      expect((await banner.textContent())?.trim().length).toBeGreaterThan(10);
      // The draft is as the person left it.
      expect(await page.getByTestId('said-count').getAttribute('data-count')).toBe('2');
      expect(await page.getByTestId('demo-device').getAttribute('aria-checked')).toBe('true');
      expect(await pressed(page, 'outcome-declined')).toBe('true');
      expect(await pressed(page, 'decline-reason-price')).toBe('true');
      // Nothing stored before is lost, nothing half-written.
      expect(await page.getByTestId('visit-recommendations').getAttribute('data-count')).toBe('0');
      expect(await deviceLedger(page)).toEqual(stored);
      expect(await waitingCount(page)).toBe(8);

      // Still full, the network returns and the person taps "sync now", as the message tells them:
      // what was stored before reaches the server and leaves the outbox (deleting frees room).
      rig.proxy.setRule(passAll);
      await page.getByTestId('sync-now').click();
      await expect.poll(() => serverLedger(rig.server.sqliteFile).visitIds.length, { timeout: 20_000 }).toBe(3);
      await expect.poll(() => waitingCount(page), { timeout: 20_000 }).toBe(0);
      const sentWhileFull = serverLedger(rig.server.sqliteFile);
      expect(sentWhileFull.recommendationIds.length + sentWhileFull.closeVisitIds.length + sentWhileFull.visitIds.length).toBe(8);
      expect(await banner.getAttribute('data-reason')).toBe('quota');
      expect(await page.getByTestId('said-count').getAttribute('data-count')).toBe('2');

      // Room again: the same tap records the same draft.
      await setStorageFull(page, false);
      await page.getByTestId('record-recommendation').click();
      await expect.poll(() => page.getByTestId('visit-recommendations').getAttribute('data-count')).toBe('1');
      await expect.poll(() => banner.count()).toBe(0);
      logged.recommendations++;
      await page.getByTestId('close-visit').click();
      await page.getByTestId('next-customer').waitFor();
      logged.closes++;

      // Full again at "next customer": the answers stay on screen, and go in once there is room.
      await setStorageFull(page, true);
      await page.getByTestId('next-customer').click();
      await page.getByTestId('business-inquiry').click();
      await page.getByTestId('source-referral').click();
      await page.getByTestId('open-visit-confirm').click();
      await banner.waitFor();
      expect(await banner.getAttribute('data-reason')).toBe('quota');
      expect(await pressed(page, 'business-inquiry')).toBe('true');
      expect(await pressed(page, 'source-referral')).toBe('true');
      await setStorageFull(page, false);
      await page.getByTestId('open-visit-confirm').click();
      await page.getByTestId('close-visit').waitFor();
      expect(await page.getByTestId('visit-business').textContent()).toBeTruthy();
      logged.visits++;
      await page.getByTestId('close-visit').click();
      await page.getByTestId('confirm-close-no-rec').click();
      await page.getByTestId('next-customer').waitFor();
      logged.closes++;

      // Everything stored, before, during and after the failure, is on the server once.
      await tapSyncNow(page);
      await waitUntilSynced(page);
      expectExactlyOnce('storage full', logged, await deviceLedger(page), serverLedger(rig.server.sqliteFile), `page errors=${pageErrors.length}`);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
