import type { Page } from 'playwright-core';
import type { DemoStaff } from '../../src/server/seed/demo.ts';
import { credentialOf } from '../../src/shared/credential.ts';

/**
 * On the sign-in screen: taps the name, then the PIN on the pad (counter roles) or the password in
 * its field (managers and admins), and confirms. Shared by the browser tests and the screenshots.
 */
export async function typeCredential(page: Page, person: Pick<DemoStaff, 'id' | 'role' | 'secret'>): Promise<void> {
  await page.getByTestId(`staff-tile-${person.id}`).click();
  if (credentialOf(person.role) === 'password') {
    await page.getByTestId('password-input').fill(person.secret);
    await page.getByTestId('password-submit').click();
    return;
  }
  await page.getByTestId('pin-clear').click();
  for (const digit of person.secret) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-submit').click();
}
