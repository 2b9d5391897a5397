import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './e2eBrowser.ts';
import { startServer, type RunningServer } from './e2eServer.ts';
import { type FaultProxy, startFaultProxy } from './faultProxy.ts';

export interface CounterRig {
  server: RunningServer;
  browser: Browser;
  /** Between the browser and the server, when asked for; the tablet then opens proxy.url. */
  proxy: FaultProxy;
}

/** One real server (and optionally a fault proxy in front of it) and one Chromium per test file. */
export function useCounterRig(options: { proxy?: boolean } = {}): CounterRig {
  const rig = {} as CounterRig;
  beforeAll(async () => {
    rig.server = await startServer();
    if (options.proxy) rig.proxy = await startFaultProxy(rig.server.url);
    rig.browser = await launchChromium();
  });
  afterAll(async () => {
    await rig.browser?.close();
    await rig.proxy?.close();
    await rig.server?.stop();
  });
  return rig;
}
