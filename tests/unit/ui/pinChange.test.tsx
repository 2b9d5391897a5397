import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/apiPaths.ts';
import { readMeta } from '../../../src/client/db/db.ts';
import { useApiApp } from '../../helpers/apiApp.ts';
import { CONSULTANT_PIN } from '../../helpers/apiFixtures.ts';
import { seedManageHall } from '../../helpers/manageFixtures.ts';
import { manageUi } from '../../helpers/manageUi.tsx';
import { peopleApi, personOf } from '../../helpers/peopleFixtures.ts';
import { fakeApi, fakeSync, id, makeDb, makeHall, keyOnTablet, makeStaff, renderApp, resetUiState, seed } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

function typePin(pin: string) {
  fireEvent.click(screen.getByTestId('pin-clear'));
  for (const d of pin) fireEvent.click(screen.getByTestId(`pin-key-${d}`));
  fireEvent.click(screen.getByTestId('pin-submit'));
}

const heading = () => screen.getByTestId('signin-heading').textContent;

describe('a PIN set by a manager', () => {
  const ctx = useApiApp('sqlite');

  it('is replaced at the first sign-in: the new PIN typed twice on the same pad, checked before it is sent', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const { pin } = personOf(await peopleApi(app, hall.manager).resetPin(hall.fx.consultantId));
    const { db, services } = await manageUi(ctx(), { hall, signedIn: false, path: '/' });
    // The tablet holds nothing a PIN the manager has seen would open.
    expect(await db.staff.get(hall.fx.consultantId)).toMatchObject({ mustChangePin: true });
    expect(await db.signingKeys.get(hall.fx.consultantId)).toBeUndefined();

    fireEvent.click(await screen.findByTestId(`staff-tile-${hall.fx.consultantId}`));
    typePin(pin!);
    await waitFor(() => expect(heading()).toBe('测试员甲，请设置您自己的 PIN 码'));
    expect(screen.getByTestId('signin-new-pin').textContent).toBe('现在的 PIN 码是厅经理设置的。请另选一个只有您知道的 4–8 位数字。');
    expect(screen.queryByTestId('signin-error')).toBeNull();

    typePin('123456');
    expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('pin_too_simple');
    expect(screen.getByTestId('signin-error').textContent).toBe('这个 PIN 码太容易被猜到（例如 123456、000000）：请换一个。');
    typePin(pin!);
    expect(screen.getByTestId('signin-error').textContent).toBe('新的 PIN 码不能与厅经理设置的相同：请换一个。');
    typePin('482915');
    expect(heading()).toBe('测试员甲，请再输入一次新的 PIN 码');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(heading()).toBe('测试员甲, type the new PIN again');
    typePin('482916');
    expect(screen.getByTestId('signin-error').textContent).toBe('The two PINs differ. Choose the new PIN again.');
    expect(heading()).toBe('测试员甲, choose your own PIN');

    typePin('482915');
    typePin('482915');
    expect(await screen.findByTestId('next-customer')).toBeTruthy();
    expect((await readMeta(db, 'signedIn'))?.sessionToken).toEqual(expect.any(String));
    expect(services.sync.syncNow).toHaveBeenCalled();
    // Kept for offline sign-in under the new PIN, not the manager's.
    expect(await db.signingKeys.get(hall.fx.consultantId)).toMatchObject({ staffId: hall.fx.consultantId });
    const signIn = (p: string) =>
      app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${hall.fx.device.token}` }, payload: { staffId: hall.fx.consultantId, pin: p } });
    expect((await signIn('482915')).statusCode).toBe(200);
    expect((await signIn(pin!)).statusCode).toBe(401);
  });

  it('cannot be used offline: the first sign-in needs the network', async () => {
    const db = makeDb();
    const hall = makeHall();
    const newcomer = makeStaff(hall.id, { name: '新人', mustChangePin: true });
    await seed(db, { hall, deviceId: id(), staff: [newcomer], campaigns: [] });
    await keyOnTablet(db, newcomer.id, '482915');
    renderApp({ db, api: fakeApi(), sync: fakeSync() });
    fireEvent.click(await screen.findByTestId(`staff-tile-${newcomer.id}`));
    typePin('482915');
    await waitFor(() => expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('first_signin_online'));
    expect(screen.getByTestId('signin-error').textContent).toBe('第一次登录需要联网：登录时要设置您自己的 PIN 码。请连接网络后再试。');
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });
});

describe('the lock, online', () => {
  const ctx = useApiApp('sqlite');

  it('is the server’s: its count of wrong PINs, a message to ask the manager, and the manager’s unlock works at once', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const { db } = await manageUi(ctx(), { hall, signedIn: false, path: '/' });
    fireEvent.click(await screen.findByTestId(`staff-tile-${hall.fx.consultantId}`));
    for (const left of [4, 3, 2, 1]) {
      typePin('000000');
      await waitFor(() => expect(screen.getByTestId('signin-error').textContent).toBe(`PIN 码错误，还可以再试 ${left} 次。`));
    }
    typePin('000000');
    await waitFor(() => expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('locked'));
    expect(screen.getByTestId('signin-error').textContent).toMatch(/^尝试次数过多，已锁定到 \d{2}:\d{2}。请厅经理为您解锁，或到时再试。$/);
    // The tablet keeps no count of its own while the server answers.
    expect(await db.pinFailures.count()).toBe(0);

    personOf(await peopleApi(app, hall.manager).unlock(hall.fx.consultantId));
    typePin(CONSULTANT_PIN);
    expect(await screen.findByTestId('next-customer')).toBeTruthy();
  });
});
