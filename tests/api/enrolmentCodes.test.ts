import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { localDate } from '../../src/shared/localDate.ts';
import { ApiError, EnrolResponse } from '../../src/shared/schemas/auth.ts';
import { DeviceListResponse, LostRecordsResponse } from '../../src/shared/schemas/devices.ts';
import { EnrolmentCodeListResponse, EnrolmentCodeResponse } from '../../src/shared/schemas/people.ts';
import { VisitDetailResponse } from '../../src/shared/schemas/reports.ts';
import type { Database } from '../../src/server/db/database.ts';
import { ENROLMENT_CODE_TTL_MS, issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { entries, makeOutbox, push } from '../helpers/apiFixtures.ts';
import { accessAudit, adminApi } from '../helpers/deviceFixtures.ts';
import { seedManageHall } from '../helpers/manageFixtures.ts';

/**
 * Enrolment codes from the devices page: a manager issues a named, single-use code for their hall
 * (an admin for a hall they name), sees the pending ones and cancels one; the tablet that uses it
 * carries its name in every device list, lost-records report and visit detail.
 */

const codeRows = (database: Database, hallId: string) =>
  database.db.selectFrom('enrolment_codes').selectAll().where('hall_id', '=', hallId).execute();

forEachEngine((engine) => {
  const ctx = useApiApp(engine);
  const enrol = (code: string, label?: string) =>
    ctx().app.inject({ method: 'POST', url: API.enrol, payload: label === undefined ? { code } : { code, label } });

  describe('enrolment codes from the devices page', () => {
    it('a manager issues a named code for their hall, shown once; it enrols one tablet under that name', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = adminApi(app, h.manager);

      const res = await api.issueCode({ deviceName: ' 柜台 3 ' });
      expect(res.statusCode, res.body).toBe(201);
      const { code: issued } = EnrolmentCodeResponse.parse(res.json());
      expect(issued).toMatchObject({ hallId: h.fx.hall.id, deviceName: '柜台 3', createdBy: { id: h.manager.staffId, name: h.manager.name } });
      expect(issued.code).toMatch(/^[A-Z2-9]{8}$/);
      expect(Date.parse(issued.expiresAt) - Date.parse(issued.createdAt)).toBe(ENROLMENT_CODE_TTL_MS);

      const listed = EnrolmentCodeListResponse.parse((await api.codes()).json());
      expect(listed.halls.map((x) => x.id)).toEqual([h.fx.hall.id]);
      const pending = listed.codes.find((c) => c.id === issued.id);
      expect(pending).toEqual({ id: issued.id, hallId: h.fx.hall.id, deviceName: '柜台 3', createdAt: issued.createdAt, expiresAt: issued.expiresAt, createdBy: { id: h.manager.staffId, name: h.manager.name } });
      // The list never carries the code itself.
      expect((await api.codes()).body).not.toContain(issued.code);

      const enrolled = await enrol(issued.code);
      expect(enrolled.statusCode, enrolled.body).toBe(200);
      const device = EnrolResponse.parse(enrolled.json());
      const devices = DeviceListResponse.parse((await api.devices()).json()).devices;
      expect(devices.find((d) => d.id === device.deviceId)?.label).toBe('柜台 3');
      expect(EnrolmentCodeListResponse.parse((await api.codes()).json()).codes.map((c) => c.id)).not.toContain(issued.id);
      expect(ApiError.parse((await enrol(issued.code)).json()).error).toBe('code_used');

      // Stored only hashed; audited with the device name, never the code.
      const rows = await codeRows(database, h.fx.hall.id);
      expect(JSON.stringify(rows)).not.toContain(issued.code);
      const audit = await accessAudit(database, issued.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'issue_enrolment_code', actor_id: h.manager.staffId, actor_role: 'manager', hall_id: h.fx.hall.id });
      expect(JSON.parse(audit[0]!.details ?? '{}')).toMatchObject({ deviceName: '柜台 3', expiresAt: issued.expiresAt });
      expect(JSON.stringify(audit)).not.toContain(issued.code);
    });

    it('the name the tablet gives itself wins over the code’s; a code issued on the server leaves it unnamed', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = adminApi(app, h.manager);
      const named = EnrolmentCodeResponse.parse((await api.issueCode({ deviceName: '咨询台' })).json()).code;
      const own = EnrolResponse.parse((await enrol(named.code, '大堂平板')).json());
      const blank = EnrolmentCodeResponse.parse((await api.issueCode({ deviceName: '柜台 1' })).json()).code;
      const fromCode = EnrolResponse.parse((await enrol(blank.code, '  ')).json());
      const serverCode = await issueEnrolmentCode(database.db, { hallId: h.fx.hall.id });
      const unnamed = EnrolResponse.parse((await enrol(serverCode.code)).json());
      const labels = new Map(DeviceListResponse.parse((await api.devices()).json()).devices.map((d) => [d.id, d.label]));
      expect(labels.get(own.deviceId)).toBe('大堂平板');
      expect(labels.get(fromCode.deviceId)).toBe('柜台 1');
      expect(labels.get(unnamed.deviceId)).toBeNull();
    });

    it('a cancelled code is refused exactly like an unknown one; only a pending code can be cancelled', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = adminApi(app, h.manager);
      const issued = EnrolmentCodeResponse.parse((await api.issueCode({ deviceName: '柜台 5' })).json()).code;
      const cancelled = await api.cancelCode(issued.id);
      expect(cancelled.statusCode, cancelled.body).toBe(204);
      expect(EnrolmentCodeListResponse.parse((await api.codes()).json()).codes.map((c) => c.id)).not.toContain(issued.id);

      const refused = await enrol(issued.code);
      const unknown = await enrol('ZZZZZZZZ');
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toEqual(unknown.json());
      expect(ApiError.parse(refused.json()).error).toBe('unknown_code');
      const devices = await database.db.selectFrom('devices').select('id').where('hall_id', '=', h.fx.hall.id).execute();
      expect(devices).toHaveLength(1); // the fixture's own tablet

      const audit = await accessAudit(database, issued.id);
      expect(audit.map((a) => a.action).sort()).toEqual(['cancel_enrolment_code', 'issue_enrolment_code']);
      expect(audit.find((a) => a.action === 'cancel_enrolment_code')).toMatchObject({ actor_id: h.manager.staffId, hall_id: h.fx.hall.id });
      expect(JSON.stringify(audit)).not.toContain(issued.code);

      // Cancelled already, used, expired, never issued: 404, nothing written.
      const used = EnrolmentCodeResponse.parse((await api.issueCode({ deviceName: '柜台 6' })).json()).code;
      expect((await enrol(used.code)).statusCode).toBe(200);
      const expired = await issueEnrolmentCode(database.db, { hallId: h.fx.hall.id, deviceName: '旧码', ttlMs: -1000 });
      expect(EnrolmentCodeListResponse.parse((await api.codes()).json()).codes.map((c) => c.id)).not.toContain(expired.id);
      const before = await codeRows(database, h.fx.hall.id);
      for (const id of [issued.id, used.id, expired.id, uuidv7()]) {
        const res = await api.cancelCode(id);
        expect(res.statusCode, id).toBe(404);
        expect(ApiError.parse(res.json()).error).toBe('not_found');
      }
      expect(await codeRows(database, h.fx.hall.id)).toEqual(before);
      expect((await api.cancelCode('not-a-uuid')).statusCode).toBe(400);
    });

    it('a manager acts on their own hall only; an admin names the hall a code is for', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      const manager = adminApi(app, a.manager);
      const admin = adminApi(app, a.admin);
      const codesOfB = await codeRows(database, b.fx.hall.id);

      const refused = await manager.issueCode({ deviceName: '柜台 1', hallId: b.fx.hall.id });
      expect(refused.statusCode).toBe(403);
      expect(ApiError.parse(refused.json()).message).toMatch(/own hall/);
      expect(await codeRows(database, b.fx.hall.id)).toEqual(codesOfB);
      expect((await manager.codes(b.fx.hall.id)).statusCode).toBe(403);
      // A manager's own hall named explicitly is fine.
      expect((await manager.issueCode({ deviceName: '柜台 2', hallId: a.fx.hall.id })).statusCode).toBe(201);

      const withoutHall = await admin.issueCode({ deviceName: '柜台 1' });
      expect(withoutHall.statusCode).toBe(400);
      expect(ApiError.parse(withoutHall.json()).error).toBe('hall_required');
      const nowhere = await admin.issueCode({ deviceName: '柜台 1', hallId: uuidv7() });
      expect(nowhere.statusCode).toBe(400);
      expect(ApiError.parse(nowhere.json()).error).toBe('unknown_hall');
      const forB = await admin.issueCode({ deviceName: '柜台 9', hallId: b.fx.hall.id });
      expect(forB.statusCode, forB.body).toBe(201);
      const codeB = EnrolmentCodeResponse.parse(forB.json()).code;
      expect(codeB).toMatchObject({ hallId: b.fx.hall.id, createdBy: { id: a.admin.staffId } });
      const device = EnrolResponse.parse((await enrol(codeB.code)).json());
      expect(device.hall.id).toBe(b.fx.hall.id);

      // An admin sees every hall's pending codes, or one hall's.
      const pendingB = EnrolmentCodeResponse.parse((await adminApi(app, b.manager).issueCode({ deviceName: '柜台 8' })).json()).code;
      const all = EnrolmentCodeListResponse.parse((await admin.codes()).json()).codes.map((c) => c.id);
      expect(all).toContain(pendingB.id);
      const onlyA = EnrolmentCodeListResponse.parse((await admin.codes(a.fx.hall.id)).json()).codes;
      expect(onlyA.every((c) => c.hallId === a.fx.hall.id)).toBe(true);

      // Another hall's code: a manager may not cancel it, an admin may.
      expect((await manager.cancelCode(pendingB.id)).statusCode).toBe(403);
      expect(EnrolmentCodeListResponse.parse((await adminApi(app, b.manager).codes()).json()).codes.map((c) => c.id)).toContain(pendingB.id);
      expect((await admin.cancelCode(pendingB.id)).statusCode).toBe(204);
    });

    it('a closed hall gets no codes, and its pending codes enrol nothing', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = adminApi(app, h.admin);
      const pending = EnrolmentCodeResponse.parse((await api.issueCode({ deviceName: '柜台 1', hallId: h.fx.hall.id })).json()).code;
      await database.db.updateTable('halls').set({ active: 0 }).where('id', '=', h.fx.hall.id).execute();
      const before = await codeRows(database, h.fx.hall.id);

      const refused = await api.issueCode({ deviceName: '柜台 2', hallId: h.fx.hall.id });
      expect(refused.statusCode).toBe(409);
      expect(ApiError.parse(refused.json())).toMatchObject({ error: 'hall_inactive', message: expect.stringMatching(/deactivated/) });
      expect(await codeRows(database, h.fx.hall.id)).toEqual(before);
      const enrolled = await enrol(pending.code);
      expect(enrolled.statusCode).toBe(409);
      // The hall's name comes as a param, for the tablet to say in its own language.
      expect(ApiError.parse(enrolled.json())).toMatchObject({ error: 'hall_inactive', params: { hall: h.fx.hall.name.zh } });
      expect(await codeRows(database, h.fx.hall.id)).toEqual(before);
    });

    it('refuses a code without a usable device name, writing nothing', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = adminApi(app, h.manager);
      const before = await codeRows(database, h.fx.hall.id);
      for (const body of [{ deviceName: '   ' }, { deviceName: 'x'.repeat(81) }, {}] as { deviceName: string }[]) {
        const res = await api.issueCode(body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(ApiError.parse(res.json()).message).toMatch(/deviceName/);
      }
      expect(await codeRows(database, h.fx.hall.id)).toEqual(before);
    });
  });

  describe('device names', () => {
    it('the name from the code is in the device list, the lost-records report and the visit detail', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = adminApi(app, h.manager);
      const issued = EnrolmentCodeResponse.parse((await api.issueCode({ deviceName: '柜台 7' })).json()).code;
      const enrolled = EnrolResponse.parse((await enrol(issued.code)).json());
      const tablet = { id: enrolled.deviceId, token: enrolled.deviceToken };
      const outbox = makeOutbox({ ...h.fx, device: tablet }, 4);
      expect((await push(app, tablet.token, { entries: entries(outbox, 1, 2) })).statusCode).toBe(200);

      const day = localDate(new Date(), h.fx.hall.timeZone);
      const detail = await app.inject({ method: 'GET', url: `${API.reportVisits}?hallId=${h.fx.hall.id}&day=${day}`, headers: h.manager.headers });
      expect(detail.statusCode, detail.body).toBe(200);
      const visit = VisitDetailResponse.parse(detail.json()).visits.find((v) => v.deviceId === tablet.id);
      expect(visit?.deviceLabel).toBe('柜台 7');

      expect((await api.revoke(tablet.id)).statusCode).toBe(200);
      expect((await push(app, tablet.token, { entries: entries(outbox, 3, 4), outbox: { pending: 2, lastSeq: 4 } })).statusCode).toBe(401);
      const lost = LostRecordsResponse.parse((await api.lostRecords()).json()).reports.find((r) => r.deviceId === tablet.id);
      expect(lost?.deviceLabel).toBe('柜台 7');
      const listed = DeviceListResponse.parse((await api.devices()).json()).devices.find((d) => d.id === tablet.id);
      expect(listed).toMatchObject({ label: '柜台 7', state: 'revoked' });
    });
  });
});
