import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCampaignFile } from '../../../../src/shared/campaignFile.ts';
import { CampaignListResponse } from '../../../../src/shared/schemas/manage.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { completeDraft, manageApi, publishedCampaign, seedManageHall, writtenCampaign } from '../../../helpers/manageFixtures.ts';
import { chooseFile, manageUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('campaign list', () => {
  const ctx = useApiApp('sqlite');

  it('shows each campaign’s state, category, dates, halls and focus, and warns of too many focus campaigns', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const api = manageApi(app, hall.manager);
    const hallIds = [hall.fx.hall.id];
    // The fixture's campaign is a focus one: three more make four, over the limit of three.
    for (const n of [1, 2, 3]) {
      const d = completeDraft(hallIds);
      await publishedCampaign(api, { ...d, campaign: { ...d.campaign, offerCode: `FOCUS-${n}`, focus: true } });
    }
    const draft = writtenCampaign(await api.create({ ...completeDraft(hallIds), campaign: { ...completeDraft(hallIds).campaign, title: { zh: '只是草稿' } } }), 201);
    const changed = await publishedCampaign(api, completeDraft(hallIds, '一'));
    writtenCampaign(await api.save(changed.id, changed.editVersion, completeDraft(hallIds, '二')));

    await manageUi(ctx(), { hall, path: '/manage' });
    const warnings = await screen.findByTestId('focus-warnings');
    expect(warnings.getAttribute('role')).toBe('alert');
    expect(within(warnings).getByTestId(`focus-warning-${hall.fx.hall.id}`).textContent).toBe(`${hall.fx.hall.name.zh}：4 个重点活动（建议不超过 3 个）`);

    const draftRow = screen.getByTestId(`manage-row-${draft.id}`);
    expect(within(draftRow).getByTestId('campaign-status').textContent).toBe('草稿');
    expect(draftRow.textContent).toContain('只是草稿');
    expect(draftRow.textContent).toContain('增值业务');
    expect(draftRow.textContent).toContain(hall.fx.hall.name.zh);
    expect(draftRow.textContent).toContain('2026年1月1日 至 2099年12月31日');
    const changedRow = screen.getByTestId(`manage-row-${changed.id}`);
    expect(within(changedRow).getByTestId('campaign-status').textContent).toBe('已发布 v1有未发布的修改');
    expect(within(changedRow).getByTestId('campaign-unpublished')).toBeTruthy();
    const fixtureRow = screen.getByTestId(`manage-row-${hall.fx.campaign.id}`);
    expect(fixtureRow.getAttribute('data-focus')).toBe('true');
    expect(fixtureRow.textContent).toContain('重点');
  });

  it('retires a campaign only after asking, and duplicates one as a draft', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const campaign = await publishedCampaign(manageApi(app, hall.manager), completeDraft([hall.fx.hall.id]));
    await manageUi(ctx(), { hall, path: '/manage' });
    fireEvent.click(await screen.findByTestId(`manage-retire-${campaign.id}`));
    const confirm = screen.getByTestId('retire-confirm');
    expect(confirm.textContent).toContain('流量加油包');
    fireEvent.click(screen.getByTestId('retire-confirm-no'));
    expect(screen.queryByTestId('retire-confirm')).toBeNull();
    expect(screen.getByTestId(`manage-row-${campaign.id}`).getAttribute('data-status')).toBe('published');

    fireEvent.click(screen.getByTestId(`manage-retire-${campaign.id}`));
    fireEvent.click(screen.getByTestId('retire-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId(`manage-row-${campaign.id}`).getAttribute('data-status')).toBe('retired'));
    expect(screen.getByTestId('manage-notice').textContent).toContain('已下线');

    fireEvent.click(screen.getByTestId(`manage-duplicate-${campaign.id}`));
    const open = await screen.findByTestId('manage-open-duplicate');
    const copyId = open.getAttribute('href')!.split('/').pop()!;
    expect((await screen.findByTestId(`manage-row-${copyId}`)).getAttribute('data-status')).toBe('draft');
  });

  it('checks an import file in the browser and names the line and field of the first problem', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const exported = (await manageApi(app, hall.manager).exportFile([hall.fx.campaign.id])).body;
    await manageUi(ctx(), { hall, path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-import'));

    // A field the schema refuses: its line and path.
    const tooLong = exported.replace('"offerCode": "TEST-1"', `"offerCode": "${'X'.repeat(41)}"`);
    const expected = parseCampaignFile(tooLong);
    expect(expected.ok).toBe(false);
    chooseFile(await screen.findByTestId('import-file'), 'campaigns.json', tooLong);
    const error = await screen.findByTestId('import-file-error');
    const line = lineOf(tooLong, '"offerCode"');
    expect(error.getAttribute('data-line')).toBe(String(line));
    expect(error.getAttribute('data-field')).toBe('campaigns.0.campaign.offerCode');
    expect(error.textContent).toContain(`第 ${line} 行，字段 campaigns.0.campaign.offerCode：太长，或数量太多`);
    expect(error.textContent).toContain('campaigns.json');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('import-file-error').textContent).toContain(`line ${line}, field campaigns.0.campaign.offerCode: it is too long, or there are too many`);
    fireEvent.click(screen.getByTestId('lang-zh'));
    expect(screen.getByTestId('import-submit').hasAttribute('disabled')).toBe(true);

    // Broken JSON: the line of the break.
    const broken = exported.replace('"category": "vas",', '"category": "vas"');
    chooseFile(screen.getByTestId('import-file'), 'broken.json', broken);
    await waitFor(() => expect(screen.getByTestId('import-file-error').textContent).toContain('broken.json'));
    const brokenLine = lineOf(broken, '"category"') + 1;
    expect(screen.getByTestId('import-file-error').getAttribute('data-line')).toBe(String(brokenLine));
    expect(screen.getByTestId('import-file-error').textContent).toContain(`第 ${brokenLine} 行：`);
  });

  it('imports a good file into the halls an admin chooses, and shows the server’s answer', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const exported = (await manageApi(app, hall.manager).exportFile([hall.fx.campaign.id])).body;
    await manageUi(ctx(), { hall, who: 'admin', path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-import'));
    chooseFile(await screen.findByTestId('import-file'), 'campaigns.json', exported);
    expect((await screen.findByTestId('import-file-ok')).textContent).toContain('1 个活动');
    // An admin must choose the halls.
    expect(screen.getByTestId('import-submit').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId(`import-hall-${hall.fx.hall.id}`));
    fireEvent.click(screen.getByTestId('import-submit'));
    const result = await screen.findByTestId('import-result');
    expect(result.textContent).toContain('已导入 1 个活动');
    const list = CampaignListResponse.parse((await manageApi(app, hall.admin).list()).json());
    const imported = list.campaigns.filter((c) => c.campaign.offerCode === 'TEST-1' && c.status === 'draft');
    expect(imported).toHaveLength(1);
    expect(imported[0]!.hallIds).toEqual([hall.fx.hall.id]);
    expect(await screen.findByTestId(`manage-row-${imported[0]!.id}`)).toBeTruthy();
  });
});
