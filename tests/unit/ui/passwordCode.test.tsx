import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { passwordLink } from '../../../src/shared/links.ts';
import { readMeta } from '../../../src/client/db/db.ts';
import { useApiApp } from '../../helpers/apiApp.ts';
import { seedManageHall } from '../../helpers/manageFixtures.ts';
import { manageUi, tabletUi } from '../../helpers/manageUi.tsx';
import { peopleApi, personOf } from '../../helpers/peopleFixtures.ts';
import { resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

const PASSWORD = 'qian-jingli-2026';

function fill(fields: Record<string, string>) {
  for (const [testId, value] of Object.entries(fields)) fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

describe('set-password screen', () => {
  const ctx = useApiApp('sqlite');

  async function newManager() {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const boss = personOf(await peopleApi(app, hall.manager).create({ hallId: hall.fx.hall.id, name: '钱经理', nameEn: 'Qian', role: 'manager' }), 201);
    return { hall, boss, code: boss.passwordCode!.code };
  }

  it('opened by its link on a browser not yet enrolled: sets the password, enrols the browser under the name given, then offers that person’s sign-in', async () => {
    const { hall, boss, code } = await newManager();
    const link = new URL(passwordLink('http://localhost', code));
    const { db } = tabletUi(ctx(), { path: link.pathname + link.hash });
    expect(((await screen.findByTestId('password-code')) as HTMLInputElement).value).toBe(code);
    expect(location.pathname + location.hash).toBe('/');

    fill({ 'password-new': 'too-short', 'password-repeat': 'too-short' });
    fireEvent.click(screen.getByTestId('password-code-submit'));
    expect(screen.getByTestId('password-check').textContent).toBe('密码至少需要 10 个字符。');
    fill({ 'password-new': PASSWORD, 'password-repeat': `${PASSWORD}x` });
    fireEvent.click(screen.getByTestId('password-code-submit'));
    expect(screen.getByTestId('password-check').textContent).toBe('两次输入的密码不一致。');
    fill({ 'password-repeat': PASSWORD, 'password-device-name': '经理办公室电脑' });
    fireEvent.click(screen.getByTestId('password-code-submit'));

    await waitFor(() => expect(screen.getByTestId('signin-heading').textContent).toBe('钱经理，请输入密码'));
    expect(screen.getByTestId('signin-password-set').textContent).toBe('密码已设置：请用新密码登录。');
    const enrolment = (await readMeta(db, 'enrolment'))!;
    expect(enrolment.hall.id).toBe(hall.fx.hall.id);
    const device = await ctx().database.db.selectFrom('devices').select('label').where('id', '=', enrolment.deviceId).executeTakeFirstOrThrow();
    expect(device.label).toBe('经理办公室电脑');

    fireEvent.input(screen.getByTestId('password-input'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByTestId('next-customer')).toBeTruthy();
    expect((await readMeta(db, 'signedIn'))?.staffId).toBe(boss.person.id);
  });

  it('on an enrolled tablet, reached from the sign-in screen: no device name asked, the same enrolment kept', async () => {
    const { hall, boss, code } = await newManager();
    const { db } = await manageUi(ctx(), { hall, signedIn: false, path: '/' });
    const before = (await readMeta(db, 'enrolment'))!;
    fireEvent.click(await screen.findByTestId('open-password-code'));
    expect(((await screen.findByTestId('password-code')) as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('password-device-name')).toBeNull();
    fill({ 'password-code': code, 'password-new': PASSWORD, 'password-repeat': PASSWORD });
    fireEvent.click(screen.getByTestId('password-code-submit'));
    await waitFor(() => expect(screen.getByTestId('signin-heading').textContent).toBe('钱经理，请输入密码'));
    expect((await readMeta(db, 'enrolment'))?.deviceId).toBe(before.deviceId);
    fireEvent.input(screen.getByTestId('password-input'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByTestId('next-customer')).toBeTruthy();
    expect((await readMeta(db, 'signedIn'))?.staffId).toBe(boss.person.id);
  });

  it('words a refused code by its reason in both languages, and goes back to where it was opened', async () => {
    tabletUi(ctx(), { path: '/' });
    fireEvent.click(await screen.findByTestId('open-password-code'));
    fill({ 'password-code': 'ZZZZZZZZZZZZ', 'password-new': PASSWORD, 'password-repeat': PASSWORD, 'password-device-name': 'PC' });
    fireEvent.click(screen.getByTestId('password-code-submit'));
    const error = await screen.findByTestId('password-code-error');
    expect(error.getAttribute('data-kind')).toBe('unknown_code');
    expect(error.textContent).toBe('这个码无效：请核对输入，或向厅经理要一个新码。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('password-code-error').textContent).toBe('This code is not known: check it was typed correctly, or ask the manager for a new one.');
    expect(screen.getByRole('heading', { level: 1, name: 'Set your password' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('password-code-back'));
    expect(await screen.findByTestId('enrol-code')).toBeTruthy();
  });
});
