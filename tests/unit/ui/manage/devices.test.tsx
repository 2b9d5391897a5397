import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../../src/shared/apiPaths.ts';
import { DeviceListResponse } from '../../../../src/shared/schemas/devices.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { enrolDevice, entries, makeOutbox, push } from '../../../helpers/apiFixtures.ts';
import { adminApi } from '../../../helpers/deviceFixtures.ts';
import { seedManageHall } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

/** What the page must show for an instant: Intl, in the hall's time zone, in the page's language. */
const shown = (instant: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hour12: false, timeZone: 'Asia/Shanghai' }).format(new Date(instant));

describe('devices page', () => {
  const ctx = useApiApp('sqlite');

  it('lists the hall’s devices with when they were enrolled and last seen, and revokes one only after asking', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const spare = await enrolDevice(app, database, hall.fx.hall.id);
    const listed = DeviceListResponse.parse((await adminApi(app, hall.manager).devices()).json()).devices;
    const spareListed = listed.find((d) => d.id === spare.id)!;
    await manageUi(ctx(), { hall, path: '/manage/devices' });

    const row = await screen.findByTestId(`device-row-${spare.id}`);
    expect(row.getAttribute('data-state')).toBe('active');
    expect(row.textContent).toContain('test tablet');
    expect(row.textContent).toContain('使用中');
    expect(row.textContent).toContain(shown(spareListed.enrolledAt, 'zh-CN'));
    expect(row.textContent).toContain('从未'); // never pushed
    // The device in use is marked, and cannot revoke itself.
    const mine = screen.getByTestId(`device-row-${hall.fx.device.id}`);
    expect(mine.textContent).toContain('本机');
    expect(within(mine).queryByRole('button')).toBeNull();

    fireEvent.click(within(row).getByTestId(`device-revoke-${spare.id}`));
    expect(screen.getByTestId('revoke-confirm').textContent).toContain('停用“test tablet”？');
    fireEvent.click(screen.getByTestId('revoke-confirm-no'));
    expect(screen.queryByTestId('revoke-confirm')).toBeNull();
    expect(screen.getByTestId(`device-row-${spare.id}`).getAttribute('data-state')).toBe('active');
    const stillActive = await database.db.selectFrom('devices').select('revoked_at').where('id', '=', spare.id).executeTakeFirstOrThrow();
    expect(stillActive.revoked_at).toBeNull();

    fireEvent.click(screen.getByTestId(`device-revoke-${spare.id}`));
    fireEvent.click(screen.getByTestId('revoke-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId(`device-row-${spare.id}`).getAttribute('data-state')).toBe('revoked'));
    expect(screen.getByTestId('devices-notice').textContent).toBe('已停用“test tablet”。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('devices-notice').textContent).toBe('Revoked “test tablet”.');
    fireEvent.click(screen.getByTestId('lang-zh'));
    const revokedRow = screen.getByTestId(`device-row-${spare.id}`);
    expect(revokedRow.textContent).toContain(`${hall.manager.name} 于`);
    expect(within(revokedRow).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('lost-none').textContent).toBe('没有缺失记录的报告。');
  });

  it('shows what a revoked tablet could not send: how many, which numbers, what kinds, whose', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const lost = await enrolDevice(app, database, hall.fx.hall.id);
    const records = makeOutbox({ ...hall.fx, device: lost }, 4);
    expect((await push(app, lost.token, { entries: entries(records, 1, 1) })).statusCode).toBe(200);
    expect((await adminApi(app, hall.admin).revoke(lost.id)).statusCode).toBe(200);
    expect((await push(app, lost.token, { entries: entries(records, 2, 4), outbox: { pending: 3, lastSeq: 4 } })).statusCode).toBe(401);

    await manageUi(ctx(), { hall, path: '/manage/devices' });
    const missing = await screen.findByTestId('device-missing');
    expect(missing.textContent).toBe('已知缺失 3 条（收到至 1，最高见到 4）');
    const report = screen.getByTestId(`lost-row-${lost.id}`);
    expect(report.getAttribute('data-missing')).toBe('3');
    for (const text of ['test tablet', '已停用', '3 条', '序号 2–4', '推荐 2', '接待 1', '测试员甲', '（共 1 次）']) expect(report.textContent).toContain(text);

    fireEvent.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(screen.getByTestId('device-missing').textContent).toBe('Known missing: 3 (received up to 1, offered up to 4)'));
    expect(screen.getByTestId(`lost-row-${lost.id}`).textContent).toContain('seq 2–4');
    expect(screen.getByRole('heading', { level: 3, name: 'Records that never arrived' })).toBeTruthy();
  });

  it('signs a person out on every tablet after asking, and says how many sessions ended', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const consultant = hall.fx.consultantId;
    // Any request that needs the consultant's session: their own daily tally.
    const sessionAlive = async () => (await app.inject({ method: 'GET', url: `${API.reportDaily}?from=2026-03-01&to=2026-03-01`, headers: hall.consultant.headers })).statusCode;
    expect(await sessionAlive()).toBe(200);
    await manageUi(ctx(), { hall, path: '/manage/devices' });

    const row = await screen.findByTestId(`person-row-${consultant}`);
    expect(row.textContent).toContain('测试员甲');
    // The signed-in manager cannot sign themself out from here, nor an admin.
    expect(screen.queryByTestId(`person-row-${hall.manager.staffId}`)).toBeNull();
    expect(screen.queryByTestId(`person-row-${hall.admin.staffId}`)).toBeNull();
    fireEvent.click(within(row).getByTestId(`end-sessions-${consultant}`));
    expect(screen.getByTestId('end-sessions-confirm').textContent).toContain('让 测试员甲 在所有平板上退出登录？');
    fireEvent.click(screen.getByTestId('end-sessions-confirm-no'));
    expect(await sessionAlive()).toBe(200);

    fireEvent.click(screen.getByTestId(`end-sessions-${consultant}`));
    fireEvent.click(screen.getByTestId('end-sessions-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('people-notice').textContent).toBe('测试员甲 已在所有设备上退出（结束了 1 个登录）。'));
    expect(await sessionAlive()).toBe(401);
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('people-notice').textContent).toBe('测试员甲 is signed out everywhere (1 session ended).');
  });

  it('is in the manager pages’ navigation', async () => {
    await manageUi(ctx(), { path: '/manage' });
    const link = await screen.findByTestId('manage-nav-devices');
    expect(link.getAttribute('href')).toBe('/manage/devices');
    expect(link.textContent).toBe('设备');
  });
});
