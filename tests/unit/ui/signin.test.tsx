import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/client/api/http.ts';
import { readMeta } from '../../../src/client/db/db.ts';
import type { StaffMember } from '../../../src/shared/schemas/reference.ts';
import { useApiApp } from '../../helpers/apiApp.ts';
import { MANAGER_PASSWORD } from '../../helpers/manageFixtures.ts';
import { manageUi } from '../../helpers/manageUi.tsx';
import { fakeApi, fakeSync, id, makeDb, makeHall, keyOnTablet, makeStaff, renderApp, resetUiState, seed } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

async function kiosk(extra: (hallId: string) => StaffMember[] = () => []) {
  const db = makeDb();
  const hall = makeHall();
  const wang = makeStaff(hall.id, { name: '王芳' });
  const others = extra(hall.id);
  await seed(db, { hall, deviceId: id(), staff: [wang, ...others], campaigns: [] });
  // 王芳 signed in online on this tablet before; the API is unreachable now: signIn unwraps her key with the PIN.
  await keyOnTablet(db, wang.id, '2468');
  renderApp({ db, api: fakeApi(), sync: fakeSync() });
  return { db, hall, wang, others };
}

function typePin(pin: string) {
  fireEvent.click(screen.getByTestId('pin-clear'));
  for (const d of pin) fireEvent.click(screen.getByTestId(`pin-key-${d}`));
  fireEvent.click(screen.getByTestId('pin-submit'));
}

