import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The axe-core that @axe-core/playwright ships (and would inject), read once for the whole file. */
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(
  require.resolve('axe-core/axe.min.js', { paths: [dirname(require.resolve('@axe-core/playwright'))] }),
  'utf8',
);

/**
 * axe over the page as it stands, only its violations sent back. Injected once per document, not
 * once per run as AxeBuilder does: a screen is checked four times, and the app has no frames.
 */
async function axeViolations(page: Page): Promise<AxeResults['violations']> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
}

/** The two tablet sizes every screen is checked at, landscape and portrait. */
export const A11Y_SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;

type Lang = 'zh' | 'en';
const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** Switches the language through the screen's own switch (dispatched: a dialog may cover it). */
async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  const switcher = page.getByTestId(`lang-${lang}`).first();
  if ((await switcher.count()) > 0) await switcher.dispatchEvent('click');
  await page.waitForFunction((l) => document.documentElement.lang === l, HTML_LANG[lang]);
}

/**
 * Collects every accessibility problem of the screens of one test, one line each (named by screen,
 * size and language), so a failure says at once what and where; `expectNone` fails with all of them.
 */
export class A11yLog {
  readonly found: string[] = [];

  /**
   * Checks the screen as it stands: one `h1` and one `main`, then axe once per size and language
   * (four runs, with the language switched through the screen's own switch). Leaves it in Chinese,
   * landscape, as it found it.
   */
  async scan(page: Page, screen: string): Promise<void> {
    const started = Date.now();
    const outline = await page.evaluate(() => ({ h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main').length }));
    if (outline.h1 !== 1) this.found.push(`${screen}: ${outline.h1} h1 elements, not one`);
    if (outline.main !== 1) this.found.push(`${screen}: ${outline.main} main elements, not one`);
    // Ordered so that each step changes one thing: the language, the size, the language again.
    const steps: Array<[(typeof A11Y_SIZES)[number], Lang]> = [
      [A11Y_SIZES[0], 'zh'],
      [A11Y_SIZES[0], 'en'],
      [A11Y_SIZES[1], 'en'],
      [A11Y_SIZES[1], 'zh'],
    ];
    for (const [size, lang] of steps) {
      await page.setViewportSize(size);
      await switchLanguage(page, lang);
      for (const v of await axeViolations(page)) {
        const where = v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ');
        this.found.push(`${screen} ${size.width}×${size.height} ${lang}: ${v.impact} ${v.id} (${v.help}) at ${where}`);
      }
    }
    await page.setViewportSize(A11Y_SIZES[0]);
    // A11Y_TIMING=1 says how long each screen's four runs took, to keep the suite's time in view.
    if (process.env.A11Y_TIMING) console.info(`axe ${screen}: ${Date.now() - started} ms`);
  }

  expectNone(): void {
    if (this.found.length > 0) console.error(this.found.join('\n'));
    expect(this.found.join('\n')).toBe('');
  }
}

/** The dialog's accessible name, from aria-labelledby or aria-label. */
export function dialogName(dialog: Locator): Promise<string> {
  return dialog.evaluate((el) => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
    return el.getAttribute('aria-label')?.trim() ?? '';
  });
}

const holdsFocus = (where: Locator) => where.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/**
 * A dialog opened from `opener` behaves as one: it is a dialog or alertdialog with a name, the
 * focus moves into it, and when `close` closes it (a key, or a control to tap) the focus is back
 * on `returnTo` (the opener unless said). Leaves the dialog closed.
 */
export async function expectDialogFocus(
  page: Page,
  what: string,
  { opener, dialog, close, returnTo = opener }: { opener: Locator; dialog: Locator; close: 'Escape' | Locator; returnTo?: Locator },
): Promise<void> {
  await opener.focus();
  await opener.click();
  await dialog.waitFor();
  expect(await dialog.getAttribute('role'), `${what}: role`).toMatch(/^(alert)?dialog$/);
  expect(await dialogName(dialog), `${what}: accessible name`).not.toBe('');
  await expect.poll(() => holdsFocus(dialog), { message: `${what}: focus moves into the dialog` }).toBe(true);
  if (close === 'Escape') await page.keyboard.press('Escape');
  else await close.click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => holdsFocus(returnTo), { message: `${what}: focus returns to the control that opened it` }).toBe(true);
}
