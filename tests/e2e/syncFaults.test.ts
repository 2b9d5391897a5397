import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, tapSyncNow, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { deviceLedger, expectExactlyOnce, type Logged, serverLedger } from '../helpers/e2eLedger.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';
import { passAll } from '../helpers/faultProxy.ts';
import { FAULT_KINDS, seededSyncFaults } from '../helpers/faultSchedule.ts';
import { seededRng } from '../helpers/seededRandom.ts';

/**
 * A bad network between the tablet and the server, on a seeded schedule: sync requests are
 * delayed, dropped before the server saw them, dropped after it answered, cut mid-body, or
 * answered 502/503 by a gateway, while a person serves customers. Once the network heals, the
 * server holds every record logged, once each, and nothing waits on the tablet.
 */

const SEED = Number(process.env.FAULT_SEED ?? 20261127);
const CUSTOMERS = 16;
/** Sync requests that go through the schedule before it heals: three decks, each fault at least three times. */
const MIN_SYNC_REQUESTS = 36;

const rig = useCounterRig({ proxy: true });

describe('sync through a faulty network (seeded schedule)', () => {
  it('every record logged reaches the server exactly once after the network heals', async () => {
    const rng = seededRng(SEED);
    const schedule = seededSyncFaults(SEED + 1);
    const context = await tabletContext(rig.browser);
    try {
      const page = await context.newPage();
      await page.goto(rig.proxy.url);
      await enrol(page, rig.server.enrolmentCode);
      await signIn(page, demoPerson('李娜'));

      rig.proxy.setRule(schedule.rule);
      const logged: Logged = { visits: 0, recommendations: 0, closes: 0 };
      for (let i = 0; i < CUSTOMERS; i++) {
        const recs = rng.int(0, 2);
        await serveCustomer(page, recs);
        logged.visits++;
        logged.recommendations += recs;
        logged.closes++;
        // Besides the syncs the app starts on its own after each record, the person sometimes taps "sync now".
        if (rng.next() < 0.5) await tapSyncNow(page);
      }
      // The schedule runs on until every kind of fault has come up at least three times.
      while (schedule.applied.length < MIN_SYNC_REQUESTS) {
        const seen = schedule.applied.length;
        await page.getByTestId('sync-now').click();
        await expect.poll(() => schedule.applied.length, { timeout: 20_000 }).toBeGreaterThan(seen);
        await page.locator('[data-testid="sync-now"]:enabled').waitFor();
      }
      const tally = schedule.tally();
      for (const kind of FAULT_KINDS) expect(tally[kind], `sync requests that got ${kind}`).toBeGreaterThanOrEqual(3);

      // The network heals.
      rig.proxy.setRule(passAll);
      await tapSyncNow(page);
      await waitUntilSynced(page);
      expect(await waitingCount(page)).toBe(0);
      await expect.poll(() => page.getByTestId('sync-failure').count()).toBe(0);
      expect(await page.getByTestId('rejected-records').count()).toBe(0);

      // Faults that hit a push carrying records, not only pulls.
      const pushFaults = rig.proxy.requests.filter((r) => r.path.startsWith('/api/v1/sync/push') && r.action.kind !== 'pass').length;
      expect(pushFaults).toBeGreaterThan(0);
      expectExactlyOnce(
        'sync faults',
        logged,
        await deviceLedger(page),
        serverLedger(rig.server.sqliteFile),
        `seed=${SEED} sync requests=${schedule.applied.length} (faults on pushes ${pushFaults}) faults=${JSON.stringify(tally)}`,
      );
    } finally {
      await context.close();
    }
  });
});
