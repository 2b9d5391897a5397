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
    await page.getByTestId('not-stored').scrollIntoViewIfNeeded();
    await shoot(page, '29-manage-lost-records');
    await shootHeldRecords(page, shoot, newCode);
    await signOut(page);
  } finally {
    await lost.close();
  }
}

const DAY_MS = 86_400_000;

/**
 * A tablet whose clock is a month behind serves a customer: the server holds the records back
 * (their time is out of range). The tablet shows them refused; the manager (signed in on `page`,
 * on the devices page) sees them held back, is asked for a reason, accepts one, and sees the outcome.
 */
async function shootHeldRecords(page: Page, shoot: Shoot, newCode: () => string): Promise<void> {
  const browser = page.context().browser();
  if (browser === null) throw new Error('the screenshots need a launched browser, not a persistent context');
  const skewed = await browser.newContext({ viewport: page.viewportSize(), deviceScaleFactor: 1, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    await skewed.clock.install({ time: new Date(Date.now() - 30 * DAY_MS) });
    const tablet = await skewed.newPage();
    await tablet.goto(new URL('/', page.url()).href);
    await tablet.getByTestId('enrol-code').fill(newCode());
    await tablet.getByTestId('enrol-submit').click();
    await tablet.locator('[data-testid^="staff-tile-"]').first().waitFor({ timeout: 20_000 });
    await signInAs(tablet, demoStaff({ name: '刘洋' }));
    await serveOne(tablet);
    await tablet.getByTestId('sync-now').click();
    const refused = tablet.getByTestId('rejected-records');
    await refused.waitFor({ timeout: 20_000 });
    await refused.locator('button').first().click();
    await shoot(tablet, '29b-counter-held-back');

    await page.reload();
    await page.locator('[data-testid^="held-row-"]').first().waitFor({ timeout: 20_000 });
    await page.locator('#held-title').scrollIntoViewIfNeeded();
    await shoot(page, '29c-manage-held-records');
    // Accepted when its clock is its only fault; a tablet that does not sign its records has them held as unsigned, only to be discarded.
    const accept = page.locator('[data-testid^="held-accept-"]').first();
    await ((await accept.count()) > 0 ? accept : page.locator('[data-testid^="held-discard-"]').first()).click();
    await page.getByTestId('held-decision-yes').click();
    await page.getByTestId('held-note-missing').waitFor();
    await page.getByTestId('held-decision-yes').scrollIntoViewIfNeeded();
    await shoot(page, '29d-manage-held-accept-reason');
    await page.getByTestId('held-note').fill('平板时钟慢了一个月，已与刘洋核对');
    await page.getByTestId('held-decision-yes').click();
    await page.getByTestId('held-notice').waitFor();
    await page.locator('[data-testid^="held-row-"]:not([data-status="held"])').first().scrollIntoViewIfNeeded();
    await shoot(page, '29e-manage-held-accepted');
  } finally {
    await skewed.close();
  }
}
