import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/apiPaths.ts';
import { ApiFailure, NetworkFailure } from '../../../src/client/api/http.ts';
import { readMeta } from '../../../src/client/db/db.ts';
import { fakeApi, fakeSync, id, makeDb, makeHall, renderApp, resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

async function enterCode(code: string) {
  fireEvent.input(await screen.findByTestId('enrol-code'), { target: { value: code } });
  fireEvent.click(screen.getByTestId('enrol-submit'));
}

describe('enrol screen', () => {
  it('shows the server message when the code is refused', async () => {
    const api = fakeApi(() => Promise.reject(new ApiFailure(400, 'invalid_code', '登记码无效或已过期,请向厅经理索取新码')));
    renderApp({ db: makeDb(), api, sync: fakeSync() });
    await enterCode('ABCDEF12');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '登记码无效或已过期,请向厅经理索取新码');
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
    const api = fakeApi((path, options) => {
      expect(path).toBe(API.enrol);
      expect(options.body).toMatchObject({ code: 'ABCDEF12' });
      return { deviceId, deviceToken: 'tok', hall };
    });
    const db = makeDb();
    const sync = fakeSync();
    renderApp({ db, api, sync });
    await enterCode('  ABCDEF12 ');
    await waitFor(() => expect(sync.syncNow).toHaveBeenCalledOnce());
    expect(await readMeta(db, 'enrolment')).toMatchObject({ deviceId, hall });
    expect(await screen.findByText('人民路营业厅')).toBeTruthy();
    expect(screen.queryByTestId('enrol-code')).toBeNull();
  });
});
