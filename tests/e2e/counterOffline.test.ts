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
import { typeCredential } from '../helpers/e2eSignIn.ts';

const rig = useCounterRig();

describe('the counter, online and offline', () => {
  it('six visits by two people, four of them offline across a reload, reach the server exactly once', async () => {
    const liNa = demoPerson('李娜');
    const zhangWei = demoPerson('张伟');
    const context = await tabletContext(rig.browser);
    const page = await context.newPage();
    await page.goto(rig.server.url);
    await enrol(page, rig.server.enrolmentCode);
    // 张伟 signs in here once online: that leaves his signing key on the tablet, wrapped under his PIN.
    await signIn(page, zhangWei);
    await signOut(page);
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

    // Someone who never signed in on this tablet cannot while it is offline, and is told why.
    await signOut(page);
    await typeCredential(page, demoPerson('刘洋'));
    await expect.poll(() => page.getByTestId('signin-error').getAttribute('data-reason')).toBe('first_signin_needs_network');
    expect(await page.getByTestId('signin-error').textContent()).toBe('在此平板上第一次登录需要联网：请连接网络后再试。之后断网时也能在此平板上登录。');
    await page.getByTestId('pin-back').click();

    // 张伟 signs in on the same tablet, still offline: his PIN opens his key, kept here since his online sign-in.
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
