import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../../src/shared/apiPaths.ts';
import { enrolLink } from '../../../../src/shared/links.ts';
import { EnrolmentCodeListResponse, EnrolmentCodeResponse } from '../../../../src/shared/schemas/people.ts';
import { readMeta } from '../../../../src/client/db/db.ts';
import { qrPath } from '../../../../src/client/manage/qrPath.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { adminApi } from '../../../helpers/deviceFixtures.ts';
import { seedManageHall } from '../../../helpers/manageFixtures.ts';
import { manageUi, tabletUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

describe('enrolling a new device from the devices page', () => {
  const ctx = useApiApp('sqlite');

  const enrolWith = (code: string) => ctx().app.inject({ method: 'POST', url: API.enrol, payload: { code } });

  it('issues a named code shown once as text and as a QR code of the enrolment link; the tablet that uses it carries the name', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    await manageUi(ctx(), { hall, path: '/manage/devices' });
    expect((await screen.findByTestId('codes-none')).textContent).toBe('没有尚未使用的登记码。');
    fireEvent.click(screen.getByTestId('code-issue'));
    expect(screen.getByTestId('enrolment-codes').textContent).toContain('请给设备起个名字。');
    fireEvent.input(screen.getByTestId('code-device-name'), { target: { value: '柜台 3' } });
    fireEvent.click(screen.getByTestId('code-issue'));

    const shown = await screen.findByTestId('issued-code');
    const code = within(shown).getByTestId('issued-code-value').textContent!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const link = enrolLink(location.origin, code);
    expect(within(shown).getByTestId('issued-code-link').getAttribute('href')).toBe(link);
    // This browser offers no clipboard (as a page on plain HTTP): no copy button, the link is there to press.
    expect(within(shown).queryByTestId('issued-code-link-copy')).toBeNull();
    const qr = within(shown).getByTestId('issued-code-qr');
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelector('path')!.getAttribute('d')).toBe(qrPath(link).d);
    expect(qr.outerHTML).not.toContain('style');
    expect(shown.textContent).toContain('“柜台 3”的登记码');
    expect(within(shown).getByTestId('issued-code-expires').textContent).toMatch(/^有效期至 /);

    // Listed as pending, by whom; the code itself never again.
    const listed = EnrolmentCodeListResponse.parse((await adminApi(app, hall.manager).codes()).json()).codes;
    const pending = listed.find((c) => c.deviceName === '柜台 3')!;
    const row = await screen.findByTestId(`code-row-${pending.id}`);
    expect(row.textContent).toContain(hall.manager.name);
    expect(row.textContent).not.toContain(code);

    const enrolled = await enrolWith(code);
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const deviceId = (enrolled.json() as { deviceId: string }).deviceId;
    fireEvent.click(screen.getByTestId('issued-code-done'));
    expect(screen.queryByTestId('issued-code')).toBeNull();
    expect((await screen.findByTestId(`device-row-${deviceId}`)).textContent).toContain('柜台 3');
    await waitFor(() => expect(screen.queryByTestId(`code-row-${pending.id}`)).toBeNull());

    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByRole('heading', { level: 2, name: 'Enrol a new device' })).toBeTruthy();
  });

  it('copies the link with a button where the browser has a clipboard, and says so (or how to copy by hand) in the page’s language', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const copied: string[] = [];
    let allowed = true;
    const clipboard = { writeText: (text: string) => (allowed ? Promise.resolve(void copied.push(text)) : Promise.reject(new DOMException('denied', 'NotAllowedError'))) };
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    try {
      await manageUi(ctx(), { hall, path: '/manage/devices' });
      fireEvent.input(await screen.findByTestId('code-device-name'), { target: { value: '柜台 6' } });
      fireEvent.click(screen.getByTestId('code-issue'));
      const link = (await screen.findByTestId('issued-code-link')).getAttribute('href')!;
      expect(screen.queryByTestId('issued-code-link-copied')).toBeNull();
      fireEvent.click(screen.getByTestId('issued-code-link-copy'));
      await waitFor(() => expect(screen.getByTestId('issued-code-link-copied').textContent).toBe('链接已复制。'));
      expect(copied).toEqual([link]);
      fireEvent.click(screen.getByTestId('lang-en'));
      expect(screen.getByTestId('issued-code-link-copied').textContent).toBe('Link copied.');
      expect(screen.getByTestId('issued-code-link-copy').textContent).toBe('Copy link');

      allowed = false;
      fireEvent.click(screen.getByTestId('issued-code-link-copy'));
      await waitFor(() => expect(screen.getByTestId('issued-code-link-copied').getAttribute('data-kind')).toBe('failed'));
      expect(screen.getByTestId('issued-code-link-copied').textContent).toBe('Could not copy: press and hold the link and choose “Copy”.');
      expect(copied).toEqual([link]);
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('cancels a pending code, which then enrols nothing', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const issued = EnrolmentCodeResponse.parse((await adminApi(app, hall.manager).issueCode({ deviceName: '咨询台' })).json()).code;
    await manageUi(ctx(), { hall, path: '/manage/devices' });
    const row = await screen.findByTestId(`code-row-${issued.id}`);
    expect(row.textContent).toContain('咨询台');
    fireEvent.click(within(row).getByTestId(`code-cancel-${issued.id}`));
    await waitFor(() => expect(screen.queryByTestId(`code-row-${issued.id}`)).toBeNull());
    expect(screen.getByTestId('codes-notice').textContent).toBe('“咨询台”的登记码已作废。');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('codes-notice').textContent).toBe('The code for “咨询台” is cancelled.');
    const refused = await enrolWith(issued.code);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'unknown_code' });
  });

  it('a tablet that opens the link enrols in one step under the code’s name, and the code leaves the address', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const issued = EnrolmentCodeResponse.parse((await adminApi(app, hall.manager).issueCode({ deviceName: '柜台 5' })).json()).code;
    const link = new URL(enrolLink('http://localhost', issued.code));
    const { db, services } = tabletUi(ctx(), { path: link.pathname + link.hash });
    // Enrolled, pulled, and on the sign-in screen with the hall's people.
    expect(await screen.findByTestId(`staff-tile-${hall.fx.consultantId}`)).toBeTruthy();
    expect(services.sync.syncNow).toHaveBeenCalled();
    expect(location.pathname + location.hash).toBe('/');
    const enrolment = (await readMeta(db, 'enrolment'))!;
    expect(enrolment.hall.id).toBe(hall.fx.hall.id);
    const device = await database.db.selectFrom('devices').select('label').where('id', '=', enrolment.deviceId).executeTakeFirstOrThrow();
    expect(device.label).toBe('柜台 5');
  });
});
