import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, storedVisits, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

const rig = useCounterRig();

describe('two tabs of the app on one tablet', () => {
  it('sync one at a time: the waiting records are pushed once, by one tab', async () => {
    const context = await tabletContext(rig.browser);
    const first = await context.newPage();
    await first.goto(rig.server.url);
    await enrol(first, rig.server.enrolmentCode);
    await signIn(first, demoPerson('李娜'));
    const second = await context.newPage();
    await second.goto(rig.server.url);
    await second.getByTestId('next-customer').waitFor();

    await context.setOffline(true);
    await serveCustomer(first, 1);
    await serveCustomer(first, 1);

    const pushes: string[] = [];
    context.on('request', (r) => {
      if (r.url().endsWith('/api/v1/sync/push')) pushes.push(r.frame()?.page() === second ? 'second' : 'first');
    });
    // Both tabs see the network return and both try to sync at once.
    await context.setOffline(false);
    await Promise.all([first.getByTestId('sync-now').click(), second.getByTestId('sync-now').click()]);
    await waitUntilSynced(first);
    await waitUntilSynced(second);

    expect(pushes).toHaveLength(1);
    expect(storedVisits(rig.server.sqliteFile).map((v) => v.recs)).toEqual([1, 1]);
    await context.close();
  });
});
