import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const TABLET_LANDSCAPE = { width: 1280, height: 800 };

/** Each step waits at most this long, so a stuck step fails with its own name, not the test's timeout. */
export const STEP_TIMEOUT_MS = 20_000;

export async function tabletContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: TABLET_LANDSCAPE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true, ...options });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

/** A tablet whose browser profile lives in `profileDir`: closing and opening it again is a browser restart. */
export async function persistentTablet(profileDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: TABLET_LANDSCAPE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    hasTouch: true,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

/** The browser refuses persistent storage in this context, as some tablets do: the storage warning shows. */
export async function refusePersistentStorage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (navigator.storage) {
      navigator.storage.persisted = () => Promise.resolve(false);
      navigator.storage.persist = () => Promise.resolve(false);
    }
  });
}
