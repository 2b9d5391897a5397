import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { API } from '../../../../src/shared/apiPaths.ts';
import { MUST_SAY_KEYS } from '../../../../src/shared/mustSay.ts';
import { CampaignDetailResponse, CampaignListResponse } from '../../../../src/shared/schemas/manage.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { completeDraft, manageApi, publishedCampaign, writtenCampaign } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });

async function openNewEditor() {
  await screen.findByTestId('edit-campaign.title');
}

/** Everything publishing needs, typed into the form. */
function fillComplete(tag = '') {
  type('edit-campaign.title', `流量加油包${tag}`);
  type('edit-campaign.offerCode', `DATA-${tag || '1'}`);
  for (const key of MUST_SAY_KEYS) type(`edit-talkTrack.elements.${key}`, `${key} 的说明${tag}`);
  type('edit-talkTrack.opening', '您好，欢迎光临');
  type('edit-talkTrack.pitch', '这个流量包每月只要10元。\n流量5GB。');
  type('edit-talkTrack.closing', '现在帮您办理吧？');
}

describe('campaign editor', () => {
  const ctx = useApiApp('sqlite');

  it('creates a campaign, fills every field and publishes it; the list shows it published', async () => {
    const { hall } = await manageUi(ctx(), { path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-new'));
    await openNewEditor();
    fillComplete('A');
    fireEvent.change(screen.getByTestId('edit-campaign.category'), { target: { value: 'vas' } });
    type('edit-campaign.startDate', '2026-02-01');
    type('edit-campaign.endDate', '2026-03-31');
    fireEvent.click(screen.getByTestId('edit-campaign.focus'));
    type('edit-campaign.segmentNote', '本网手机用户');
    fireEvent.click(screen.getByTestId('objection-add'));
    type('edit-talkTrack.objections.0.question', '太贵了？');
    type('edit-talkTrack.objections.0.answer', '每天不到四毛钱。');
    // The manager's own hall is fixed.
    expect(screen.getByTestId('edit-hall-fixed').textContent).toBe(hall.fx.hall.name.zh);
    expect(screen.getByTestId('editor-dirty').getAttribute('data-dirty')).toBe('true');

    fireEvent.click(screen.getByTestId('editor-publish'));
    const notice = await screen.findByTestId('editor-notice');
    expect(notice.getAttribute('data-kind')).toBe('published');
    expect(notice.textContent).toContain('v1');
    expect(screen.getByTestId('editor-dirty').getAttribute('data-dirty')).toBe('false');
    const id = screen.getByTestId('editor').getAttribute('data-campaign-id')!;
    expect(location.pathname).toBe(`/manage/campaigns/${id}`);

    // Stored as typed, published as version 1.
    const detail = CampaignDetailResponse.parse((await manageApi(ctx().app, hall.manager).detail(id)).json());
    expect(detail.campaign).toMatchObject({ status: 'published', currentVersion: 1, hasDraft: false });
    expect(detail.draft.campaign).toMatchObject({ offerCode: 'DATA-A', category: 'vas', startDate: '2026-02-01', endDate: '2026-03-31', focus: true });
    expect(detail.draft.campaign.segmentNote).toEqual({ zh: '本网手机用户' });
    expect(detail.draft.talkTrack.pitch.zh).toBe('这个流量包每月只要10元。\n流量5GB。');
    expect(detail.draft.talkTrack.objections).toEqual([{ question: { zh: '太贵了？' }, answer: { zh: '每天不到四毛钱。' } }]);

    fireEvent.click(screen.getByTestId('editor-back'));
    const row = await screen.findByTestId(`manage-row-${id}`);
    expect(row.getAttribute('data-status')).toBe('published');
    expect(within(row).getByTestId('campaign-status').textContent).toContain('已发布 v1');
    expect(row.textContent).toContain('流量加油包A');
    expect(row.textContent).toContain('增值业务');
    expect(row.textContent).toContain('重点');
  });

  it('names the missing must-say elements and refuses to publish', async () => {
    const { hall } = await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    type('edit-campaign.title', '视频会员');
    type('edit-campaign.offerCode', 'VIDEO-1');
    for (const key of ['name', 'price', 'content', 'eligibility', 'validity'] as const) type(`edit-talkTrack.elements.${key}`, '已填写');

    // Before any attempt, a quiet reminder of what is missing.
    const reminder = screen.getByTestId('publish-missing');
    expect(reminder.getAttribute('data-refused')).toBe('false');
    expect(screen.getByTestId('editor-publish').getAttribute('data-missing')).toBe('2');

    fireEvent.click(screen.getByTestId('editor-publish'));
    const refused = screen.getByTestId('publish-missing');
    expect(refused.getAttribute('data-refused')).toBe('true');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(refused.textContent).toContain('不能发布');
    expect(refused.textContent).toContain('退订方式（中文）');
    expect(refused.textContent).toContain('限制条件、违约责任与注意事项（中文）');
    expect(refused.textContent).not.toContain('业务名称');
    expect(screen.getByTestId('edit-talkTrack.elements.cancel').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('edit-talkTrack.elements.restrictions').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('edit-talkTrack.elements.name').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('edit-talkTrack.elements.cancel'));

    // Nothing reached the server: no campaign was even created.
    await new Promise((r) => setTimeout(r, 50));
    const list = CampaignListResponse.parse((await manageApi(ctx().app, hall.manager).list()).json());
    expect(list.campaigns.map((c) => c.campaign.offerCode)).not.toContain('VIDEO-1');

    // Filling one in takes it off the list.
    type('edit-talkTrack.elements.cancel', '发送 TD 到 10086');
    expect(screen.getByTestId('publish-missing').textContent).not.toContain('退订方式');
    expect(screen.getByTestId('edit-talkTrack.elements.cancel').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a conflict with who saved, never overwrites it, and offers their version', async () => {
    const { app } = ctx();
    const ui = await manageUi(ctx(), { path: '/manage' });
    const admin = manageApi(app, ui.hall.admin);
    const campaign = await publishedCampaign(admin, completeDraft([ui.hall.fx.hall.id], '原版'));
    history.pushState(null, '', `/manage/campaigns/${campaign.id}`);
    dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect((screen.getByTestId('edit-talkTrack.pitch') as HTMLTextAreaElement).value).toBe('推荐流量包（原版）'));

    // The admin saves in between.
    writtenCampaign(await admin.save(campaign.id, campaign.editVersion, completeDraft([ui.hall.fx.hall.id], '管理员改')));

    type('edit-talkTrack.pitch', '我的修改');
    fireEvent.click(screen.getByTestId('editor-save'));
    const conflict = await screen.findByTestId('edit-conflict');
    expect(conflict.textContent).toContain(ui.hall.admin.name);
    expect(conflict.getAttribute('data-edited-by')).toBe(ui.hall.admin.name);
    expect(conflict.textContent).toContain('没有覆盖');
    // Still the admin's text on the server; still mine in the form.
    const stored = CampaignDetailResponse.parse((await admin.detail(campaign.id)).json());
    expect(stored.draft.talkTrack.pitch.zh).toBe('推荐流量包（管理员改）');
    expect((screen.getByTestId('edit-talkTrack.pitch') as HTMLTextAreaElement).value).toBe('我的修改');

    fireEvent.click(screen.getByTestId('conflict-reload'));
    await waitFor(() => expect((screen.getByTestId('edit-talkTrack.pitch') as HTMLTextAreaElement).value).toBe('推荐流量包（管理员改）'));
    expect(screen.queryByTestId('edit-conflict')).toBeNull();
    expect(screen.getByTestId('editor-dirty').getAttribute('data-dirty')).toBe('false');
    // Saving again now works.
    type('edit-talkTrack.pitch', '我的第二次修改');
    fireEvent.click(screen.getByTestId('editor-save'));
    expect((await screen.findByTestId('editor-notice')).getAttribute('data-kind')).toBe('saved');
  });

  it('keeps the typed text on screen when the server says the session expired', async () => {
    const { app } = ctx();
    const ui = await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    type('edit-campaign.title', '尚未保存的标题');
    await app.inject({ method: 'DELETE', url: API.currentSession, headers: ui.person.headers });
    fireEvent.click(screen.getByTestId('editor-save'));
    const gate = await screen.findByTestId('manage-gate');
    expect(gate.getAttribute('data-reason')).toBe('expired');
    expect(gate.textContent).toContain('请退出，并在联网时重新登录');
    expect((screen.getByTestId('edit-campaign.title') as HTMLInputElement).value).toBe('尚未保存的标题');
    expect(screen.getByTestId('manage-gate-sign-out')).toBeTruthy();
  });

  it('asks before leaving with unsaved changes', async () => {
    await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    type('edit-campaign.title', '还没保存');
    const answers = [false, true];
    const asked: string[] = [];
    const confirm = vi.spyOn(window, 'confirm').mockImplementation((q?: string) => {
      asked.push(q ?? '');
      return answers.shift() ?? true;
    });
    onTestFinished(() => confirm.mockRestore());
    fireEvent.click(screen.getByTestId('editor-back'));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('未保存');
    expect(location.pathname).toBe('/manage/campaigns/new');
    expect(screen.getByTestId('edit-campaign.title')).toBeTruthy();
    fireEvent.click(screen.getByTestId('editor-back'));
    expect(await screen.findByTestId('manage-new')).toBeTruthy();
    expect(location.pathname).toBe('/manage');
  });
});
