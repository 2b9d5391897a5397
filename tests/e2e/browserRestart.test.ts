import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, TABLET_LANDSCAPE } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, storedVisits, waitingCount, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { startServer, type RunningServer } from '../helpers/e2eServer.ts';

let server: RunningServer;
let profileDir: string;

beforeAll(async () => {
  server = await startServer();
  profileDir = mkdtempSync(join(tmpdir(), 'talktrack-profile-'));
});

afterAll(async () => {
  await server?.stop();
  rmSync(profileDir, { recursive: true, force: true });
});

const openTablet = () =>
  chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: TABLET_LANDSCAPE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });

describe('records waiting across a browser restart', () => {
  it('survive the browser closing offline, and sync once it is back online', async () => {
    let context = await openTablet();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await enrol(page, server.enrolmentCode);
    await signIn(page, demoPerson('李娜'));
    await page.evaluate(() => navigator.serviceWorker.ready);

    // The manifest makes it installable: name, theme colour, either orientation, 192 and 512 px icons.
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await page.request.get(new URL(manifestHref!, server.url).href)).json()) as {
      icons: Array<{ sizes: string }>;
      theme_color: string;
      orientation: string;
    };
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.orientation).toBe('any');

    await context.setOffline(true);
    await serveCustomer(page, 1);
    await serveCustomer(page, 2);
    expect(await waitingCount(page)).toBe(7);
    await context.close();

    // The browser is started again, still with no network: the app and its records are there.
    context = await openTablet();
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByTestId('next-customer').waitFor();
    expect(await waitingCount(page)).toBe(7);
    expect(storedVisits(server.sqliteFile)).toHaveLength(0);

    await context.setOffline(false);
    await waitUntilSynced(page);
    expect(storedVisits(server.sqliteFile).map((v) => v.recs)).toEqual([1, 2]);
    await context.close();
  });
});
