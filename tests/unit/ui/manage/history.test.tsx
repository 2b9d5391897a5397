import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { completeDraft, manageApi, publishedCampaign, seedManageHall, writtenCampaign } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

describe('history and audit', () => {
  const ctx = useApiApp('sqlite');

  async function twoVersions() {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const api = manageApi(app, hall.manager);
    const admin = manageApi(app, hall.admin);
    const v1 = await publishedCampaign(api, completeDraft([hall.fx.hall.id], '第一版'));
    const next = completeDraft([hall.fx.hall.id], '第二版');
    next.talkTrack.elements.price = { zh: '20元/月，按月收取' };
    const saved = writtenCampaign(await admin.save(v1.id, v1.editVersion, next));
    const v2 = writtenCampaign(await admin.publish(saved.id, saved.editVersion));
    return { hall, campaign: v2 };
  }

  it('lists versions newest first with who published them, shows any one read-only, and compares two', async () => {
    const { hall, campaign } = await twoVersions();
    await manageUi(ctx(), { hall, path: `/manage/campaigns/${campaign.id}/history` });
    const list = await screen.findByTestId('history-versions');
    expect([...list.querySelectorAll('li')].map((li) => li.getAttribute('data-testid'))).toEqual(['history-version-2', 'history-version-1']);
    expect(screen.getByTestId('history-version-2').textContent).toContain(hall.admin.name);
    expect(screen.getByTestId('history-version-1').textContent).toContain(hall.manager.name);
    expect(screen.getByText(/Asia\/Shanghai/)).toBeTruthy();

    // The two newest are compared by default: only the changed fields, words marked.
    const diff = await screen.findByTestId('version-diff');
    const price = within(diff).getByTestId('diff-field-talkTrack.elements.price.zh');
    expect(price.querySelector('del')?.textContent).toBe('10');
    expect(price.querySelector('ins')?.textContent).toBe('20');
    const pitch = within(diff).getByTestId('diff-field-talkTrack.pitch.zh');
    expect(pitch.querySelector('del')?.textContent).toContain('第一');
    expect(pitch.querySelector('ins')?.textContent).toContain('第二');
    expect(within(diff).queryByTestId('diff-field-talkTrack.elements.name.zh')).toBeNull();
    expect(within(diff).getByTestId('diff-unchanged').textContent).toContain('业务名称（中文）');

    fireEvent.click(screen.getByTestId('history-view-1'));
    const view = await screen.findByTestId('version-view-1');
    expect(view.textContent).toContain('10元/月，按月收取');
    expect(view.textContent).toContain('推荐流量包（第一版）');
    expect(view.querySelectorAll('input, textarea')).toHaveLength(0);

    // Same version on both sides: nothing changed.
    fireEvent.change(screen.getByTestId('diff-from'), { target: { value: (screen.getByTestId('diff-to') as HTMLSelectElement).value } });
    await waitFor(() => expect(screen.getByTestId('version-diff').getAttribute('data-changed')).toBe('0'));
  });

  it('shows an admin the audit log, newest first', async () => {
    const { hall, campaign } = await twoVersions();
    await manageUi(ctx(), { hall, who: 'admin', path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-nav-audit'));
    const table = await screen.findByTestId('audit-table');
    const rows = [...table.querySelectorAll('tbody tr')].filter((tr) => tr.textContent?.includes('流量加油包'));
    expect(rows.map((tr) => tr.getAttribute('data-action')).slice(0, 4)).toEqual(['publish', 'save_draft', 'publish', 'create']);
    expect(rows[0]!.textContent).toContain(hall.admin.name);
    expect(rows[0]!.textContent).toContain('发布');
    expect(rows[0]!.querySelector('a')?.getAttribute('href')).toBe(`/manage/campaigns/${campaign.id}/history`);
  });

  it('words each audit entry in the page’s language from its details; an entry kept before them shows its summary', async () => {
    const { hall, campaign } = await twoVersions();
    // An entry from before details were kept: its English summary is all there is.
    await ctx()
      .database.db.insertInto('audit_log')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        at: '2026-01-05T02:00:00.000Z',
        actor_id: hall.admin.staffId,
        actor_name: hall.admin.name,
        actor_role: 'admin',
        action: 'retire',
        campaign_id: campaign.id,
        hall_ids: JSON.stringify([hall.fx.hall.id]),
        summary: 'retired (was at version 1)',
        details: null,
      })
      .execute();
    await manageUi(ctx(), { hall, who: 'admin', path: '/manage/audit' });
    const table = await screen.findByTestId('audit-table');
    const summaries = () =>
      [...table.querySelectorAll('tbody tr')]
        .filter((tr) => tr.querySelector('a')?.getAttribute('href')?.includes(campaign.id))
        .map((tr) => tr.querySelector('td:last-child')?.textContent);
    await waitFor(() => expect(summaries()).toHaveLength(5));
    const [publish, save, firstPublish, create, old] = summaries();
    expect(publish).toBe('发布了第 2 版');
    expect(save).toMatch(/^修改了.*资费标准与计费方式（中文）/);
    expect(firstPublish).toBe('发布了第 1 版');
    expect(create).toBe('创建了草稿“流量加油包”');
    expect(old).toBe('retired (was at version 1)');
    fireEvent.click(screen.getByTestId('lang-en'));
    const [publishEn, saveEn, , createEn, oldEn] = summaries();
    expect(publishEn).toBe('Published version 2');
    expect(saveEn).toMatch(/^Changed .*Price and how it is charged \(Chinese\)/);
    expect(createEn).toMatch(/^Created the draft “.*”$/);
    expect(oldEn).toBe('retired (was at version 1)');
  });

  it('keeps the campaigns’ audit log from managers, who read their hall’s access log', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    await manageUi(ctx(), { hall, who: 'manager', path: '/manage/audit' });
    expect(await screen.findByTestId('audit-admins-only')).toBeTruthy();
    expect(screen.queryByTestId('campaign-audit')).toBeNull();
    expect(screen.getByTestId('access-audit')).toBeTruthy();
    expect(screen.getByTestId('manage-nav-audit')).toBeTruthy();
  });
});
