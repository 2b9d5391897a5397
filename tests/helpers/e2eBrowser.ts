import { type Browser, type BrowserContext, chromium } from 'playwright-core';

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

export function tabletContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: TABLET_LANDSCAPE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true });
}
