import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, storedVisits, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { deviceLedger, expectExactlyOnce, serverLedger } from '../helpers/e2eLedger.ts';
import { startServer, type RunningServer } from '../helpers/e2eServer.ts';
import { startFaultProxy, type FaultProxy, passAll } from '../helpers/faultProxy.ts';
import { freePort } from '../helpers/freePort.ts';

let browser: Browser;
let workDir: string;
let nextBuild: string;

beforeAll(async () => {
  browser = await launchChromium();
  workDir = mkdtempSync(join(tmpdir(), 'talktrack-update-'));
  nextBuild = join(workDir, 'client-next');
  // The next version of the app: the same sources, another build.
  execFileSync('npx', ['vite', 'build', '--outDir', nextBuild, '--logLevel', 'error'], {
    env: { ...process.env, NODE_ENV: 'production', TALKTRACK_BUILD_ID: 'next-version' },
    stdio: 'inherit',
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('a new app version while records wait', () => {
  it('is offered, applied between customers, and sends every waiting record once', async () => {
    const port = String(await freePort());
    const dataDir = join(workDir, 'data');
    let server: RunningServer = await startServer({ dataDir, env: { PORT: port } });
    // The tablet reaches the server through a proxy that can cut off sync and nothing else.
    const proxy: FaultProxy = await startFaultProxy(server.url);
    const context = await tabletContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(proxy.url);
      await enrol(page, server.enrolmentCode);
      await signIn(page, demoPerson('李娜'));
      await page.evaluate(() => navigator.serviceWorker.ready);
      const firstBuild = await page.evaluate(() => document.documentElement.dataset.build);

      // Sync is cut off (the server cannot be reached for it) while two customers are served.
      proxy.setRule((req) => (req.url?.startsWith('/api/v1/sync/') ? { kind: 'refuse' } : { kind: 'pass' }));
      await serveCustomer(page, 1);
      await serveCustomer(page, 1);
      const waiting = await waitingCount(page);
      expect(waiting).toBe(6); // each customer: visit, recommendation, close

      // The new version is deployed on the same address.
      await server.stop();
      server = await startServer({ dataDir, env: { PORT: port, CLIENT_DIR: nextBuild } });

      // A customer is being served when the update arrives: it is offered but cannot be applied yet.
      await page.getByTestId('next-customer').click();
      await page.getByTestId('business-inquiry').click();
      await page.getByTestId('source-walk_in').click();
      await page.getByTestId('open-visit-confirm').click();
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.getByTestId('update-app').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('update-app').isDisabled()).toBe(true);

      // Between customers it applies: the page reloads into the new version, nothing waiting lost.
      await page.getByTestId('close-visit').click();
      await page.getByTestId('confirm-close-no-rec').click();
      await page.getByTestId('update-app').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.build), { timeout: 30_000 }).toBe('next-version');
      expect(firstBuild).not.toBe('next-version');
      await expect.poll(() => waitingCount(page)).toBe(waiting + 2);

      // Sync comes back: every record reaches the server once.
      proxy.setRule(passAll);
      await page.getByTestId('sync-now').click();
      await waitUntilSynced(page);
      const visits = storedVisits(server.sqliteFile);
      expect(visits).toHaveLength(3);
      expect(visits.map((v) => [v.recs, v.closed])).toEqual([
        [1, 1],
        [1, 1],
        [0, 1],
      ]);
      expectExactlyOnce(
        'app update',
        { visits: 3, recommendations: 2, closes: 3 },
        await deviceLedger(page),
        serverLedger(server.sqliteFile),
        `waiting across the update=${waiting + 2}`,
      );
    } finally {
      await context.close();
      await proxy.close();
      await server.stop();
    }
  });
});
