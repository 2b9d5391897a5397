import type { BrowserContext, Page } from 'playwright-core';
import { demoStaff, type Shoot, signInAs, signOut } from './people.ts';

/** One customer with one recommendation, at the counter. */
async function serveOne(page: Page): Promise<void> {
  await page.getByTestId('next-customer').click();
  await page.getByTestId('business-bill_payment').click();
  await page.getByTestId('open-visit-confirm').click();
  await page.getByTestId('element-name').click();
  await page.getByTestId('outcome-accepted').click();
  await page.getByTestId('record-recommendation').click();
  await page.getByTestId('close-visit').click();
  await page.getByTestId('next-customer').waitFor();
}

/**
 * A manager's password sign-in (refused once), the devices page, revoking a second tablet that
 * holds unsent records, that tablet's banner, and the lost-records report. Starts from the main
 * tablet on the sign-in screen and leaves it there; `newCode` issues an enrolment code.
 */
export async function shootDevicePages(page: Page, context: BrowserContext, shoot: Shoot, newCode: () => string): Promise<void> {
  const browser = context.browser();
  if (browser === null) throw new Error('the screenshots need a launched browser, not a persistent context');
  const lost = await browser.newContext({ viewport: page.viewportSize(), deviceScaleFactor: 1, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const other = await lost.newPage();
    await other.goto(page.url());
    await other.getByTestId('enrol-code').fill(newCode());
    await other.getByTestId('enrol-submit').click();
    await other.locator('[data-testid^="staff-tile-"]').first().waitFor({ timeout: 20_000 });
    await signInAs(other, demoStaff({ name: '刘洋' }));
    await serveOne(other);
    await lost.setOffline(true);
    await serveOne(other);
    await serveOne(other);

    const manager = demoStaff({ role: 'manager' });
    await page.getByTestId(`staff-tile-${manager.id}`).click();
    await page.getByTestId('password-input').fill('not-my-password');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('signin-error').waitFor();
    await shoot(page, '19-signin-password-wrong');
    await signInAs(page, manager);
    await page.getByTestId('session-menu').click();
    await page.getByTestId('open-manage').click();
    await page.getByTestId('manage-nav-devices').click();
    const revoke = page.locator('[data-testid^="device-revoke-"]').first();
    await revoke.waitFor();
    await shoot(page, '27-manage-devices');
    await revoke.click();
    await page.getByTestId('revoke-confirm').waitFor();
    await shoot(page, '28-manage-revoke-confirm');
    await page.getByTestId('revoke-confirm-yes').click();
    await page.locator('[data-testid^="device-row-"][data-state="revoked"]').first().waitFor();

    await lost.setOffline(false);
    await other.getByTestId('sync-now').click();
    await other.getByTestId('device-refused').waitFor({ timeout: 20_000 });
    await shoot(other, '29-counter-device-revoked');

    await page.reload();
    await page.locator('[data-testid^="lost-row-"]').first().waitFor({ timeout: 20_000 });
    await shoot(page, '29-manage-lost-records');
    await signOut(page);
  } finally {
    await lost.close();
  }
}
