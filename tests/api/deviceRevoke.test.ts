import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { DeviceListResponse, RevokeDeviceResponse } from '../../src/shared/schemas/devices.ts';
import { buildApp } from '../../src/server/app.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { ackedSeq, CONSULTANT_PIN, countStored, enrolDevice, entries, makeOutbox, push } from '../helpers/apiFixtures.ts';
import { accessAudit, adminApi, lostReportRows } from '../helpers/deviceFixtures.ts';
import { ADMIN_PASSWORD, MANAGER_PASSWORD, seedManageHall, signIn } from '../helpers/manageFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('the hall’s devices', () => {
    it('lists label, enrolment, last seen, last push and acked seq; a manager sees their own hall only', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      expect((await push(app, a.fx.device.token, { entries: entries(makeOutbox(a.fx, 2), 1, 2) })).statusCode).toBe(200);

      const res = await adminApi(app, a.manager).devices();
      expect(res.statusCode, res.body).toBe(200);
      const list = DeviceListResponse.parse(res.json());
      expect(list.halls.map((h) => h.id)).toEqual([a.fx.hall.id]);
      expect(list.devices.map((d) => d.id)).toEqual([a.fx.device.id]);
      const [device] = list.devices;
      expect(device).toMatchObject({ label: 'test tablet', state: 'active', ackedSeq: 2, highestOfferedSeq: 2, missing: 0, thisDevice: true, revokedAt: null });
      expect(Date.now() - Date.parse(device!.enrolledAt)).toBeLessThan(60_000);
      expect(device!.lastSeenAt).not.toBeNull();
      expect(device!.lastPushAt).not.toBeNull();
      // The token lives 180 days from its last use.
      expect(Date.parse(device!.expiresAt!) - Date.parse(device!.lastSeenAt!)).toBe(180 * 86_400_000);

      expect((await adminApi(app, a.manager).devices(b.fx.hall.id)).statusCode).toBe(403);
      const all = DeviceListResponse.parse((await adminApi(app, a.admin).devices()).json());
      expect(all.devices.map((d) => d.id)).toEqual(expect.arrayContaining([a.fx.device.id, b.fx.device.id]));
      const onlyB = DeviceListResponse.parse((await adminApi(app, a.admin).devices(b.fx.hall.id)).json());
      expect(onlyB.devices.map((d) => d.id)).toEqual([b.fx.device.id]);
      expect((await adminApi(app, a.admin).devices(uuidv7())).statusCode).toBe(400);
    });
  });

  describe('revoking a lost tablet', () => {
    it('answers 401 device_revoked on every route from its next request, ends its sessions, and is audited once', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const lost = await enrolDevice(app, database, h.fx.hall.id);
      const onLost = await signIn(app, lost.token, h.fx.consultantId, CONSULTANT_PIN);

      const res = await adminApi(app, h.manager).revoke(lost.id);
      expect(res.statusCode, res.body).toBe(200);
      const { device } = RevokeDeviceResponse.parse(res.json());
      expect(device).toMatchObject({ id: lost.id, state: 'revoked', revokedBy: { id: h.manager.staffId, name: h.manager.name }, expiresAt: null });

      const auth = { authorization: `Bearer ${lost.token}` };
      const calls = [
        () => push(app, lost.token, { entries: entries(makeOutbox(h.fx, 1), 1, 1) }),
        () => app.inject({ method: 'GET', url: API.pull, headers: auth }),
        () => app.inject({ method: 'POST', url: API.sessions, headers: auth, payload: { staffId: h.fx.consultantId, pin: CONSULTANT_PIN } }),
        () => app.inject({ method: 'DELETE', url: API.currentSession, headers: onLost.headers }),
        () => app.inject({ method: 'GET', url: `${API.reportDaily}?from=2026-03-01&to=2026-03-01`, headers: onLost.headers }),
        () => app.inject({ method: 'GET', url: API.manageCampaigns, headers: onLost.headers }),
        () => app.inject({ method: 'GET', url: API.adminDevices, headers: onLost.headers }),
      ];
      for (const call of calls) {
        const answer = await call();
        expect(answer.statusCode, answer.body).toBe(401);
        const body = ApiError.parse(answer.json());
        expect(body.error).toBe('device_revoked');
        expect(body.message).toMatch(/enrol it again with a new code/);
      }
      const sessions = await database.db.selectFrom('staff_sessions').select('revoked_at').where('device_id', '=', lost.id).execute();
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);

      // Revoking again changes nothing and is not audited twice.
      expect((await adminApi(app, h.admin).revoke(lost.id)).statusCode).toBe(200);
      const audit = await accessAudit(database, lost.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'revoke_device', actor_id: h.manager.staffId, actor_role: 'manager', hall_id: h.fx.hall.id });
      expect(audit[0]!.summary).toMatch(/test tablet/);
      // The tablets still in use go on.
      expect((await app.inject({ method: 'GET', url: API.pull, headers: { authorization: `Bearer ${h.fx.device.token}` } })).statusCode).toBe(200);
    });

    it('refuses a manager of another hall (403, nothing written); an admin revokes across halls', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      const spareA = await enrolDevice(app, database, a.fx.hall.id);
      const spareB = await enrolDevice(app, database, b.fx.hall.id);

      const refused = await adminApi(app, b.manager).revoke(spareA.id);
      expect(refused.statusCode).toBe(403);
      expect(ApiError.parse(refused.json()).message).toMatch(/own hall/);
      expect(await accessAudit(database, spareA.id)).toEqual([]);
      const row = await database.db.selectFrom('devices').select('revoked_at').where('id', '=', spareA.id).executeTakeFirstOrThrow();
      expect(row.revoked_at).toBeNull();
      for (const who of [a.consultant, a.marketer]) expect((await adminApi(app, who).revoke(spareA.id)).statusCode).toBe(403);

      const across = await adminApi(app, a.admin).revoke(spareB.id);
      expect(across.statusCode, across.body).toBe(200);
      expect(await accessAudit(database, spareB.id)).toMatchObject([{ actor_id: a.admin.staffId, actor_role: 'admin', hall_id: b.fx.hall.id }]);

      expect((await adminApi(app, a.admin).revoke(uuidv7())).statusCode).toBe(404);
      const own = await adminApi(app, a.manager).revoke(a.fx.device.id);
      expect(own.statusCode).toBe(409);
      expect(ApiError.parse(own.json())).toMatchObject({ error: 'own_device', message: expect.stringMatching(/another device/) });
      expect((await adminApi(app, a.manager).revoke('not-a-uuid')).statusCode).toBe(400);
    });
  });

  describe('a revoked tablet’s unsent records', () => {
    it('stores nothing it pushes and reports what it offered; the device list shows what is missing', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const outbox = makeOutbox(h.fx, 7);
      outbox[3] = { ...outbox[3]!, staffId: h.fx.marketerId };
      expect((await push(app, h.fx.device.token, { entries: entries(outbox, 1, 2) })).statusCode).toBe(200);
      // The manager revokes it from the office PC.
      const office = await enrolDevice(app, database, h.fx.hall.id);
      const manager = await signIn(app, office.token, h.manager.staffId, MANAGER_PASSWORD);
      // The hall's admin signs out on it first: a manager may not end an admin's session.
      expect((await app.inject({ method: 'DELETE', url: API.currentSession, headers: h.admin.headers })).statusCode).toBe(204);
      expect((await adminApi(app, manager).revoke(h.fx.device.id)).statusCode).toBe(200);
      const before = await countStored(database, h.fx.device.id);

      const refused = await push(app, h.fx.device.token, { entries: entries(outbox, 3, 6), outbox: { pending: 5, lastSeq: 7 } });
      expect(refused.statusCode).toBe(401);
      expect(ApiError.parse(refused.json()).error).toBe('device_revoked');
      expect(await countStored(database, h.fx.device.id)).toEqual(before);
      expect(await ackedSeq(database, h.fx.device.id)).toBe(2);

      const lost = await adminApi(app, manager).lostRecords();
      expect(lost.statusCode, lost.body).toBe(200);
      const [report] = lost.json().reports;
      expect(report).toMatchObject({
        deviceId: h.fx.device.id,
        hallId: h.fx.hall.id,
        deviceLabel: 'test tablet',
        reason: 'revoked',
        attempts: 1,
        ackedSeq: 2,
        offered: 4,
        firstSeq: 3,
        // The batch went up to 6; the tablet said it holds up to 7.
        lastSeq: 7,
        pending: 5,
        missing: 5,
        kinds: { visit: 2, recommendation: 2 },
      });
      expect(report.staff.map((s: { name: string }) => s.name).sort()).toEqual(['测试员乙', '测试员甲'].sort());

      // It tries again later, with one more record: one report, merged.
      expect((await push(app, h.fx.device.token, { entries: entries(outbox, 3, 7), outbox: { pending: 5, lastSeq: 7 } })).statusCode).toBe(401);
      // Garbage and pulls are refused the same way and change no report.
      expect((await app.inject({ method: 'POST', url: API.push, headers: { authorization: `Bearer ${h.fx.device.token}`, 'content-type': 'application/json' }, payload: '{oops' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: API.pull, headers: { authorization: `Bearer ${h.fx.device.token}` } })).statusCode).toBe(401);
      const again = (await adminApi(app, manager).lostRecords(h.fx.hall.id)).json().reports;
      expect(again).toHaveLength(1);
      expect(again[0]).toMatchObject({ attempts: 2, offered: 5, firstSeq: 3, lastSeq: 7, kinds: { visit: 3, recommendation: 2 } });
      expect(await countStored(database, h.fx.device.id)).toEqual(before);

      const devices = DeviceListResponse.parse((await adminApi(app, manager).devices()).json()).devices;
      expect(devices.find((d) => d.id === h.fx.device.id)).toMatchObject({ state: 'revoked', ackedSeq: 2, highestOfferedSeq: 7, missing: 5 });

      // Another hall's manager sees none of it; an admin sees it.
      expect((await adminApi(app, other.manager).lostRecords()).json().reports).toEqual([]);
      expect((await adminApi(app, other.manager).lostRecords(h.fx.hall.id)).statusCode).toBe(403);
      const forAdmin = (await adminApi(app, other.admin).lostRecords()).json().reports.map((r: { deviceId: string }) => r.deviceId);
      expect(forAdmin).toContain(h.fx.device.id);
    });

    it('reads the refused push off a real socket and still answers 401, a body too large included', async () => {
      const { database } = ctx();
      const app = buildApp({ db: database, rateLimits: false });
      try {
        const h = await seedManageHall(app, database);
        const office = await enrolDevice(app, database, h.fx.hall.id);
        const admin = await signIn(app, office.token, h.admin.staffId, ADMIN_PASSWORD);
        expect((await adminApi(app, admin).revoke(h.fx.device.id)).statusCode).toBe(200);
        const base = await app.listen({ port: 0, host: '127.0.0.1' });
        const headers = { authorization: `Bearer ${h.fx.device.token}`, 'content-type': 'application/json' };
        const body = JSON.stringify({ entries: entries(makeOutbox(h.fx, 3), 1, 3) });
        const res = await fetch(`${base}${API.push}`, { method: 'POST', headers, body });
        expect(res.status).toBe(401);
        expect(ApiError.parse(await res.json()).error).toBe('device_revoked');
        expect(await lostReportRows(database, h.fx.device.id)).toMatchObject([{ offered: 3, first_seq: 1, last_seq: 3 }]);
        const huge = await fetch(`${base}${API.push}`, { method: 'POST', headers, body: 'x'.repeat(3_000_000) }).catch((e: unknown) => e);
        // The server answers before reading all of it; the client sees the 401 or, at worst, the connection closed.
        if (huge instanceof Response) expect(huge.status).toBe(401);
        // Chunked, with no length said: read up to the limit, the rest dropped.
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= 48) controller.close();
            else controller.enqueue(chunk);
            sent += 1;
          },
        });
        const chunked = await fetch(`${base}${API.push}`, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
        expect(chunked.status).toBe(401);
        expect(await lostReportRows(database, h.fx.device.id)).toMatchObject([{ attempts: 1 }]);
        expect((await fetch(`${base}${API.health}`)).status).toBe(200);
      } finally {
        await app.close();
      }
    });

    it('reports nothing when what it offers is already held', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const outbox = makeOutbox(h.fx, 2);
      expect((await push(app, h.fx.device.token, { entries: entries(outbox, 1, 2) })).statusCode).toBe(200);
      const office = await enrolDevice(app, database, h.fx.hall.id);
      const admin = await signIn(app, office.token, h.admin.staffId, ADMIN_PASSWORD);
      expect((await adminApi(app, admin).revoke(h.fx.device.id)).statusCode).toBe(200);
      // The answer to this push was lost before the revocation: the tablet sends it again.
      expect((await push(app, h.fx.device.token, { entries: entries(outbox, 1, 2) })).statusCode).toBe(401);
      expect((await adminApi(app, admin).lostRecords(h.fx.hall.id)).json().reports).toEqual([]);
    });
  });

  describe('a person’s sessions', () => {
    it('ends them on every device; audited; the person signs in again afterwards', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      const second = await enrolDevice(app, database, a.fx.hall.id);
      const onSecond = await signIn(app, second.token, a.fx.consultantId, CONSULTANT_PIN);
      const daily = (headers: Record<string, string>) =>
        app.inject({ method: 'GET', url: `${API.reportDaily}?from=2026-03-01&to=2026-03-01`, headers });
      expect((await daily(onSecond.headers)).statusCode).toBe(200);

      expect((await adminApi(app, b.manager).revokeSessions(a.fx.consultantId)).statusCode).toBe(403);
      expect((await adminApi(app, a.consultant).revokeSessions(a.fx.marketerId)).statusCode).toBe(403);
      expect((await daily(onSecond.headers)).statusCode).toBe(200);
      expect(await accessAudit(database, a.fx.consultantId)).toEqual([]);

      const res = await adminApi(app, a.manager).revokeSessions(a.fx.consultantId);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ staffId: a.fx.consultantId, revoked: 2 });
      for (const headers of [a.consultant.headers, onSecond.headers]) {
        const refused = await daily(headers);
        expect(refused.statusCode).toBe(401);
        expect(ApiError.parse(refused.json()).error).toBe('session_expired');
      }
      // Others on the same tablet are not affected.
      expect((await daily(a.marketer.headers)).statusCode).toBe(200);
      expect(await accessAudit(database, a.fx.consultantId)).toMatchObject([
        { action: 'revoke_sessions', actor_id: a.manager.staffId, hall_id: a.fx.hall.id, summary: expect.stringMatching(/ended 2 live sessions/) },
      ]);
      const back = await signIn(app, a.fx.device.token, a.fx.consultantId, CONSULTANT_PIN);
      expect((await daily(back.headers)).statusCode).toBe(200);
      expect(back.headers[SESSION_HEADER]).not.toBe(a.consultant.headers[SESSION_HEADER]);

      expect((await adminApi(app, a.admin).revokeSessions(b.fx.consultantId)).json()).toEqual({ staffId: b.fx.consultantId, revoked: 1 });
      expect((await adminApi(app, a.admin).revokeSessions(uuidv7())).statusCode).toBe(404);
    });

    it('lets only an admin end an admin’s sessions, even in the manager’s own hall', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const refused = await adminApi(app, a.manager).revokeSessions(a.admin.staffId);
      expect(refused.statusCode).toBe(403);
      expect(ApiError.parse(refused.json()).message).toBe('only an admin may end the sessions of an admin');
      expect(await accessAudit(database, a.admin.staffId)).toEqual([]);
      const other = await seedManageHall(app, database);
      expect((await adminApi(app, other.admin).revokeSessions(a.admin.staffId)).json()).toEqual({ staffId: a.admin.staffId, revoked: 1 });
    });
  });
});