describe('sign-in (offline)', () => {
  it('shows tiles for the hall’s active staff, admins too (they reach the manager pages from the counter)', async () => {
    const { wang, others } = await kiosk((hallId) => [
      makeStaff(hallId, { name: '李强', role: 'floor_marketer' }),
      makeStaff(hallId, { name: '赵敏', role: 'manager' }),
      makeStaff(hallId, { name: '离职', active: false }),
      makeStaff(hallId, { name: '管理员', role: 'admin' }),
      makeStaff(id(), { name: '别的厅' }),
    ]);
    await screen.findByTestId(`staff-tile-${wang.id}`);
    const shown = screen.getAllByTestId(/^staff-tile-/).map((e) => e.getAttribute('data-testid'));
    expect(shown.sort()).toEqual([wang, others[0]!, others[1]!, others[3]!].map((s) => `staff-tile-${s.id}`).sort());
    expect(screen.getByText('人民路营业厅')).toBeTruthy();
  });

  it('signs in with the right PIN and opens the counter', async () => {
    const { db, wang } = await kiosk();
    fireEvent.click(await screen.findByTestId(`staff-tile-${wang.id}`));
    typePin('2468');
    expect(await screen.findByTestId('next-customer')).toBeTruthy();
    expect(await readMeta(db, 'signedIn')).toMatchObject({ staffId: wang.id, sessionToken: null, signingKey: { id: expect.any(String) } });
  });

  it('counts wrong PINs down and locks after five', async () => {
    const { db, wang } = await kiosk();
    fireEvent.click(await screen.findByTestId(`staff-tile-${wang.id}`));
    for (const left of [4, 3, 2, 1]) {
      typePin('1111');
      await waitFor(() => expect(screen.getByTestId('signin-error').textContent).toBe(`PIN 码错误，还可以再试 ${left} 次。`));
    }
    typePin('1111');
    await waitFor(() => expect(screen.getByTestId('signin-error').textContent).toMatch(/已锁定到 \d{2}:\d{2}/));
    // Even the right PIN is refused while locked.
    typePin('2468');
    await waitFor(() => expect(screen.getByTestId('signin-error').textContent).toMatch(/已锁定到/));
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });

  it('counts down in English as 2 attempts, then 1 attempt', async () => {
    const { wang } = await kiosk();
    fireEvent.click(await screen.findByTestId(`staff-tile-${wang.id}`));
    fireEvent.click(screen.getByTestId('lang-en'));
    for (const left of [4, 3, 2, 1]) {
      typePin('1111');
      const words = left === 1 ? 'Wrong PIN. 1 attempt left.' : `Wrong PIN. ${left} attempts left.`;
      await waitFor(() => expect(screen.getByTestId('signin-error').textContent).toBe(words));
    }
  });

  it('the failure message follows a language switch', async () => {
    const { wang } = await kiosk();
    fireEvent.click(await screen.findByTestId(`staff-tile-${wang.id}`));
    typePin('9999');
    await waitFor(() => expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('wrong_secret'));
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('signin-error').textContent).toBe('Wrong PIN. 4 attempts left.');
    expect(screen.getByText('王芳, enter your PIN')).toBeTruthy();
  });

  it('says the first sign-in on this tablet needs the network, in both languages, and counts no wrong PIN', async () => {
    const { db, others } = await kiosk((hallId) => [makeStaff(hallId, { name: '新人' })]);
    fireEvent.click(await screen.findByTestId(`staff-tile-${others[0]!.id}`));
    typePin('1234');
    await waitFor(() => expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('first_signin_needs_network'));
    expect(screen.getByTestId('signin-error').textContent).toBe('在此平板上第一次登录需要联网：请连接网络后再试。之后断网时也能在此平板上登录。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('signin-error').textContent).toBe(
      'Your first sign-in on this tablet needs the network: connect this tablet and try again. After that you can sign in here offline too.',
    );
    expect(await db.pinFailures.get(others[0]!.id)).toBeUndefined();
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });

  it('says so before the PIN is typed when the tablet is offline, and only for those with nothing kept here', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const { wang, others } = await kiosk((hallId) => [makeStaff(hallId, { name: '新人' })]);
      fireEvent.click(await screen.findByTestId(`staff-tile-${others[0]!.id}`));
      expect(await screen.findByText('在此平板上第一次登录需要联网：请连接网络后再试。之后断网时也能在此平板上登录。')).toBeTruthy();
      fireEvent.click(screen.getByTestId('pin-back'));
      fireEvent.click(await screen.findByTestId(`staff-tile-${wang.id}`));
      expect(await screen.findByText('当前离线：PIN 码在本机验证，仅限之前在此平板上联网登录过的人。')).toBeTruthy();
    } finally {
      delete (navigator as { onLine?: boolean }).onLine; // back to the prototype's getter
    }
  });

  it('the PIN pad keys are all there and submit needs four digits', async () => {
    const { wang } = await kiosk();
    fireEvent.click(await screen.findByTestId(`staff-tile-${wang.id}`));
    for (const d of '0123456789') expect(screen.getByTestId(`pin-key-${d}`)).toBeTruthy();
    for (const d of '123') fireEvent.click(screen.getByTestId(`pin-key-${d}`));
    expect((screen.getByTestId('pin-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('pin-key-4'));
    expect((screen.getByTestId('pin-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks a manager for a password of at least 10 characters instead of a PIN, and only online', async () => {
    // Even a key wrapped under the password (none is ever stored for a manager) is not used: the server alone checks passwords.
    const { db, others } = await kiosk((hallId) => [makeStaff(hallId, { name: '赵敏', role: 'manager' })]);
    const zhao = others[0]!;
    await keyOnTablet(db, zhao.id, 'zhao-min-2026');
    fireEvent.click(await screen.findByTestId(`staff-tile-${zhao.id}`));
    expect(screen.getByText('赵敏，请输入密码')).toBeTruthy();
    expect(screen.queryByTestId('pin-key-1')).toBeNull();
    const input = screen.getByTestId('password-input') as HTMLInputElement;
    const submit = screen.getByTestId('password-submit') as HTMLButtonElement;
    expect(input.type).toBe('password');
    fireEvent.input(input, { target: { value: 'zhao-min-' } });
    expect(submit.disabled).toBe(true);
    fireEvent.input(input, { target: { value: 'zhao-min-2026' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('online_only'));
    expect(screen.getByTestId('signin-error').textContent).toBe('厅经理和管理员只能在联网时登录：请连接网络后再试。');
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
    expect(await db.pinFailures.get(zhao.id)).toBeUndefined();
  });
});

describe('sign-in against a server that limits tries', () => {
  const ctx = useApiApp('sqlite', { rateLimits: { signIn: { max: 1, windowMs: 60_000 } } });

  it('says how long to wait, and does not count the refused try as a wrong PIN', async () => {
    const { db, hall } = await manageUi(ctx(), { signedIn: false, path: '/' });
    const consultant = hall.fx.consultantId;
    // Signing the fixtures in used this person's one try on this tablet.
    fireEvent.click(await screen.findByTestId(`staff-tile-${consultant}`));
    typePin('000000');
    await waitFor(() => expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('rate_limited'));
    expect(screen.getByTestId('signin-error').textContent).toMatch(/^短时间内尝试次数过多，请等待 (5\d|60) 秒后再试。$/);
    expect(await db.pinFailures.get(consultant)).toBeUndefined();
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });
});

describe('a sign-in the server ends on the way', () => {
  it('says, in both languages, that the person’s sign-ins were ended while signing in, and opens nothing', async () => {
    const db = makeDb();
    const hall = makeHall();
    const wang = makeStaff(hall.id, { name: '王芳' });
    await seed(db, { hall, deviceId: id(), staff: [wang], campaigns: [] });
    const refused = new ApiFailure(409, 'signed_out_everywhere', 'the sessions of this person were ended while signing in');
    renderApp({ db, api: fakeApi(() => Promise.reject(refused)), sync: fakeSync() });
    fireEvent.click(await screen.findByTestId(`staff-tile-${wang.id}`));
    typePin('2468');
    await waitFor(() => expect(screen.getByTestId('signin-error').getAttribute('data-reason')).toBe('signed_out_everywhere'));
    expect(screen.getByTestId('signin-error').textContent).toBe('登录过程中您的所有登录已被结束（厅经理让您退出或重置了 PIN 码）。请重新登录。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('signin-error').textContent).toBe(
      'Your sign-ins were ended while you were signing in (a manager signed you out or reset your PIN). Sign in again.',
    );
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });
});

describe('a manager signing in online', () => {
  const ctx = useApiApp('sqlite');

  it('is checked by the server: a wrong password counts down, the right one opens the counter', async () => {
    const { db, hall } = await manageUi(ctx(), { signedIn: false, path: '/' });
    const manager = hall.manager.staffId;
    // The tablet never received the manager's password hash.
    expect(await db.staff.get(manager)).not.toHaveProperty('pinVerifier');
    fireEvent.click(await screen.findByTestId(`staff-tile-${manager}`));
    fireEvent.input(screen.getByTestId('password-input'), { target: { value: 'not-the-password' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    await waitFor(() => expect(screen.getByTestId('signin-error').textContent).toBe('密码错误，还可以再试 4 次。'));
    expect((screen.getByTestId('password-input') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('signin-error').textContent).toBe('Wrong password. 4 attempts left.');

    fireEvent.input(screen.getByTestId('password-input'), { target: { value: MANAGER_PASSWORD } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByTestId('next-customer')).toBeTruthy();
    expect(await readMeta(db, 'signedIn')).toMatchObject({ staffId: manager, signingKey: { id: expect.any(String) } });
    // A password signs in online only: nothing is kept for an offline sign-in.
    expect(await db.signingKeys.get(manager)).toBeUndefined();
  });
});
