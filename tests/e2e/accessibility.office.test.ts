import { describe, it } from 'vitest';
import { A11yLog } from '../helpers/e2eAxe.ts';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, signIn } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

/**
 * The manager's campaign and people pages, checked by axe at both tablet sizes in both languages,
 * each with one h1 and one main. (Devices, audit, the reports and the admin's pages are in
 * accessibility.reports.test.ts: one file each keeps each under its time.)
 */

const rig = useCounterRig();

describe('accessibility of the office pages', () => {
  it("axe finds no violation on the manager's campaign and people pages", async () => {
    const context = await tabletContext(rig.browser);
    const page = await context.newPage();
    const log = new A11yLog();
    try {
      await page.goto(rig.server.url);
      await enrol(page, rig.server.enrolmentCode);
      const liNa = demoPerson('李娜');
      await signIn(page, demoPerson('王敏'));
      await page.getByTestId('session-menu').click();
      await page.getByTestId('open-manage').waitFor();
      await log.scan(page, 'menu (manager)');
      await page.getByTestId('open-manage').click();
      await page.getByTestId('manage-rows').waitFor();
      await log.scan(page, 'manage campaigns');
      await page.getByTestId('manage-import').click();
      await page.getByTestId('import-panel').waitFor();
      await log.scan(page, 'manage campaigns, import');

      const firstEdit = page.locator('[data-testid^="manage-edit-"]').first();
      const campaignId = (await firstEdit.getAttribute('data-testid'))!.replace('manage-edit-', '');
      await firstEdit.click();
      await page.getByTestId('preview').waitFor();
      await log.scan(page, 'campaign editor');
      await page.getByTestId('editor-history').click();
      await page.getByTestId('history-view-1').click();
      await page.locator('[data-testid^="version-view-"]').waitFor();
      await log.scan(page, 'campaign history, a version shown');
      await page.getByTestId('manage-nav-campaigns').click();
      await page.getByTestId(`manage-edit-${campaignId}`).waitFor();
      await page.getByTestId('manage-new').click();
      await page.getByTestId('editor').waitFor();
      await log.scan(page, 'campaign editor, new');

      await page.getByTestId('manage-nav-people').click();
      await page.getByTestId(`staff-open-${liNa.id}`).click();
      await page.getByTestId(`person-panel-${liNa.id}`).waitFor();
      await log.scan(page, 'people, person panel');
      await page.getByTestId('person-edit').click();
      await page.getByTestId('edit-person-form').waitFor();
      await log.scan(page, 'people, editing a person');
      await page.getByTestId('person-panel-close').click();
      await page.getByTestId('staff-add').click();
      await page.getByTestId('add-person-form').waitFor();
      await log.scan(page, 'people, adding a person');
      await page.getByTestId('staff-import').click();
      await page.getByTestId('roster-import').waitFor();
      await log.scan(page, 'people, roster import');
      await page.goto(`${rig.server.url}/manage/nowhere`);
      await page.getByTestId('manage-not-found').waitFor();
      await log.scan(page, 'manager pages, no such page');
      await page.goto(`${rig.server.url}/reports/nowhere`);
      await page.getByTestId('reports-not-found').waitFor();
      await log.scan(page, 'reports, no such page');

      log.expectNone();
    } finally {
      await context.close();
    }
  });
});
