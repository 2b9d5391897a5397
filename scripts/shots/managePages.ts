import type { Page } from 'playwright-core';
import { demoStaff, type Shoot, signInAs, signOut } from './people.ts';

export type { Shoot };

/**
 * The manager pages, from a counter tablet that is on the sign-in screen: the list, a new draft
 * refused for what it lacks, a full draft beside its preview, a second version and its diff, an
 * import refused with its line, and (as the admin) the audit log.
 */
export async function shootManagerPages(page: Page, shoot: Shoot): Promise<void> {
  await signInAs(page, demoStaff({ role: 'manager' }));
  await page.getByTestId('session-menu').click();
  await page.getByTestId('open-manage').click();
  await page.getByTestId('manage-rows').waitFor();
  await shoot(page, '20-manage-list');

  await page.getByTestId('manage-new').click();
  await page.getByTestId('edit-campaign.title').fill('冬季宽带特惠 <script>alert(1)</script>');
  await page.getByTestId('edit-talkTrack.elements.name').fill('冬季宽带特惠（300M）');
  await page.getByTestId('edit-talkTrack.elements.price').fill('每月 59 元，首年 8 折');
  await page.getByTestId('edit-talkTrack.pitch').fill('晚上看视频不卡，<img src=x onerror=alert(1)> 全家一起用。');
  await shoot(page, '21-manage-new-missing');

  const keys = ['content', 'eligibility', 'validity', 'cancel', 'restrictions'];
  for (const key of keys) await page.getByTestId(`edit-talkTrack.elements.${key}`).fill(`${key}：说明文字，客户听得懂的一句话。`);
  await page.getByTestId('edit-campaign.offerCode').fill('BB-WINTER');
  await page.getByTestId('objection-add').click();
  await page.getByTestId('edit-talkTrack.objections.0.question').fill('太贵了？');
  await page.getByTestId('edit-talkTrack.objections.0.answer').fill('算下来每天不到两元。');
  await shoot(page, '22-manage-editor-preview');
  await page.getByTestId('preview-portrait').click();
  await page.getByTestId('preview-lang-en').click();
  await shoot(page, '23-manage-preview-portrait-en');
  await page.getByTestId('editor-publish').click();
  await page.locator('[data-testid="editor-notice"][data-kind="published"]').waitFor();

  // A second version: the pitch changes, the history shows what changed.
  await page.getByTestId('edit-talkTrack.pitch').fill('晚上看视频不卡，全家一起用；现在办理送路由器。');
  await page.getByTestId('editor-publish').click();
  await page.locator('[data-testid="editor-notice"][data-kind="published"]').waitFor();
  await page.getByTestId('editor-history').click();
  await page.getByTestId('history-versions').waitFor();
  await page.getByTestId('version-diff').waitFor();
  await shoot(page, '24-manage-history-diff');

  await page.getByTestId('manage-nav-campaigns').click();
  await page.getByTestId('manage-import').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'campaigns.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "talktrack.campaigns",\n  "formatVersion": 1,\n  "exportedAt": "yesterday",\n  "campaigns": []\n}\n'),
  });
  await page.getByTestId('import-file-error').waitFor();
  await shoot(page, '25-manage-import-error');

  await signOut(page);
  await signInAs(page, demoStaff({ role: 'admin' }));
  await page.getByTestId('session-menu').click();
  await page.getByTestId('open-manage').click();
  await page.getByTestId('manage-nav-audit').click();
  await page.getByTestId('audit-table').waitFor();
  await shoot(page, '26-manage-audit');
  await signOut(page);
}
