import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../../src/shared/apiPaths.ts';
import { passwordLink } from '../../../../src/shared/links.ts';
import { PeopleListResponse } from '../../../../src/shared/schemas/people.ts';
import { readMeta, writeMeta } from '../../../../src/client/db/db.ts';
import { qrPath } from '../../../../src/client/manage/qrPath.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { CONSULTANT_PIN } from '../../../helpers/apiFixtures.ts';
import { seedManageHall } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { hallOf, peopleApi, personOf, uniqueStaffNo } from '../../../helpers/peopleFixtures.ts';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

const enabled = (testId: string) => {
  const button = screen.getByTestId(testId) as HTMLButtonElement;
  expect(button.disabled, testId).toBe(false);
  return button;
};

describe('people page', () => {
  const ctx = useApiApp('sqlite');

  const signInWith = (staffId: string, pin: string, deviceToken: string) =>
    ctx().app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${deviceToken}` }, payload: { staffId, pin } });

  it('lists the hall’s people with role, staff number and sign-in state, and is in the navigation', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const staffNo = uniqueStaffNo('P');
    await peopleApi(app, hall.manager).update(hall.fx.consultantId, { nameEn: 'Tester A', staffNo });
    await manageUi(ctx(), { hall, path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-nav-people'));
    const row = await screen.findByTestId(`staff-row-${hall.fx.consultantId}`);
    expect(row.textContent).toContain('测试员甲');
    expect(row.textContent).toContain('Tester A');
    expect(row.textContent).toContain(staffNo);
    expect(row.textContent).toContain('营业员');
    expect(within(row).getByTestId('staff-state').textContent).toBe('正常');
    // The name is the row's one button, the way into the person's panel.
    const open = within(row).getByRole('button');
    expect(open.getAttribute('data-testid')).toBe(`staff-open-${hall.fx.consultantId}`);
    expect(open.textContent).toContain('测试员甲');
    fireEvent.click(open);
    expect(screen.getByTestId(`person-panel-${hall.fx.consultantId}`)).toBeTruthy();
    expect(within(screen.getByTestId(`staff-row-${hall.fx.consultantId}`)).getByRole('button').textContent).toContain('Tester A');
    // The deactivated person is listed too, after the active ones.
    const rows = screen.getAllByTestId(/^staff-row-/);
    expect(rows.at(-1)!.getAttribute('data-active')).toBe('false');
    expect(within(rows.at(-1)!).getByTestId('staff-state').textContent).toBe('已停用');
    // A person with no password yet says so (the manager added without one).
    const boss = personOf(await peopleApi(app, hall.manager).create({ hallId: hall.fx.hall.id, name: '钱经理', role: 'manager' }), 201);
    fireEvent.click(screen.getByTestId('manage-nav-devices'));
    fireEvent.click(await screen.findByTestId('manage-nav-people'));
    expect(within(await screen.findByTestId(`staff-row-${boss.person.id}`)).getByTestId('staff-state').textContent).toBe('还没有密码');

    fireEvent.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(screen.getByTestId(`staff-row-${hall.fx.consultantId}`).textContent).toContain('Tester A'));
    expect(screen.getByRole('heading', { level: 1, name: 'People' })).toBeTruthy();
    expect(within(screen.getByTestId(`staff-row-${boss.person.id}`)).getByTestId('staff-state').textContent).toBe('No password yet');
  });

  it('adds a person and shows their one-time PIN once, large, with how to hand it over; the PIN must be changed at the first sign-in', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    await manageUi(ctx(), { hall, path: '/manage/people' });
    fireEvent.click(await screen.findByTestId('staff-add'));
    const form = screen.getByTestId('add-person-form');
    // The name is required, and said so in the page's language.
    fireEvent.click(enabled('add-person-submit'));
    expect(form.textContent).toContain('请填写姓名。');
    fireEvent.input(screen.getByTestId('add-person-name'), { target: { value: '周杰' } });
    fireEvent.input(screen.getByTestId('add-person-name-en'), { target: { value: 'Zhou Jie' } });
    fireEvent.input(screen.getByTestId('add-person-staff-no'), { target: { value: uniqueStaffNo('Z') } });
    expect([...(screen.getByTestId('add-person-role') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['consultant', 'floor_marketer', 'manager']);
    fireEvent.click(enabled('add-person-submit'));

    const pin = (await screen.findByTestId('one-time-pin')).textContent!;
    expect(pin).toMatch(/^\d{6}$/);
    const secret = screen.getByTestId('one-time-secret');
    expect(secret.textContent).toContain('请私下交给 周杰');
    expect(secret.textContent).toContain('只显示这一次');
    expect(screen.getByTestId('staff-notice').textContent).toBe('已添加 周杰。');
    const listed = PeopleListResponse.parse((await peopleApi(app, hall.manager).people(`?hallId=${hall.fx.hall.id}`)).json());
    const zhou = listed.people.find((p) => p.name === '周杰')!;
    expect(zhou).toMatchObject({ nameEn: 'Zhou Jie', role: 'consultant', mustChangePin: true });
    const row = await screen.findByTestId(`staff-row-${zhou.id}`);
    expect(within(row).getByTestId('staff-state').textContent).toBe('下次登录时设置自己的 PIN 码');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('one-time-secret').textContent).toContain('Give it to Zhou Jie privately');
    // The notice is worded again in the new language, the person by their English name.
    expect(screen.getByTestId('staff-notice').textContent).toBe('Added Zhou Jie.');

    // Closed, it is gone for good: nothing on the page shows it again.
    fireEvent.click(enabled('one-time-done'));
    expect(screen.queryByTestId('one-time-secret')).toBeNull();
    expect(document.body.textContent).not.toContain(pin);

    // The PIN opens one sign-in, which must choose a new PIN.
    const first = await signInWith(zhou.id, pin, hall.fx.device.token);
    expect(first.statusCode).toBe(409);
    expect(first.json()).toMatchObject({ error: 'pin_change_required' });
  });

  it('resets a PIN after asking, and gives a manager a set-password code with its link and QR code', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const boss = personOf(await peopleApi(app, hall.manager).create({ hallId: hall.fx.hall.id, name: '钱经理', role: 'manager' }), 201);
    await manageUi(ctx(), { hall, path: '/manage/people' });

    fireEvent.click(await screen.findByTestId(`staff-open-${hall.fx.consultantId}`));
    const panel = screen.getByTestId(`person-panel-${hall.fx.consultantId}`);
    expect(enabled('person-secret').textContent).toBe('重设 PIN 码');
    fireEvent.click(screen.getByTestId('person-secret'));
    expect(screen.getByTestId('person-secret-confirm').textContent).toContain('现在的 PIN 码立即失效');
    fireEvent.click(screen.getByTestId('person-secret-confirm-no'));
    expect((await signInWith(hall.fx.consultantId, CONSULTANT_PIN, hall.fx.device.token)).statusCode).toBe(200);
    fireEvent.click(within(panel).getByTestId('person-secret'));
    fireEvent.click(screen.getByTestId('person-secret-confirm-yes'));
    const pin = (await screen.findByTestId('one-time-pin')).textContent!;
    expect(pin).not.toBe(CONSULTANT_PIN);
    expect((await signInWith(hall.fx.consultantId, CONSULTANT_PIN, hall.fx.device.token)).statusCode).toBe(401);
    fireEvent.click(screen.getByTestId('one-time-done'));

    fireEvent.click(screen.getByTestId(`staff-open-${boss.person.id}`));
    expect(enabled('person-secret').textContent).toBe('发放设置密码码');
    // Nothing to replace yet: issued at once.
    fireEvent.click(screen.getByTestId('person-secret'));
    const code = (await screen.findByTestId('one-time-code')).textContent!;
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    const link = passwordLink(location.origin, code);
    expect(screen.getByTestId('one-time-code-link').getAttribute('href')).toBe(link);
    const qr = screen.getByTestId('one-time-code-qr');
    expect(qr.querySelector('path')!.getAttribute('d')).toBe(qrPath(link).d);
    expect(qr.getAttribute('style')).toBeNull();
    expect(screen.getByTestId('one-time-secret').textContent).toContain('至少 10 个字符');
    // The code sets the password.
    const redeemed = await app.inject({ method: 'POST', url: API.passwordCodeRedeem, payload: { code, password: 'qian-jingli-2026' } });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
  });

  it('corrects a person’s details, and words a refusal in the page’s language', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const taken = uniqueStaffNo('T');
    await peopleApi(app, hall.manager).update(hall.fx.marketerId, { staffNo: taken });
    await manageUi(ctx(), { hall, path: '/manage/people' });
    fireEvent.click(await screen.findByTestId(`staff-open-${hall.fx.consultantId}`));
    fireEvent.click(enabled('person-edit'));
    expect((screen.getByTestId('edit-person-name') as HTMLInputElement).value).toBe('测试员甲');
    fireEvent.input(screen.getByTestId('edit-person-staff-no'), { target: { value: taken } });
    fireEvent.click(enabled('edit-person-submit'));
    const problem = await screen.findByTestId('person-problem');
    expect(problem.textContent).toBe('这个工号已经属于别人：请核对工号，或在名单里找到那个人。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('person-problem').textContent).toBe('This staff number belongs to someone else already: check the number, or find that person in the list.');

    const mine = uniqueStaffNo('M');
    fireEvent.input(screen.getByTestId('edit-person-staff-no'), { target: { value: mine } });
    fireEvent.input(screen.getByTestId('edit-person-name-en'), { target: { value: 'Tester A' } });
    fireEvent.click(screen.getByTestId('edit-person-submit'));
    // Named as the page names people: in English by the English name just given.
    await waitFor(() => expect(screen.getByTestId('staff-notice').textContent).toBe('Saved Tester A.'));
    const row = screen.getByTestId(`staff-row-${hall.fx.consultantId}`);
    await waitFor(() => expect(row.textContent).toContain(mine));
    expect(row.textContent).toContain('Tester A');
    fireEvent.click(screen.getByTestId('lang-zh'));
    expect(screen.getByTestId('staff-notice').textContent).toBe('已保存 测试员甲 的信息。');
  });

  it('deactivates after asking and reactivates; a signed-in manager cannot act on themself', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    await manageUi(ctx(), { hall, path: '/manage/people' });
    fireEvent.click(await screen.findByTestId(`staff-open-${hall.manager.staffId}`));
    expect(screen.getByTestId(`person-panel-${hall.manager.staffId}`).textContent).toContain('这是您自己的账号');
    expect(screen.queryByTestId('person-deactivate')).toBeNull();

    fireEvent.click(screen.getByTestId(`staff-open-${hall.fx.consultantId}`));
    fireEvent.click(enabled('person-deactivate'));
    expect(screen.getByTestId('person-deactivate-confirm').textContent).toContain('停用 测试员甲？');
    fireEvent.click(screen.getByTestId('person-deactivate-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId(`staff-row-${hall.fx.consultantId}`).getAttribute('data-active')).toBe('false'));
    expect(screen.getByTestId('staff-notice').textContent).toBe('测试员甲 已停用。');
    expect((await signInWith(hall.fx.consultantId, CONSULTANT_PIN, hall.fx.device.token)).statusCode).toBe(403);

    fireEvent.click(enabled('person-reactivate'));
    await waitFor(() => expect(screen.getByTestId(`staff-row-${hall.fx.consultantId}`).getAttribute('data-active')).toBe('true'));
    expect(screen.getByTestId('staff-notice').textContent).toBe('测试员甲 已重新启用。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('staff-notice').textContent).toBe('测试员甲 is active again.');
  });

  it('shows a locked person until when, and unlocks them at once', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    for (let i = 0; i < 5; i++) await signInWith(hall.fx.consultantId, '000000', hall.fx.device.token);
    expect((await signInWith(hall.fx.consultantId, CONSULTANT_PIN, hall.fx.device.token)).statusCode).toBe(423);
    await manageUi(ctx(), { hall, path: '/manage/people' });
    const state = within(await screen.findByTestId(`staff-row-${hall.fx.consultantId}`)).getByTestId('staff-state');
    expect(state.getAttribute('data-states')).toBe('locked');
    expect(state.textContent).toMatch(/^锁定到 .*\d{2}:\d{2}$/);
    fireEvent.click(screen.getByTestId(`staff-open-${hall.fx.consultantId}`));
    fireEvent.click(enabled('person-unlock'));
    await waitFor(() => expect(screen.getByTestId('staff-notice').textContent).toBe('测试员甲 已解锁，现在可以登录。'));
    await waitFor(() => expect(within(screen.getByTestId(`staff-row-${hall.fx.consultantId}`)).getByTestId('staff-state').textContent).toBe('正常'));
    expect((await signInWith(hall.fx.consultantId, CONSULTANT_PIN, hall.fx.device.token)).statusCode).toBe(200);
  });

  it('lets an admin pick the hall and move a person to another one', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const admin = peopleApi(app, hall.admin);
    const other = hallOf(await admin.createHall({ name: { zh: '东门营业厅', en: 'East Gate Hall' }, timeZone: 'Asia/Shanghai' }), 201);
    await manageUi(ctx(), { hall, who: 'admin', path: '/manage/people' });
    const picker = (await screen.findByTestId('staff-hall')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toContain(other.id);
    // An admin may make an admin.
    fireEvent.click(screen.getByTestId('staff-add'));
    expect([...(screen.getByTestId('add-person-role') as HTMLSelectElement).options].map((o) => o.value)).toContain('admin');
    fireEvent.click(screen.getByTestId('add-person-cancel'));

    fireEvent.click(await screen.findByTestId(`staff-open-${hall.fx.marketerId}`));
    const move = screen.getByTestId('person-move-hall') as HTMLSelectElement;
    // Other test halls share this database: the person's own hall is never offered.
    const targets = [...move.options].map((o) => o.value);
    expect(targets[0]).toBe('');
    expect(targets).toContain(other.id);
    expect(targets).not.toContain(hall.fx.hall.id);
    expect((screen.getByTestId('person-move') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(move, { target: { value: other.id } });
    fireEvent.click(enabled('person-move'));
    await waitFor(() => expect(screen.getByTestId('staff-notice').textContent).toBe('测试员乙 已调到东门营业厅。'));
    await waitFor(() => expect(screen.queryByTestId(`staff-row-${hall.fx.marketerId}`)).toBeNull());
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('staff-notice').textContent).toBe('测试员乙 moved to East Gate Hall.');
    fireEvent.click(screen.getByTestId('lang-zh'));

    fireEvent.change(picker, { target: { value: other.id } });
    expect(await screen.findByTestId(`staff-row-${hall.fx.marketerId}`)).toBeTruthy();
  });

  it('shows a manager no hall picker and no move', async () => {
    await manageUi(ctx(), { path: '/manage/people' });
    await screen.findByTestId('staff-table');
    expect(screen.queryByTestId('staff-hall')).toBeNull();
    fireEvent.click(screen.getAllByTestId(/^staff-open-/)[0]!);
    expect(screen.queryByTestId('person-move-hall')).toBeNull();
  });

  it('marks a demo hall in the header while the pull says so', async () => {
    const { db } = await manageUi(ctx(), { path: '/manage/people' });
    await screen.findByTestId('staff-table');
    expect(screen.queryByTestId('demo-mark')).toBeNull();
    const enrolment = (await readMeta(db, 'enrolment'))!;
    await writeMeta(db, 'enrolment', { ...enrolment, demo: true });
    expect((await screen.findByTestId('demo-mark')).textContent).toBe('演示');
  });
});
