import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import { localDate } from '../../src/shared/localDate.ts';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, signIn, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';

const rig = useCounterRig();

const OFFER = 'E2E-NEW-1';

/** The manager fills in a whole new campaign in the editor, the way a person types it. */
async function writeCampaign(page: Page, endDate: string): Promise<void> {
  await page.getByTestId('manage-new').click();
  await page.getByTestId('edit-campaign.title').fill('家庭宽带冬季特惠');
  await page.getByTestId('edit-campaign.offerCode').fill(OFFER);
  await page.getByTestId('edit-campaign.category').selectOption('broadband');
  await page.getByTestId('edit-campaign.endDate').fill(endDate);
  for (const key of MUST_SAY_KEYS) await page.getByTestId(`edit-talkTrack.elements.${key}`).fill(`${key}：新活动的必说内容`);
  await page.getByTestId('edit-talkTrack.opening').fill('您好，冬季宽带有特惠。');
  await page.getByTestId('edit-talkTrack.pitch').fill('一年只要三百元。');
  await page.getByTestId('edit-talkTrack.closing').fill('现在就帮您办理？');
}

function storedRecommendation(sqliteFile: string, offerCode: string) {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select c.id as campaignId, c.current_version_id as currentVersionId, r.talk_track_version_id as recordedVersionId,
                t.version as version, t.published_by as publishedBy
           from campaigns c
           left join recommendations r on r.campaign_id = c.id
           left join talk_track_versions t on t.id = r.talk_track_version_id
          where c.offer_code = ?`,
      )
      .all(offerCode) as { campaignId: string; currentVersionId: string | null; recordedVersionId: string | null; version: number | null; publishedBy: string | null }[];
  } finally {
    db.close();
  }
}

describe('campaigns from the manager pages to the counter', () => {
  it('a campaign published while a tablet is offline reaches it when it comes back, and its recommendation names the exact version', async () => {
    const manager = demoPerson('王敏');
    const consultant = demoPerson('李娜');

    // The counter tablet, signed in, then cut off before the campaign exists.
    const tablet = await tabletContext(rig.browser);
    const counter = await tablet.newPage();
    await counter.goto(rig.server.url);
    await enrol(counter, rig.server.enrolmentCode);
    await signIn(counter, consultant);
    await counter.evaluate(() => navigator.serviceWorker.ready);
    await tablet.setOffline(true);

    // The manager, on a browser of their own enrolled with another code, writes and publishes it.
    const office = await tabletContext(rig.browser);
    const desk = await office.newPage();
    await desk.goto(rig.server.url);
    await enrol(desk, await rig.server.issueEnrolmentCode());
    await signIn(desk, manager);
    await desk.getByTestId('session-menu').click();
    await desk.getByTestId('open-manage').click();
    await desk.getByTestId('manage-rows').waitFor();
    const endDate = localDate(new Date(Date.now() + 30 * 86_400_000), 'Asia/Shanghai');
    await writeCampaign(desk, endDate);
    await expect.poll(() => desk.getByTestId('preview').textContent()).toContain('家庭宽带冬季特惠');
    await desk.getByTestId('editor-publish').click();
    await expect.poll(() => storedRecommendation(rig.server.sqliteFile, OFFER)[0]?.currentVersionId ?? null).not.toBeNull();
    const [published] = storedRecommendation(rig.server.sqliteFile, OFFER);
    expect(published!.recordedVersionId).toBeNull();

    // Still offline: the tablet has not heard of it, even after a reload.
    await counter.reload();
    await counter.getByTestId('next-customer').waitFor();
    expect(await counter.getByTestId(`campaign-${published!.campaignId}`).count()).toBe(0);

    // Online again: the next pull brings it.
    await tablet.setOffline(false);
    await counter.getByTestId(`campaign-${published!.campaignId}`).waitFor({ timeout: 30_000 });

    // A customer is offered the new campaign.
    await counter.getByTestId('next-customer').click();
    await counter.getByTestId('business-broadband').click();
    await counter.getByTestId('source-walk_in').click();
    await counter.getByTestId('open-visit-confirm').click();
    await counter.getByTestId(`campaign-${published!.campaignId}`).click();
    const shown = await counter.getByTestId('talk-track').getAttribute('data-version');
    expect(shown).toBe(published!.currentVersionId);
    await counter.getByTestId('element-name').click();
    await counter.getByTestId('element-price').click();
    await counter.getByTestId('outcome-accepted').click();
    await counter.getByTestId('record-recommendation').click();
    await counter.getByTestId('close-visit').click();
    await counter.getByTestId('next-customer').waitFor();
    await waitUntilSynced(counter);

    const [stored] = storedRecommendation(rig.server.sqliteFile, OFFER);
    expect(stored!.recordedVersionId).toBe(published!.currentVersionId);
    expect(stored!.version).toBe(1);
    expect(stored!.publishedBy).toBe(manager.id);
    await office.close();
    await tablet.close();
  });
});
