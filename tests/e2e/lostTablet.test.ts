import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, storedVisits, tapSyncNow, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

const rig = useCounterRig();

describe('a lost tablet', () => {
  it('is cut off on its next request once the manager revokes it; what it never sent is kept on it and reported to the manager', async () => {
    // The counter tablet sends one customer, then serves two more with no network.
    const tablet = await tabletContext(rig.browser);
    const counter = await tablet.newPage();
    await counter.goto(rig.server.url);
    await enrol(counter, rig.server.enrolmentCode);
    await signIn(counter, demoPerson('李娜'));
    await serveCustomer(counter, 1);
    await waitUntilSynced(counter);
    expect(storedVisits(rig.server.sqliteFile)).toHaveLength(1);
    await tablet.setOffline(true);
    await serveCustomer(counter, 2);
    await serveCustomer(counter, 1);
    const unsent = await waitingCount(counter);
    expect(unsent).toBeGreaterThan(0);

    // The manager, at a desk browser of their own, revokes it (after being asked to confirm).
    const office = await tabletContext(rig.browser);
    const desk = await office.newPage();
    await desk.goto(rig.server.url);
    await enrol(desk, await rig.server.issueEnrolmentCode());
    await signIn(desk, demoPerson('王敏'));
    await desk.getByTestId('session-menu').click();
    await desk.getByTestId('open-manage').click();
    await desk.getByTestId('manage-nav-devices').click();
    const revoke = desk.locator('[data-testid^="device-revoke-"]');
    await revoke.waitFor();
    // Only the counter tablet can be revoked from here: the desk cannot revoke itself.
    expect(await revoke.count()).toBe(1);
    const tabletId = (await revoke.getAttribute('data-testid'))!.replace('device-revoke-', '');
    await revoke.click();
    await desk.getByTestId('revoke-confirm-yes').click();
    await desk.locator(`[data-testid="device-row-${tabletId}"][data-state="revoked"]`).waitFor();

    // Back online, the tablet's next sync is refused: it says so, and keeps every record.
    await tablet.setOffline(false);
    await tapSyncNow(counter);
    const banner = counter.getByTestId('device-refused');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute('data-reason')).toBe('device_revoked');
    expect(Number(await banner.getAttribute('data-count'))).toBe(unsent);
    // The strip names the state instead of "online", and no new visit can be opened on it.
    expect(await counter.getByTestId('status-online').getAttribute('data-refused')).toBe('revoked');
    expect(await counter.getByTestId('next-customer').isDisabled()).toBe(true);
    expect(await waitingCount(counter)).toBe(unsent);
    expect(storedVisits(rig.server.sqliteFile)).toHaveLength(1);

    // The manager sees how many records that tablet could not send.
    await desk.reload();
    const lost = desk.getByTestId(`lost-row-${tabletId}`);
    await lost.waitFor({ timeout: 30_000 });
    expect(Number(await lost.getAttribute('data-missing'))).toBe(unsent);
    await office.close();
    await tablet.close();
  });
});
