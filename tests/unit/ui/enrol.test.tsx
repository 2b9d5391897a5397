import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/apiPaths.ts';
import { ApiFailure, NetworkFailure, type RequestOptions } from '../../../src/client/api/http.ts';
import { readMeta } from '../../../src/client/db/db.ts';
import { fakeApi, fakeSync, id, makeDb, makeHall, renderApp, resetUiState, seed } from '../../helpers/uiFixtures.tsx';

beforeEach(() => {
  resetUiState();
  history.replaceState(null, '', '/');
});

async function enterCode(code: string, deviceName?: string) {
  fireEvent.input(await screen.findByTestId('enrol-code'), { target: { value: code } });
  if (deviceName !== undefined) fireEvent.input(screen.getByTestId('enrol-device-name'), { target: { value: deviceName } });
  fireEvent.click(screen.getByTestId('enrol-submit'));
}

describe('enrol screen', () => {
  it.each([
    [new ApiFailure(401, 'unknown_code', 'this enrolment code is not known'), 'unknown_code', '这个码无效：请核对输入，或向厅经理要一个新码。', 'This code is not known: check it was typed correctly, or ask the manager for a new one.'],
    [new ApiFailure(401, 'code_expired', 'this enrolment code has expired'), 'code_expired', '这个码已过期（有效期 24 小时）：请向厅经理要一个新码。', 'This code has expired (codes are valid for 24 hours): ask the manager for a new one.'],
    [new ApiFailure(409, 'code_used', 'already used by another device'), 'code_used', '这个码已经用过了，每个码只能用一次：请向厅经理要一个新码。', 'This code has already been used, and each code works only once: ask the manager for a new one.'],
    [new ApiFailure(429, 'rate_limited', 'too many requests', null, 60_000), 'rate_limited', '短时间内尝试次数过多：请等一分钟再试。', 'Too many tries in a short time: wait a minute, then try again.'],
    [new ApiFailure(400, 'invalid_request', 'code: enrolment code is too short'), 'other', '没有成功，请重试；如果仍然不行，请告诉厅经理。', 'That did not work. Try again; if it still fails, tell the manager.'],
  ])('words a refused code by its reason, never in the server’s English (%#)', async (failure, kind, zhText, enText) => {
    renderApp({ db: makeDb(), api: fakeApi(() => Promise.reject(failure)), sync: fakeSync() });
    await enterCode('ABCDEF12');
    const alert = await screen.findByTestId('enrol-error');
    expect(alert.getAttribute('data-kind')).toBe(kind);
    expect(alert.textContent).toBe(zhText);
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('enrol-error').textContent).toBe(enText);
    expect((screen.getByTestId('enrol-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('words any other refusal from its code and params, in both languages', async () => {
    const hallInactive = new ApiFailure(409, 'hall_inactive', 'the hall of this enrolment code has been deactivated', {
      error: 'hall_inactive',
      message: 'the hall of this enrolment code has been deactivated',
      params: { hall: '人民路营业厅' },
    });
    renderApp({ db: makeDb(), api: fakeApi(() => Promise.reject(hallInactive)), sync: fakeSync() });
    await enterCode('ABCDEF12');
    const alert = await screen.findByTestId('enrol-error');
    expect(alert.getAttribute('data-error')).toBe('hall_inactive');
    expect(alert.textContent).toBe('营业厅“人民路营业厅”已停用：系统管理员可以重新启用它，或请选择另一个营业厅。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('enrol-error').textContent).toBe('The hall 人民路营业厅 is deactivated: an admin can reactivate it, or choose another hall.');
  });

  it('says enrolment needs the network once when offline', async () => {
    const api = fakeApi(() => Promise.reject(new NetworkFailure('fetch failed')));
    renderApp({ db: makeDb(), api, sync: fakeSync() });
    await enterCode('ABCDEF12');
    expect((await screen.findByRole('alert')).textContent).toContain('登记需要联网一次');
  });

  it('stores the enrolment, syncs, and moves on to sign-in', async () => {
    const hall = makeHall();
    const deviceId = id();
    const bodies: unknown[] = [];
    const api = fakeApi((path, options) => {
      expect(path).toBe(API.enrol);
      bodies.push(options.body);
      return { deviceId, deviceToken: 'tok', hall };
    });
    const db = makeDb();
    const sync = fakeSync();
    renderApp({ db, api, sync });
    await enterCode('  ABCDEF12 ');
    await waitFor(() => expect(sync.syncNow).toHaveBeenCalledOnce());
    // No name typed: the device takes the one the manager gave the code.
    expect(bodies).toEqual([{ code: 'ABCDEF12' }]);
    expect(await readMeta(db, 'enrolment')).toMatchObject({ deviceId, hall });
    expect(await screen.findByText('人民路营业厅')).toBeTruthy();
    expect(screen.queryByTestId('enrol-code')).toBeNull();
  });

  it('sends the device name typed on the enrol screen', async () => {
    const bodies: unknown[] = [];
    const api = fakeApi((_path, options) => {
      bodies.push(options.body);
      return { deviceId: id(), deviceToken: 'tok', hall: makeHall() };
    });
    renderApp({ db: makeDb(), api, sync: fakeSync() });
    expect(await screen.findByText('设备名称（可不填）')).toBeTruthy();
    await enterCode('ABCDEF12', ' 柜台 3 ');
    await waitFor(() => expect(bodies).toEqual([{ code: 'ABCDEF12', label: '柜台 3' }]));
  });
});

describe('enrolment link', () => {
  it('enrols in one step with the code of the link, and takes the code out of the address and history', async () => {
    const hall = makeHall();
    const calls: { path: string; options: RequestOptions }[] = [];
    const api = fakeApi((path, options) => {
      calls.push({ path, options });
      return { deviceId: id(), deviceToken: 'tok', hall };
    });
    const db = makeDb();
    const sync = fakeSync();
    history.replaceState(null, '', '/enrol#code=K7P2M9QX');
    renderApp({ db, api, sync });
    await waitFor(() => expect(sync.syncNow).toHaveBeenCalledOnce());
    expect(calls).toEqual([{ path: API.enrol, options: expect.objectContaining({ body: { code: 'K7P2M9QX' } }) }]);
    expect(location.pathname).toBe('/');
    expect(location.hash).toBe('');
    expect(location.href).not.toContain('K7P2M9QX');
    expect(await screen.findByText('人民路营业厅')).toBeTruthy();
  });

  it('keeps the code of a link that failed in the field, worded, so it can be tried again', async () => {
    const api = fakeApi(() => Promise.reject(new ApiFailure(401, 'code_expired', 'expired')));
    history.replaceState(null, '', '/enrol#code=K7P2M9QX');
    renderApp({ db: makeDb(), api, sync: fakeSync() });
    expect((await screen.findByTestId('enrol-error')).getAttribute('data-kind')).toBe('code_expired');
    expect((screen.getByTestId('enrol-code') as HTMLInputElement).value).toBe('K7P2M9QX');
    expect(location.hash).toBe('');
  });

  it('does not use the code on a browser that is already enrolled, and says so in the person’s language', async () => {
    const db = makeDb();
    const hall = makeHall();
    await seed(db, { hall, deviceId: id(), staff: [], campaigns: [] });
    const api = fakeApi();
    history.replaceState(null, '', '/enrol#code=K7P2M9QX');
    renderApp({ db, api, sync: fakeSync() });
    expect(await screen.findByText('人民路营业厅')).toBeTruthy();
    expect(api.calls).toEqual([]);
    expect(location.pathname).toBe('/');
    expect(location.hash).toBe('');
    const notice = screen.getByTestId('already-enrolled');
    expect(notice.textContent).toContain('这台平板已登记在人民路营业厅，所以没有使用这个登记链接');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('already-enrolled').textContent).toContain('This tablet is already enrolled for');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('already-enrolled')).toBeNull();
  });

  it('shows no such notice when the app is opened without a link', async () => {
    const db = makeDb();
    await seed(db, { hall: makeHall(), deviceId: id(), staff: [], campaigns: [] });
    renderApp({ db, api: fakeApi(), sync: fakeSync() });
    expect(await screen.findByText('人民路营业厅')).toBeTruthy();
    expect(screen.queryByTestId('already-enrolled')).toBeNull();
  });
});
