import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistentTablet } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, storedVisits, tapSyncNow, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { deviceLedger, expectExactlyOnce, type Logged, serverLedger } from '../helpers/e2eLedger.ts';
import { startServer, type RunningServer } from '../helpers/e2eServer.ts';
import { type FaultProxy, passAll, type ProxyAction, startFaultProxy } from '../helpers/faultProxy.ts';
import { isPush, isSyncRequest } from '../helpers/faultSchedule.ts';

/**
 * A sync cut short by the tablet itself: the page reloads, or the browser is closed, while a push
 * is in flight, either before the server got it or after the server stored it but before its
 * answer arrived. The records wait, go again, and the server keeps each once.
 */

const HOLD_MS = 4_000;

let server: RunningServer;
let proxy: FaultProxy;
let profileDir: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startServer();
  proxy = await startFaultProxy(server.url);
  profileDir = mkdtempSync(join(tmpdir(), 'talktrack-interrupted-'));
});

afterAll(async () => {
  await context?.close();
  await proxy?.close();
  await server?.stop();
  rmSync(profileDir, { recursive: true, force: true });
});

const offSync = (): ProxyAction => ({ kind: 'refuse' });

/** Pushes get `action`; pulls and the app itself pass. */
function holdPushes(action: ProxyAction): void {
  proxy.setRule((req) => (isPush(req) ? action : { kind: 'pass' }));
}

/** Taps "sync now" and waits until a push is in flight: held before the server, or answered by it and held after. */
async function startPushAndHold(page: Page, stage: 'before_server' | 'after_server'): Promise<void> {
  const from = proxy.requests.length;
  await page.getByTestId('sync-now').click();
  await expect
    .poll(
      () =>
      proxy.requests
        .slice(from)
        .some((r) => r.path.startsWith('/api/v1/sync/push') && (stage === 'before_server' ? !r.forwarded : r.serverStatus === 200)),
      { timeout: 20_000, message: `a push held ${stage.replace('_', ' ')}: ${JSON.stringify(proxy.requests.slice(from))}` },
    )
    .toBe(true);
}

describe('a sync interrupted by the tablet', () => {
  it('reload and browser restart mid-push lose nothing and double nothing', async () => {
    const logged: Logged = { visits: 0, recommendations: 0, closes: 0 };
    const serve = async (page: Page, recs: number) => {
      await serveCustomer(page, recs);
      logged.visits++;
      logged.recommendations += recs;
      logged.closes++;
    };

    context = await persistentTablet(profileDir);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(proxy.url);
    await enrol(page, server.enrolmentCode);
    await signIn(page, demoPerson('李娜'));
    await page.evaluate(() => navigator.serviceWorker.ready);

    // Records wait while sync cannot get through.
    proxy.setRule((req) => (isSyncRequest(req) ? offSync() : { kind: 'pass' }));
    await serve(page, 1);
    await serve(page, 2);
    expect(await waitingCount(page)).toBe(7);

    // 1. The page reloads while the push is held before the server.
    holdPushes({ kind: 'delay', ms: HOLD_MS });
    await startPushAndHold(page, 'before_server');
    await page.reload();
    await page.getByTestId('next-customer').waitFor();
    expect(await waitingCount(page)).toBeGreaterThan(0);
    await serve(page, 1);

    // 2. The page reloads after the server stored the push, before its answer reached the tablet.
    holdPushes({ kind: 'delay_answer', ms: HOLD_MS });
    await startPushAndHold(page, 'after_server');
    const storedBeforeReload = storedVisits(server.sqliteFile).length;
    expect(storedBeforeReload, 'the server stored the push the tablet never heard back from').toBe(logged.visits);
    expect((await deviceLedger(page)).outbox.filter((e) => e.status === 'pending').length, 'the tablet still holds those entries unsent').toBeGreaterThan(0);
    await page.reload();
    await page.getByTestId('next-customer').waitFor();
    await serve(page, 0);

    // 3. The browser is closed while a push is held before the server, and opened again with the same profile.
    proxy.setRule((req) => (isSyncRequest(req) ? offSync() : { kind: 'pass' }));
    await serve(page, 2);
    holdPushes({ kind: 'delay', ms: HOLD_MS });
    await startPushAndHold(page, 'before_server');
    await context.close();
    context = await persistentTablet(profileDir);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(proxy.url);
    await page.getByTestId('next-customer').waitFor();
    await serve(page, 1);

    // 4. The browser is closed after the server stored a push, before its answer arrived; opened again.
    holdPushes({ kind: 'delay_answer', ms: HOLD_MS });
    await startPushAndHold(page, 'after_server');
    expect(storedVisits(server.sqliteFile).length).toBe(logged.visits);
    await context.close();
    context = await persistentTablet(profileDir);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(proxy.url);
    await page.getByTestId('next-customer').waitFor();
    await serve(page, 2);

    // The network is fine again: everything reaches the server once.
    proxy.setRule(passAll);
    await tapSyncNow(page);
    await waitUntilSynced(page);
    const held = proxy.requests.filter((r) => r.action.kind === 'delay' || r.action.kind === 'delay_answer').length;
    expectExactlyOnce('sync interrupted', logged, await deviceLedger(page), serverLedger(server.sqliteFile), `pushes held and cut off by reload/close=${held}`);
  });
});
