import type { Browser, BrowserContext, Page } from 'playwright-core';
import { tabletContext } from '../tests/helpers/e2eBrowser.ts';
import { demoPerson, enrol, signIn } from '../tests/helpers/e2eCounter.ts';
import type { RunningServer } from '../tests/helpers/e2eServer.ts';

export interface CounterTablet {
  context: BrowserContext;
  page: Page;
}

/** A new tablet context on `server`: enrolled with the server's code and signed in (lands on the counter). */
export async function signedInTablet(browser: Browser, server: RunningServer): Promise<CounterTablet> {
  const context = await tabletContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await enrol(page, server.enrolmentCode);
  await signIn(page, demoPerson('李娜'));
  return { context, page };
}

/** Opens a visit and leaves the recommendation form on screen, with the first campaign chosen. */
export async function openVisitWithCampaign(page: Page): Promise<void> {
  await page.getByTestId('next-customer').click();
  await page.getByTestId('business-plan_change').click();
  await page.getByTestId('source-walk_in').click();
  await page.getByTestId('open-visit-confirm').click();
  await page.locator('[data-testid^="campaign-"]').first().click();
}

/** Records one recommendation through the UI (the template measurePush copies). */
export async function recordOneRecommendation(page: Page): Promise<void> {
  await page.getByTestId('element-name').click();
  await page.getByTestId('element-price').click();
  await page.getByTestId('outcome-accepted').click();
  // Resolves once the record and its outbox entry are committed (the app announces each one).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener('talktrack:stored', () => resolve(), { once: true });
        document.querySelector<HTMLButtonElement>('[data-testid="record-recommendation"]')!.click();
      }),
  );
}
