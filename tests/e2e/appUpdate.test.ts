import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, tabletContext } from '../helpers/e2eBrowser.ts';
import { demoStaff, enrol, serveCustomer, signIn, storedVisits, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { startServer, type RunningServer } from '../helpers/e2eServer.ts';
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
    env: { ...process.env, TALKTRACK_BUILD_ID: 'next-version' },
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
    const context = await tabletContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await enrol(page, server.enrolmentCode);
      const consultant = demoStaff(server.sqliteFile).find((s) => s.role === 'consultant')!;
      await signIn(page, consultant.id, '111111');
      await page.evaluate(() => navigator.serviceWorker.ready);
      const firstBuild = await page.evaluate(() => document.documentElement.dataset.build);

      // Sync is cut off (the server cannot be reached for it) while two customers are served.
      await context.route('**/api/v1/sync/**', (route) => route.abort('connectionfailed'));
      await serveCustomer(page, 1);
      await serveCustomer(page, 1);
      const waiting = await waitingCount(page);
      expect(waiting).toBe(4);

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
      expect(await waitingCount(page)).toBe(waiting + 2);

      // Sync comes back: every record reaches the server once.
      await context.unroute('**/api/v1/sync/**');
      await page.getByTestId('sync-now').click();
      await waitUntilSynced(page);
      const visits = storedVisits(server.sqliteFile);
      expect(visits).toHaveLength(3);
      expect(visits.map((v) => [v.recs, v.closed])).toEqual([
        [1, 1],
        [1, 1],
        [0, 1],
      ]);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
