import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';
import {
  demoPerson,
  enrol,
  serveCustomer,
  signIn,
  signOut,
  storedVisits,
  waitingCount,
  waitUntilSynced,
} from '../helpers/e2eCounter.ts';

const rig = useCounterRig();

describe('the counter, online and offline', () => {
  it('six visits by two people, four of them offline across a reload, reach the server exactly once', async () => {
    const liNa = demoPerson('李娜');
    const zhangWei = demoPerson('张伟');
    const context = await tabletContext(rig.browser);
    const page = await context.newPage();
    await page.goto(rig.server.url);
    await enrol(page, rig.server.enrolmentCode);
    await signIn(page, liNa);

    // Online: two customers.
    await serveCustomer(page, 1);
    await serveCustomer(page, 2);
    await waitUntilSynced(page);
    expect(storedVisits(rig.server.sqliteFile)).toHaveLength(2);

    // Offline, with a reload: the service worker serves the app, IndexedDB keeps the records.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('next-customer').waitFor();
    await expect.poll(() => page.getByTestId('status-online').getAttribute('data-online')).toBe('false');
    await serveCustomer(page, 1);
    await serveCustomer(page, 0);
    await serveCustomer(page, 1);
    expect(await waitingCount(page)).toBeGreaterThan(0);

    // Someone else signs in on the same tablet, still offline (PIN checked on the device).
    await signOut(page);
    await signIn(page, zhangWei);
    await serveCustomer(page, 1);
    expect(storedVisits(rig.server.sqliteFile)).toHaveLength(2);

    // The network returns: the outbox drains on its own.
    await context.setOffline(false);
    await waitUntilSynced(page);

    const visits = storedVisits(rig.server.sqliteFile);
    expect(visits).toHaveLength(6);
    expect(visits.map((v) => v.staff_id)).toEqual([liNa.id, liNa.id, liNa.id, liNa.id, liNa.id, zhangWei.id]);
    expect(visits.map((v) => v.recs)).toEqual([1, 2, 1, 0, 1, 1]);
    expect(visits.every((v) => v.closed === 1)).toBe(true);
    await context.close();
  });
});
