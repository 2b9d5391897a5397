import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../../src/shared/apiPaths.ts';
import { readMeta } from '../../../../src/client/db/db.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

describe('manager pages gate', () => {
  const ctx = useApiApp('sqlite');

  it('opens for a manager signed in online, with the way back to the counter', async () => {
    await manageUi(ctx(), { who: 'manager' });
    expect(await screen.findByRole('heading', { level: 1, name: '活动与话术' })).toBeTruthy();
    expect(screen.queryByTestId('manage-gate')).toBeNull();
    expect(screen.getByTestId('manage-back-counter').getAttribute('href')).toBe('/');
    // The hall's published campaign (from the fixture) is listed.
    expect(await screen.findByText('测试活动')).toBeTruthy();
  });

  it('tells a consultant that only managers may manage campaigns', async () => {
    await manageUi(ctx(), { who: 'consultant' });
    const gate = await screen.findByTestId('manage-gate');
    expect(gate.getAttribute('data-reason')).toBe('not_manager');
    expect(gate.textContent).toContain('只有值班经理和管理员可以管理活动');
    expect(gate.textContent).toContain('营业员');
    expect(screen.getByTestId('manage-gate-back').getAttribute('href')).toBe('/');
    expect(screen.queryByTestId('manage-gate-sign-out')).toBeNull();
  });

  it('asks a manager signed in offline to sign in again while online', async () => {
    const { db } = await manageUi(ctx(), { who: 'manager', offline: true });
    const gate = await screen.findByTestId('manage-gate');
    expect(gate.getAttribute('data-reason')).toBe('offline_session');
    expect(gate.textContent).toContain('管理页面需要联网');
    expect(gate.textContent).toContain('请退出，并在联网时重新登录');
    fireEvent.click(screen.getByTestId('manage-gate-sign-out'));
    await waitFor(async () => expect(await readMeta(db, 'signedIn')).toBeUndefined());
    expect(location.pathname).toBe('/');
  });

  it('says the same when the server answers 401 session_expired', async () => {
    const { app } = ctx();
    const ui = await manageUi(ctx(), { who: 'manager', path: '/' });
    // The session ends on the server (signed out elsewhere) while this browser still holds it.
    const res = await app.inject({ method: 'DELETE', url: API.currentSession, headers: ui.person.headers });
    expect(res.statusCode).toBeLessThan(300);
    fireEvent.click(await screen.findByTestId('open-manage'));
    const gate = await screen.findByTestId('manage-gate');
    expect(gate.getAttribute('data-reason')).toBe('expired');
    expect(gate.textContent).toContain('请退出，并在联网时重新登录');
  });

  it('asks an unenrolled browser to enrol first (a desktop is enrolled like a tablet)', async () => {
    await manageUi(ctx(), { enrolled: false });
    const gate = await screen.findByTestId('manage-gate');
    expect(gate.getAttribute('data-reason')).toBe('not_enrolled');
    expect(gate.textContent).toContain('登记码');
  });

  it('shows no manager link at the counter to a consultant', async () => {
    await manageUi(ctx(), { who: 'consultant', path: '/' });
    await screen.findByTestId('signed-in-name');
    expect(screen.queryByTestId('open-manage')).toBeNull();
  });

  it('the counter link leads a manager to the manager pages, and back', async () => {
    await manageUi(ctx(), { who: 'manager', path: '/' });
    fireEvent.click(await screen.findByTestId('open-manage'));
    expect(await screen.findByTestId('manage-new')).toBeTruthy();
    expect(location.pathname).toBe('/manage');
    fireEvent.click(screen.getByTestId('manage-back-counter'));
    expect(await screen.findByTestId('signed-in-name')).toBeTruthy();
    expect(location.pathname).toBe('/');
  });
});
