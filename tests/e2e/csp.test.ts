import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, serveCustomer, signIn, signOut, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

const rig = useCounterRig();

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  page: string;
}

/**
 * Everything the browser refuses under the Content-Security-Policy, in any page of the context and
 * across navigations: `securitypolicyviolation` events, and console errors naming the policy.
 */
async function watchPolicy(context: BrowserContext): Promise<{ violations: Violation[]; consoleErrors: string[] }> {
  const violations: Violation[] = [];
  const consoleErrors: string[] = [];
  await context.exposeBinding('__cspViolation', (_source, v: Violation) => void violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation(v: unknown): void }).__cspViolation;
      report({ directive: e.effectiveDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, page: location.pathname });
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return { violations, consoleErrors };
}

async function openManagerPages(page: Page): Promise<void> {
  await page.getByTestId('session-menu').click();
  await page.getByTestId('open-manage').click();
  const rows = page.locator('[data-testid^="manage-row-"]');
  await rows.first().waitFor();
  // An existing campaign's editor (its scaled tablet preview sets inline sizes), then its history.
  const id = (await rows.first().getAttribute('data-testid'))!.replace('manage-row-', '');
  await page.getByTestId(`manage-edit-${id}`).click();
  await page.getByTestId('preview-frame').waitFor();
  await page.getByTestId('preview-portrait').click();
  await page.goBack();
  await page.getByTestId(`manage-history-${id}`).click();
  await page.getByTestId('history').waitFor();
  await page.goBack();
  await page.getByTestId('manage-nav-devices').click();
  await page.getByTestId('devices-table').waitFor();
  await page.getByTestId('manage-nav-campaigns').click();
  await rows.first().waitFor();
  await page.getByTestId('manage-import').click();
  await page.getByTestId('import-panel').waitFor();
  // A new campaign, typed in.
  await page.getByTestId('manage-new').click();
  await page.getByTestId('edit-campaign.title').fill('内容安全策略检查');
  await expect.poll(() => page.getByTestId('preview').textContent()).toContain('内容安全策略检查');
}

async function openReports(page: Page, url: string): Promise<void> {
  // A full load of a client route: index.html from the SPA fallback, with the same policy.
  await page.goto(`${url}/reports`);
  await page.getByTestId('report-today').waitFor();
  await page.getByTestId('reports-nav-daily').click();
  await page.getByTestId('report-daily').waitFor();
  // The charts: chart.js sizes its canvas through element.style.
  await page.locator('[data-testid="report-charts"][data-ready="true"]').waitFor();
}

describe('the Content-Security-Policy', () => {
  it('lets the whole PWA run (counter, manager pages, reports, service worker) without one violation', async () => {
    const context = await tabletContext(rig.browser);
    const seen = await watchPolicy(context);
    const page = await context.newPage();
    const response = await page.goto(rig.server.url);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');

    // The counter: enrol, sign in, serve customers, sync.
    await enrol(page, rig.server.enrolmentCode);
    await signIn(page, demoPerson('李娜'));
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? null);
    expect(worker).toBe(`${rig.server.url}/sw.js`);
    await serveCustomer(page, 2);
    await serveCustomer(page, 0);
    await waitUntilSynced(page);
    await page.getByTestId('open-today-visits').click();
    await page.getByTestId('today-visits-close').click();

    // The manager: campaign pages, then reports with charts.
    await signOut(page);
    await signIn(page, demoPerson('王敏'));
    await openManagerPages(page);
    await openReports(page, rig.server.url);

    // A reload from the service worker's cache is served with the same policy, and passes too.
    await page.reload();
    await page.getByTestId('report-daily').waitFor();

    expect(seen.violations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);

    // The watch works: an inline script is refused, and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.body.append(script);
    });
    await expect.poll(() => seen.violations.length).toBe(1);
    expect(seen.violations[0]).toMatchObject({ directive: 'script-src-elem', blocked: 'inline' });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await context.close();
  });
});
