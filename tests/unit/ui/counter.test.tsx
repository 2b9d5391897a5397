import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { readMeta } from '../../../src/client/db/db.ts';
import { counterFixture, resetUiState, zh } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

async function startVisit() {
  fireEvent.click(await screen.findByTestId('next-customer'));
  fireEvent.click(screen.getByTestId('business-plan_change'));
  fireEvent.click(screen.getByTestId('source-queue_ticket'));
  fireEvent.click(screen.getByTestId('open-visit-confirm'));
  await screen.findByTestId('close-visit');
}

const pressed = (testId: string) => screen.getByTestId(testId).getAttribute('aria-pressed');
const count = (testId: string) => screen.getByTestId(testId).getAttribute('data-count');

describe('counter', () => {
  it('lists focus campaigns first, with a focus badge and the category', async () => {
    const { campaigns } = await counterFixture([
      { campaign: { title: zh('宽带提速'), offerCode: 'A1', category: 'broadband' } },
      { campaign: { title: zh('视频会员'), offerCode: 'B2', category: 'vas', focus: true } },
      { campaign: { title: zh('亲情号'), offerCode: 'C3', category: 'voice_data' } },
      { campaign: { title: zh('过期活动'), endDate: '2021-01-01' } },
    ]);
    await screen.findByTestId(`campaign-${campaigns[1]!.campaign.id}`);
    const order = screen.getAllByTestId(/^campaign-/).map((e) => e.getAttribute('data-testid'));
    expect(order).toEqual([1, 0, 2].map((i) => `campaign-${campaigns[i]!.campaign.id}`));
    const focus = screen.getByTestId(`campaign-${campaigns[1]!.campaign.id}`);
    expect(within(focus).getByText('重点')).toBeTruthy();
    expect(within(focus).getByText('增值业务')).toBeTruthy();
    // The first (focus) campaign is selected and its talk-track shown.
    expect(focus.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: '视频会员' })).toBeTruthy();
  });

  it('records exactly the ticked elements, with a matching outbox entry, then resets the composer', async () => {
    const { db, campaigns, me, deviceId, hall, services } = await counterFixture();
    const { campaign, talkTrack } = campaigns[0]!;
    const announced: string[] = [];
    const onStored = (e: Event) => announced.push((e as CustomEvent<{ record: { kind: string } }>).detail.record.kind);
    window.addEventListener('talktrack:stored', onStored);
    await startVisit();
    fireEvent.click(screen.getByTestId('element-price'));
    fireEvent.click(screen.getByTestId('element-name'));
    fireEvent.click(screen.getByTestId('element-cancel'));
    fireEvent.click(screen.getByTestId('element-cancel')); // untick
    expect(screen.getByTestId('element-name').getAttribute('aria-checked')).toBe('true');
    expect(count('said-count')).toBe('2');
    fireEvent.click(screen.getByTestId('demo-device'));
    fireEvent.click(screen.getByTestId('outcome-accepted'));
    fireEvent.click(screen.getByTestId('record-recommendation'));

    await waitFor(() => expect(count('visit-recommendations')).toBe('1'));
    const recs = await db.recommendations.toArray();
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({
      campaignId: campaign.id,
      talkTrackVersionId: talkTrack.id,
      elementsSaid: ['name', 'price'],
      demoDeviceUsed: true,
      outcome: 'accepted',
      declineReason: null,
      staffId: me.id,
      deviceId,
      hallId: hall.id,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => e.record.kind)).toEqual(['visit', 'recommendation']);
    expect(outbox[1]!.record).toEqual(recs[0]);
    expect(services.sync.recordWritten).toHaveBeenCalledTimes(2);
    // Each committed record is announced (the tap-to-stored benchmark listens for it).
    window.removeEventListener('talktrack:stored', onStored);
    expect(announced).toEqual(['visit', 'recommendation']);

    // Ready for the next one: ticks, demo and outcome cleared, a short confirmation shown.
    expect(screen.getByTestId('element-name').getAttribute('aria-checked')).toBe('false');
    expect(pressed('outcome-accepted')).toBe('false');
    expect(screen.getByTestId('demo-device').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByTestId('toast').textContent).toBe('已记录 ✓');
  });

  it('"all said" ticks all seven', async () => {
    const { db } = await counterFixture();
    await startVisit();
    fireEvent.click(screen.getByTestId('all-said'));
    // Ticked in both places: the talk-track's rows and the panel's row of ticks.
    expect(within(screen.getByRole('region', { name: '营销必说七要素' })).getAllByRole('checkbox', { checked: true })).toHaveLength(7);
    expect(within(screen.getByTestId('said-ticks')).getAllByRole('checkbox', { checked: true })).toHaveLength(7);
    fireEvent.click(screen.getByTestId('outcome-considering'));
    fireEvent.click(screen.getByTestId('record-recommendation'));
    await waitFor(async () => expect((await db.recommendations.toArray())[0]?.elementsSaid).toHaveLength(7));
  });

  it('a declined outcome needs a reason before it can be recorded', async () => {
    const { db } = await counterFixture();
    await startVisit();
    const record = screen.getByTestId('record-recommendation') as HTMLButtonElement;
    expect(record.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('outcome-declined'));
    expect(record.disabled).toBe(true);
    expect(screen.getByTestId('composer-missing').textContent).toBe('请选择拒绝原因。');
    fireEvent.click(record);
    fireEvent.click(screen.getByTestId('decline-reason-price'));
    expect(record.disabled).toBe(false);
    fireEvent.click(record);
    await waitFor(async () => expect(await db.recommendations.toArray()).toHaveLength(1));
    expect((await db.recommendations.toArray())[0]).toMatchObject({ outcome: 'declined', declineReason: 'price' });
  });

  it('closing a visit with no recommendation asks once, then records the confirmation', async () => {
    const { db } = await counterFixture();
    await startVisit();
    fireEvent.click(screen.getByTestId('close-visit'));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('至少推荐一项');
    expect((await db.outbox.toArray()).map((e) => e.record.kind)).toEqual(['visit']);
    fireEvent.click(screen.getByTestId('confirm-close-no-rec'));
    await screen.findByTestId('next-customer');
    const close = (await db.outbox.toArray()).find((e) => e.record.kind === 'visit_close');
    expect(close?.record).toMatchObject({ noRecommendationConfirmed: true });
  });

  it('closing a visit with a recommendation needs no confirmation', async () => {
    const { db } = await counterFixture();
    await startVisit();
    fireEvent.click(screen.getByTestId('outcome-ineligible'));
    fireEvent.click(screen.getByTestId('record-recommendation'));
    await waitFor(() => expect(count('visit-recommendations')).toBe('1'));
    fireEvent.click(screen.getByTestId('close-visit'));
    await screen.findByTestId('next-customer');
    const close = (await db.outbox.toArray()).find((e) => e.record.kind === 'visit_close');
    expect(close?.record).toMatchObject({ noRecommendationConfirmed: false });
  });

  it('the status strip shows records waiting, and the count moves after recording', async () => {
    await counterFixture();
    await waitFor(() => expect(count('status-waiting')).toBe('0'));
    expect(screen.getByTestId('status-online').getAttribute('data-online')).toBe(String(navigator.onLine));
    await startVisit();
    await waitFor(() => expect(count('status-waiting')).toBe('1'));
    expect(count('today-visits')).toBe('1');
    fireEvent.click(screen.getByTestId('outcome-accepted'));
    fireEvent.click(screen.getByTestId('record-recommendation'));
    await waitFor(() => expect(count('status-waiting')).toBe('2'));
    expect(screen.getByTestId('status-waiting').textContent).toBe('待同步 2 条');
    await waitFor(() => expect(screen.getByTestId('today-rate').textContent).toContain('100%'));
  });

  it('shows the last sync failure in words with what to do', async () => {
    const { db } = await counterFixture();
    const sync = (await readMeta(db, 'sync'))!;
    await db.meta.put({ key: 'sync', value: { ...sync, lastError: 'server_error' } });
    expect((await screen.findByTestId('sync-failure')).getAttribute('data-code')).toBe('server_error');
  });

  it.each([
    ['device_revoked', '平板已停用', 'Tablet revoked', '这台平板已停用，不能再开始接待', 'This tablet is revoked, so it cannot open visits'],
    ['device_expired', '登记已过期', 'Enrolment expired', '这台平板的登记已过期，不能再开始接待', 'This tablet’s enrolment has expired, so it cannot open visits'],
  ] as const)('a tablet the server refuses (%s) says so in the strip, not "online", and opens no new visit', async (code, zhState, enState, zhHint, enHint) => {
    const { db } = await counterFixture();
    const sync = (await readMeta(db, 'sync'))!;
    await db.meta.put({ key: 'sync', value: { ...sync, lastError: code } });
    await waitFor(() => expect(screen.getByTestId('status-online').textContent).toBe(zhState));
    expect(screen.getByTestId('status-online').className).toContain('pill-off');
    const next = (await screen.findByTestId('next-customer')) as HTMLButtonElement;
    await waitFor(() => expect(next.disabled).toBe(true));
    expect(screen.getByTestId('next-customer-hint').textContent).toContain(zhHint);
    fireEvent.click(next);
    expect(screen.queryByTestId('open-visit-confirm')).toBeNull();
    expect(await db.visits.count()).toBe(0);
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('status-online').textContent).toBe(enState);
    expect(screen.getByTestId('next-customer-hint').textContent).toContain(enHint);
    // A sync that succeeds again gives the tablet back.
    await db.meta.put({ key: 'sync', value: { ...sync, lastError: null } });
    await waitFor(() => expect((screen.getByTestId('next-customer') as HTMLButtonElement).disabled).toBe(false));
  });

  it('switching language changes the labels and <html lang>', async () => {
    const { campaigns } = await counterFixture([{ campaign: { title: zh('5G 畅享套餐', '5G unlimited plan') } }]);
    expect((await screen.findByTestId('next-customer')).textContent).toBe('下一位客户');
    expect((await screen.findByTestId('element-name')).textContent).toContain('业务名称');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('next-customer').textContent).toBe('Next customer');
    expect(screen.getByTestId('element-name').textContent).toContain('Offer name');
    expect(screen.getByTestId('element-name').textContent).toContain('name in English');
    expect(screen.getByTestId(`campaign-${campaigns[0]!.campaign.id}`).textContent).toContain('5G unlimited plan');
    expect(document.documentElement.lang).toBe('en');
    expect(JSON.parse(localStorage.getItem('talktrack-lang')!).state.lang).toBe('en');
    fireEvent.click(screen.getByTestId('lang-zh'));
    expect(screen.getByTestId('next-customer').textContent).toBe('下一位客户');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('falls back to Chinese talk-track text when English is missing', async () => {
    await counterFixture([{ campaign: {}, track: { opening: zh('只有中文的开场白') } }]);
    fireEvent.click(await screen.findByTestId('lang-en'));
    expect(await screen.findByText('只有中文的开场白')).toBeTruthy();
    expect(screen.getByText('Opening')).toBeTruthy();
  });

  it('sign-out asks to finish the customer first while a visit is open', async () => {
    const { db } = await counterFixture();
    await startVisit();
    fireEvent.click(screen.getByTestId('sign-out'));
    expect(screen.getByTestId('sign-out-blocked').textContent).toContain('请先结束当前客户');
    expect(await readMeta(db, 'signedIn')).toBeDefined();
    fireEvent.click(screen.getByTestId('close-visit'));
    fireEvent.click(await screen.findByTestId('confirm-close-no-rec'));
    await screen.findByTestId('next-customer');
    fireEvent.click(screen.getByTestId('sign-out'));
    await screen.findByText('请选择您的名字');
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });
});
