import type { Page } from 'playwright-core';
import { DEMO_STAFF, type DemoStaff } from '../../src/server/seed/demo.ts';
import { typeCredential } from '../../tests/helpers/e2eSignIn.ts';

/** Takes the screenshots of one screen in both languages (and audits its layout); given by the caller. */
export type Shoot = (page: Page, name: string) => Promise<void>;

/** A person of the demo hall, by name or by role (the first with it). */
export function demoStaff(which: { name: string } | { role: 'manager' | 'admin' }) {
  const found = DEMO_STAFF.find((s) => ('name' in which ? s.name === which.name : s.role === which.role));
  if (!found) throw new Error(`the demo hall has no ${JSON.stringify(which)}`);
  return found;
}

/** From wherever the page is: back to the counter's sign-in, then in with the PIN or password. */
export async function signInAs(page: Page, who: DemoStaff): Promise<void> {
  await page.goto(new URL('/', page.url()).href);
  await typeCredential(page, who);
  await page.getByTestId('next-customer').waitFor({ timeout: 20_000 });
}

export async function signOut(page: Page): Promise<void> {
  await page.goto(new URL('/', page.url()).href);
  await page.getByTestId('session-menu').click();
  await page.getByTestId('sign-out').click();
  await page.locator('[data-testid^="staff-tile-"]').first().waitFor();
}
