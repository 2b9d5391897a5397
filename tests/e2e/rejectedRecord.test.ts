import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, tapSyncNow, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { deviceLedger, expectExactlyOnce, type Logged, serverLedger } from '../helpers/e2eLedger.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';
import { queueRecommendationForUnknownCampaign } from '../helpers/e2eRefused.ts';

/**
 * One record the server refuses, in the middle of the queue: it is kept on the tablet, set aside
 * with its reason on screen, never sent again, and every record after it still syncs.
 */

const rig = useCounterRig();

describe('a record the server refuses', () => {
  it('is set aside with the reason shown, and the records after it still sync', async () => {
    // The test adds a record with its own copy of Dexie, as a script tag the app's policy rightly refuses.
    const context = await tabletContext(rig.browser, { bypassCSP: true });
    try {
      const page = await context.newPage();
      const pushedSeqs: number[][] = [];
      context.on('request', (r) => {
        if (r.url().endsWith('/api/v1/sync/push')) pushedSeqs.push((JSON.parse(r.postData() ?? '{}') as { entries: Array<{ seq: number }> }).entries.map((e) => e.seq));
      });
      await page.goto(rig.server.url);
      await enrol(page, rig.server.enrolmentCode);
      await signIn(page, demoPerson('张伟'));
      const logged: Logged = { visits: 0, recommendations: 0, closes: 0 };
      await serveCustomer(page, 1);
      Object.assign(logged, { visits: 1, recommendations: 1, closes: 1 });
      await waitUntilSynced(page);

      // Offline, a customer: one good recommendation, then the bad one, then another good one.
      await context.setOffline(true);
      await page.getByTestId('next-customer').click();
      await page.getByTestId('business-plan_change').click();
      await page.getByTestId('source-walk_in').click();
      await page.getByTestId('open-visit-confirm').click();
      await page.locator('[data-testid^="campaign-"]').nth(0).click();
      await page.getByTestId('outcome-accepted').click();
      await page.getByTestId('record-recommendation').click();
      await expect.poll(() => waitingCount(page)).toBe(2);
      const bad = await queueRecommendationForUnknownCampaign(page);
      await page.locator('[data-testid^="campaign-"]').nth(1).click();
      await page.getByTestId('outcome-considering').click();
      await page.getByTestId('record-recommendation').click();
      await page.getByTestId('close-visit').click();
      await page.getByTestId('next-customer').waitFor();
      logged.visits++;
      logged.recommendations += 2;
      logged.closes++;
      // And more customers after it.
      await serveCustomer(page, 2);
      await serveCustomer(page, 0);
      logged.visits += 2;
      logged.recommendations += 2;
      logged.closes += 2;
      await expect.poll(() => waitingCount(page)).toBe(11);

      // The network returns.
      await context.setOffline(false);
      await tapSyncNow(page);
      await waitUntilSynced(page);

      // Set aside, and said why, on the tablet.
      const panel = page.getByTestId('rejected-records');
      await expect.poll(() => panel.getAttribute('data-count')).toBe('1');
      await panel.getByRole('button').first().click();
      const entry = page.getByTestId(`rejected-entry-${bad.seq}`);
      await entry.waitFor();
      const held = serverLedger(rig.server.sqliteFile);
      const receipt = held.receipts.find((r) => r.seq === bad.seq)!;
      expect(receipt).toMatchObject({ status: 'rejected', error: 'unknown_campaign' });
      // Worded on the tablet from the reason code, with what to do; the server's English stays in its logs.
      expect(await entry.locator('.rejected-reason').textContent()).toBe('这个活动不存在或不适用于本营业厅：请联网同步后按当前活动推荐。');
      expect(await entry.isVisible()).toBe(true);
      expect(receipt.message).toMatch(/campaign .* does not exist/);

      // Kept after a reload, and never sent again.
      const pushesBefore = pushedSeqs.length;
      await page.reload();
      await page.getByTestId('next-customer').waitFor();
      await serveCustomer(page, 1);
      logged.visits++;
      logged.recommendations++;
      logged.closes++;
      await tapSyncNow(page);
      await waitUntilSynced(page);
      await expect.poll(() => page.getByTestId('rejected-records').getAttribute('data-count')).toBe('1');
      const after = pushedSeqs.slice(pushesBefore).flat();
      expect(after.length).toBeGreaterThan(0);
      expect(after).not.toContain(bad.seq);

      const device = await deviceLedger(page);
      // Besides the copies of what the server holds (kept as sent), only the refused record stays.
      expect(device.outbox.filter((e) => e.status !== 'sent')).toEqual([expect.objectContaining({ seq: bad.seq, id: bad.id, status: 'rejected', error: 'unknown_campaign', message: receipt.message })]);
      const stored = serverLedger(rig.server.sqliteFile);
      expect(stored.recommendationIds).not.toContain(bad.id);
      const afterBad = stored.receipts.filter((r) => r.seq > bad.seq && r.status === 'accepted').length;
      expect(afterBad).toBe(device.nextSeq - 1 - bad.seq);
      expectExactlyOnce('rejected record', logged, device, stored, `rejected seq=${bad.seq} (${receipt.error}), records after it stored=${afterBad}`);
    } finally {
      await context.close();
    }
  });
});
