import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, signIn, signOut } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

const rig = useCounterRig();

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;

/**
 * Runs axe over the screen as it stands, at both tablet sizes and in both languages, and returns
 * every violation found, named by screen, size and language. The language is switched through the
 * screen's own switch (dispatched: a dialog may cover it).
 */
async function scan(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const lang of ['zh', 'en'] as const) {
      const switcher = page.getByTestId(`lang-${lang}`).first();
      if ((await switcher.count()) > 0) await switcher.dispatchEvent('click');
      await page.waitForFunction((l) => document.documentElement.lang === l, lang === 'zh' ? 'zh-CN' : 'en');
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
        found.push(`${screen} ${size.width}×${size.height} ${lang}: ${v.impact} ${v.id} (${v.help}) at ${where}`);
      }
    }
  }
  await page.getByTestId('lang-zh').first().dispatchEvent('click').catch(() => undefined);
  await page.setViewportSize(SIZES[0]);
  return found;
}

describe('accessibility', () => {
  it('axe finds no violation on any screen of the counter or the office pages, at both sizes, in both languages', async () => {
    const context = await tabletContext(rig.browser);
    const page = await context.newPage();
    const violations: string[] = [];
    await page.goto(rig.server.url);
    await page.getByTestId('enrol-code').waitFor();
    violations.push(...(await scan(page, 'enrol')));
    await page.getByTestId('enrol-code').fill('NOTACODE1');
    await page.getByTestId('enrol-submit').click();
    await page.getByTestId('enrol-error').waitFor();
    violations.push(...(await scan(page, 'enrol refused')));

    await enrol(page, rig.server.enrolmentCode);
    const liNa = demoPerson('李娜');
    await page.getByTestId(`staff-tile-${liNa.id}`).waitFor();
    violations.push(...(await scan(page, 'sign-in')));
    await page.getByTestId(`staff-tile-${liNa.id}`).click();
    await page.getByTestId('pin-submit').waitFor();
    violations.push(...(await scan(page, 'PIN pad')));
    await page.reload();

    await signIn(page, liNa);
    violations.push(...(await scan(page, 'counter')));
    await page.getByTestId('next-customer').click();
    await page.getByTestId('business-plan_change').click();
    violations.push(...(await scan(page, 'next customer')));
    await page.getByTestId('open-visit-confirm').click();
    await page.getByTestId('close-visit').waitFor();
    await page.getByTestId('element-name').click();
    await page.getByTestId('outcome-declined').click();
    violations.push(...(await scan(page, 'visit, declining')));
    await page.getByTestId('decline-reason-price').click();
    await page.getByTestId('record-recommendation').click();
    await page.locator('[data-testid="visit-recommendations"][data-count="1"]').waitFor();
    await page.getByTestId('session-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-out-blocked').waitFor();
    violations.push(...(await scan(page, 'sign-out while serving')));
    await page.keyboard.press('Escape');
    await page.getByTestId('close-visit').click();
    await page.getByTestId('next-customer').waitFor();
    await page.getByTestId('open-today-visits').click();
    await page.getByRole('dialog').waitFor();
    violations.push(...(await scan(page, "today's visits")));
    await page.keyboard.press('Escape');

    await signOut(page);
    await signIn(page, demoPerson('王敏'));
    await page.getByTestId('session-menu').click();
    violations.push(...(await scan(page, 'menu (manager)')));
    await page.getByTestId('open-manage').click();
    for (const nav of ['campaigns', 'people', 'devices', 'audit']) {
      await page.getByTestId(`manage-nav-${nav}`).click();
      await page.waitForLoadState('networkidle');
      violations.push(...(await scan(page, `manage ${nav}`)));
    }
    await page.getByTestId('manage-nav-reports').click();
    await page.getByTestId('reports-nav-daily').waitFor();
    await page.waitForLoadState('networkidle');
    violations.push(...(await scan(page, 'reports today')));
    await page.getByTestId('reports-nav-daily').click();
    await page.waitForLoadState('networkidle');
    violations.push(...(await scan(page, 'reports daily')));

    // One line per violation, so a failure says at once what and where.
    if (violations.length > 0) console.error(violations.join('\n'));
    expect(violations.join('\n')).toBe('');
    await context.close();
  });
});
