import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { isTrivialPin } from '../../src/shared/pinRules.ts';
import { AccessAuditResponse, PeopleListResponse } from '../../src/shared/schemas/people.ts';
import { findActiveStaffSession } from '../../src/server/repos/sessions.ts';
import { isUniqueViolation } from '../../src/server/db/uniqueViolation.ts';
import { getStaffRow, insertStaff } from '../../src/server/repos/staff.ts';
import { moveStaff } from '../../src/server/repos/staffChanges.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { CONSULTANT_PIN, countStored, entries, makeVisit, push } from '../helpers/apiFixtures.ts';
import { accessAudit } from '../helpers/deviceFixtures.ts';
import { type SignedIn, pull, seedManageHall, sessionBody } from '../helpers/manageFixtures.ts';
import { expectRefused, peopleApi, peopleTables, personOf, uniqueStaffNo } from '../helpers/peopleFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const signInRaw = (app: FastifyInstance, token: string, payload: object) =>
    app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${token}` }, payload });
  /** A request that needs a live session: 200 while it lives, 401 once it ended. */
  const reportAs = (app: FastifyInstance, who: SignedIn) =>
    app.inject({ method: 'GET', url: `${API.reportDaily}?from=2026-03-01&to=2026-03-01`, headers: who.headers });
  const sessionLive = async (who: SignedIn, deviceId: string) =>
    (await findActiveStaffSession(ctx().database.db, { token: who.headers[SESSION_HEADER]!, deviceId, now: new Date() })) !== undefined;

  describe('adding people', () => {
    it('gives a counter role a one-time PIN to change at the first sign-in, and a manager a set-password code', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const manager = peopleApi(app, h.manager);
      const staffNo = uniqueStaffNo();
      const created = personOf(
        await manager.create({ hallId: h.fx.hall.id, name: '周杰', nameEn: 'Zhou Jie', staffNo, role: 'consultant' }),
        201,
      );
      expect(created.person).toMatchObject({
        hallId: h.fx.hall.id,
        name: '周杰',
        nameEn: 'Zhou Jie',
        staffNo,
        role: 'consultant',
        active: true,
        hasSecret: true,
        mustChangePin: true,
        lockedUntil: null,
      });
      expect(created.pin).toMatch(/^\d{6}$/);
      expect(isTrivialPin(created.pin!)).toBe(false);
      expect(created.passwordCode).toBeNull();

      // The PIN works once, to choose their own.
      const first = await signInRaw(app, h.fx.device.token, { staffId: created.person.id, pin: created.pin });
      expectRefused(first, 409, 'pin_change_required');

      const boss = personOf(await manager.create({ hallId: h.fx.hall.id, name: '钱经理', role: 'manager' }), 201);
      expect(boss.pin).toBeNull();
      expect(boss.passwordCode).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{12}$/) });
      expect(boss.person).toMatchObject({ hasSecret: false, mustChangePin: false, staffNo: null, nameEn: null });

      // Audited with the names, never with the PIN or the code.
      const audit = await accessAudit(database, created.person.id);
      expect(audit).toMatchObject([{ action: 'create_person', actor_id: h.manager.staffId, hall_id: h.fx.hall.id }]);
      expect(JSON.parse(audit[0]!.details!)).toEqual({ name: '周杰', nameEn: 'Zhou Jie', staffNo, role: 'consultant' });
      const everything = JSON.stringify(await peopleTables(database));
      expect(everything).not.toContain(created.pin);
      expect(everything).not.toContain(boss.passwordCode!.code);

      // The tablets learn of the new person, with nothing to check a PIN by: they sign in online once.
      const pulled = (await pull(app, h.fx.device.token)).staff.find((s) => s.id === created.person.id);
      expect(pulled).toMatchObject({ name: '周杰', nameEn: 'Zhou Jie', staffNo, mustChangePin: true });
      expect(pulled).not.toHaveProperty('pinVerifier');
    });

    it('keeps a manager to their own hall, away from admins, and staff numbers unique across halls', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const manager = peopleApi(app, h.manager);
      const taken = uniqueStaffNo();
      personOf(await peopleApi(app, other.manager).create({ hallId: other.fx.hall.id, name: '甲', staffNo: taken, role: 'consultant' }), 201);

      const before = await peopleTables(database);
      expectRefused(await manager.create({ hallId: other.fx.hall.id, name: '乙', role: 'consultant' }), 403, 'forbidden');
      expectRefused(await manager.create({ hallId: h.fx.hall.id, name: '乙', role: 'admin' }), 403, 'forbidden');
      expectRefused(await manager.create({ hallId: h.fx.hall.id, name: '乙', staffNo: taken, role: 'consultant' }), 409, 'staff_no_taken');
      expectRefused(await manager.create({ hallId: h.fx.hall.id, name: '乙', staffNo: 'has space', role: 'consultant' }), 400, 'invalid_request');
      expectRefused(await manager.create({ hallId: h.fx.hall.id, name: '', role: 'consultant' }), 400, 'invalid_request');
      expectRefused(await peopleApi(app, h.admin).create({ hallId: uuidv7(), name: '乙', role: 'consultant' }), 400, 'unknown_hall');
      // Everything an admin's account is, a manager leaves alone.
      const adminId = h.admin.staffId;
      expectRefused(await manager.update(adminId, { name: '改' }), 403, 'forbidden');
      expectRefused(await manager.passwordCode(adminId), 403, 'forbidden');
      expectRefused(await manager.deactivate(adminId), 403, 'forbidden');
      expectRefused(await manager.move(adminId, other.fx.hall.id), 403, 'forbidden');
      expectRefused(await manager.unlock(adminId), 403, 'forbidden');
      expectRefused(await manager.update(h.fx.consultantId, { role: 'admin' }), 403, 'forbidden');
      // Nor anyone of another hall.
      expectRefused(await manager.update(other.fx.consultantId, { name: '改' }), 403, 'forbidden');
      expectRefused(await manager.resetPin(other.fx.consultantId), 403, 'forbidden');
      expectRefused(await manager.deactivate(other.fx.consultantId), 403, 'forbidden');
      expectRefused(await manager.people(`?hallId=${other.fx.hall.id}`), 403, 'forbidden');
      expectRefused(await manager.update(uuidv7(), { name: '无' }), 404, 'not_found');
      expect(await peopleTables(database)).toEqual(before);

      // An admin may do all of it.
      const admin = peopleApi(app, h.admin);
      const made = personOf(await admin.create({ hallId: other.fx.hall.id, name: '丙', role: 'admin' }), 201);
      expect(made.passwordCode).not.toBeNull();
      personOf(await admin.update(other.fx.consultantId, { name: '改名' }));
    });

    it('knows a staff number taken in a race (after the check, before the write) for the conflict it is', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const staffNo = uniqueStaffNo();
      const person = (name: string) => ({ id: uuidv7(), hallId: h.fx.hall.id, name, staffNo, role: 'consultant' as const, active: true, secret: null });
      await insertStaff(database.db, person('先到'));
      const lost = await insertStaff(database.db, person('后到')).then(() => null, (error: unknown) => error);
      expect(isUniqueViolation(lost, 'staff_no')).toBe(true);
      expect(isUniqueViolation(lost, 'enrolment_codes')).toBe(false);
      expect(isUniqueViolation(new Error('other'), 'staff_no')).toBe(false);
    });

    it('lists the people of the hall (inactive ones when asked), with who is locked', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      for (let i = 0; i < 5; i++) await signInRaw(app, h.fx.device.token, { staffId: h.fx.consultantId, pin: '000000' });
      const list = PeopleListResponse.parse((await peopleApi(app, h.manager).people()).json());
      expect(list.halls.map((x) => x.id)).toEqual([h.fx.hall.id]);
      expect(list.people.map((p) => p.id).sort()).toEqual([h.fx.consultantId, h.fx.marketerId, h.manager.staffId, h.admin.staffId].sort());
      expect(list.people.find((p) => p.id === h.fx.consultantId)?.lockedUntil).not.toBeNull();
      expect(JSON.stringify(list)).not.toMatch(/pin_hash|pinVerifier|salt/);
      const all = PeopleListResponse.parse((await peopleApi(app, h.manager).people('?includeInactive=true')).json());
      expect(all.people.find((p) => p.id === h.fx.inactiveId)).toMatchObject({ active: false, hasSecret: false });
    });
  });

  describe('changing people', () => {
    it('renames and renumbers; a role change across PIN and password gives a new secret and ends the sessions', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const manager = peopleApi(app, h.manager);
      const renamed = personOf(await manager.update(h.fx.consultantId, { name: '新名', nameEn: 'New Name', staffNo: uniqueStaffNo() }));
      expect(renamed).toMatchObject({ person: { name: '新名', nameEn: 'New Name' }, pin: null, passwordCode: null, sessionsEnded: 0 });
      // Same kind of secret: PIN kept, session kept.
      const marketer = personOf(await manager.update(h.fx.marketerId, { role: 'consultant' }));
      expect(marketer).toMatchObject({ person: { role: 'consultant', hasSecret: true }, pin: null, sessionsEnded: 0 });
      expect(await sessionLive(h.marketer, h.fx.device.id)).toBe(true);

      const promoted = personOf(await manager.update(h.fx.consultantId, { role: 'manager' }));
      expect(promoted).toMatchObject({ person: { role: 'manager', hasSecret: false }, pin: null, sessionsEnded: 1 });
      expect(promoted.passwordCode).not.toBeNull();
      expectRefused(await reportAs(app, h.consultant), 401, 'session_expired');
      // Their old PIN opens nothing now.
      expectRefused(await signInRaw(app, h.fx.device.token, { staffId: h.fx.consultantId, pin: CONSULTANT_PIN }), 400, 'password_required');

      const demoted = personOf(await manager.update(h.fx.consultantId, { role: 'floor_marketer' }));
      expect(demoted.pin).toMatch(/^\d{6}$/);
      expect(demoted.person).toMatchObject({ role: 'floor_marketer', mustChangePin: true });
      // The code given with the promotion no longer works.
      const redeem = await app.inject({ method: 'POST', url: API.passwordCodeRedeem, payload: { code: promoted.passwordCode!.code, password: 'a-long-password-1' } });
      expectRefused(redeem, 401, 'unknown_code');
      const audit = await accessAudit(database, h.fx.consultantId);
      expect(audit.map((a) => a.action)).toEqual(['update_person', 'update_person', 'update_person']);
      expect(JSON.parse(audit[1]!.details!)).toMatchObject({ role: 'manager', previousRole: 'consultant', sessionsEnded: 1 });
    });

    it('refuses a staff number someone else has, and anyone changing their own role, deactivating or moving themselves', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const taken = uniqueStaffNo();
      personOf(await peopleApi(app, h.admin).update(other.fx.marketerId, { staffNo: taken }));
      const before = await peopleTables(database);
      const manager = peopleApi(app, h.manager);
      expectRefused(await manager.update(h.fx.consultantId, { staffNo: taken }), 409, 'staff_no_taken');
      expectRefused(await manager.update(h.manager.staffId, { role: 'consultant' }), 409, 'own_account');
      expectRefused(await manager.deactivate(h.manager.staffId), 409, 'own_account');
      expectRefused(await manager.move(h.manager.staffId, other.fx.hall.id), 409, 'own_account');
      expectRefused(await manager.passwordCode(h.manager.staffId), 409, 'own_account');
      const admin = peopleApi(app, h.admin);
      expectRefused(await admin.update(h.admin.staffId, { role: 'manager' }), 409, 'own_account');
      expectRefused(await admin.deactivate(h.admin.staffId), 409, 'own_account');
      expectRefused(await manager.update(h.fx.consultantId, {}), 400, 'invalid_request');
      expect(await peopleTables(database)).toEqual(before);
      // Their own name is theirs to fix; keeping one's own number is no conflict.
      personOf(await manager.update(h.manager.staffId, { name: '王经理改' }));
      personOf(await peopleApi(app, h.admin).update(other.fx.marketerId, { staffNo: taken }));
    });
  });

  describe('PINs, codes and locks', () => {
    it('a new PIN ends the sessions and lifts the lock; only counter roles have PINs, only managers and admins codes', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const manager = peopleApi(app, h.manager);
      for (let i = 0; i < 5; i++) await signInRaw(app, h.fx.device.token, { staffId: h.fx.consultantId, pin: '000000' });
      expect((await signInRaw(app, h.fx.device.token, { staffId: h.fx.consultantId, pin: CONSULTANT_PIN })).statusCode).toBe(423);

      const reset = personOf(await manager.resetPin(h.fx.consultantId));
      expect(reset).toMatchObject({ person: { mustChangePin: true, lockedUntil: null }, sessionsEnded: 1, passwordCode: null });
      expect(await sessionLive(h.consultant, h.fx.device.id)).toBe(false);
      expectRefused(await signInRaw(app, h.fx.device.token, { staffId: h.fx.consultantId, pin: CONSULTANT_PIN }), 401, 'wrong_pin');
      expectRefused(await signInRaw(app, h.fx.device.token, { staffId: h.fx.consultantId, pin: reset.pin }), 409, 'pin_change_required');
      expect((await accessAudit(database, h.fx.consultantId)).map((a) => a.action)).toEqual(['reset_pin']);

      const before = await peopleTables(database);
      expectRefused(await manager.resetPin(h.manager.staffId), 409, 'wrong_credential_kind');
      expectRefused(await manager.passwordCode(h.fx.marketerId), 409, 'wrong_credential_kind');
      expectRefused(await manager.resetPin(h.fx.inactiveId), 409, 'staff_inactive');
      expect(await peopleTables(database)).toEqual(before);

      // A code for a manager: their password stops working and their sessions end.
      const admin = peopleApi(app, h.admin);
      const coded = personOf(await admin.passwordCode(h.manager.staffId));
      expect(coded).toMatchObject({ person: { hasSecret: false }, pin: null, sessionsEnded: 1 });
      expectRefused(await reportAs(app, h.manager), 401, 'session_expired');
      const again = personOf(await admin.passwordCode(h.manager.staffId));
      // Only the newest code works.
      const redeem = (code: string) =>
        app.inject({ method: 'POST', url: API.passwordCodeRedeem, headers: { authorization: `Bearer ${h.fx.device.token}` }, payload: { code, password: 'a-new-password-1' } });
      expectRefused(await redeem(coded.passwordCode!.code), 401, 'unknown_code');
      expect((await redeem(again.passwordCode!.code)).statusCode).toBe(200);
    });

    it('unlocks a locked person at once', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      for (let i = 0; i < 5; i++) await signInRaw(app, h.fx.device.token, { staffId: h.fx.marketerId, pin: '000000' });
      expectRefused(await signInRaw(app, h.fx.device.token, { staffId: h.fx.marketerId, pin: '135790' }), 423, 'locked');
      const unlocked = personOf(await peopleApi(app, h.manager).unlock(h.fx.marketerId));
      expect(unlocked.person.lockedUntil).toBeNull();
      expect(unlocked.sessionsEnded).toBe(0);
      expect((await signInRaw(app, h.fx.device.token, sessionBody(h.fx.marketerId, '135790'))).statusCode).toBe(200);
      const [entry] = await accessAudit(database, h.fx.marketerId);
      expect(entry).toMatchObject({ action: 'unlock_person', actor_id: h.manager.staffId });
      expect(JSON.parse(entry!.details!)).toMatchObject({ wasLocked: true });
    });
  });

  describe('moving and deactivating', () => {
    it('a move ends the sessions, takes the person off the old hall’s tablets onto the new one’s, and is audited in both', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      const pulledA = await pull(app, a.fx.device.token);
      const pulledB = await pull(app, b.fx.device.token);
      // A visit before the move, and one made offline before it but sent after.
      const early = makeVisit(a.fx);
      const late = makeVisit(a.fx);
      expect((await push(app, a.fx.device.token, { entries: entries([early], 1, 1) })).statusCode).toBe(200);

      const moved = personOf(await peopleApi(app, a.manager).move(a.fx.consultantId, b.fx.hall.id));
      expect(moved).toMatchObject({ person: { hallId: b.fx.hall.id }, sessionsEnded: 1 });
      expectRefused(await reportAs(app, a.consultant), 401, 'session_expired');

      const nextA = await pull(app, a.fx.device.token, pulledA.cursor);
      expect(nextA.removed).toEqual([{ kind: 'staff', id: a.fx.consultantId }]);
      expect(nextA.staff).toEqual([]);
      const nextB = await pull(app, b.fx.device.token, pulledB.cursor);
      expect(nextB.staff.map((s) => s.id)).toEqual([a.fx.consultantId]);
      expect(nextB.removed).toEqual([]);

      // Their records stay with the old hall; what a tablet still held from before the move is taken too.
      const stored = await push(app, a.fx.device.token, { entries: entries([early, late], 1, 2) });
      expect(stored.json()).toMatchObject({ ackedThrough: 2, rejected: [] });
      expect((await countStored(database, a.fx.device.id)).visits).toBe(2);
      // They sign in on the new hall's tablet, not the old one's.
      expectRefused(await signInRaw(app, a.fx.device.token, sessionBody(a.fx.consultantId, CONSULTANT_PIN)), 403, 'forbidden');
      expect((await signInRaw(app, b.fx.device.token, sessionBody(a.fx.consultantId, CONSULTANT_PIN))).statusCode).toBe(200);

      const audit = await accessAudit(database, a.fx.consultantId);
      expect(audit.map((x) => [x.action, x.hall_id]).sort()).toEqual([['move_person', a.fx.hall.id], ['move_person', b.fx.hall.id]].sort());
      const removals = await database.db.selectFrom('reference_removals').selectAll().where('row_id', '=', a.fx.consultantId).execute();
      expect(removals).toMatchObject([{ kind: 'staff', hall_id: a.fx.hall.id }]);

      const manager = peopleApi(app, a.manager);
      expectRefused(await manager.move(a.fx.marketerId, a.fx.hall.id), 409, 'same_hall');
      expectRefused(await manager.move(a.fx.marketerId, uuidv7()), 400, 'unknown_hall');
      // The moved person is no longer the old manager's to move.
      expectRefused(await manager.move(a.fx.consultantId, a.fx.hall.id), 403, 'forbidden');
    });

    it('a session of someone whose hall is no longer the tablet’s ends, whatever moved them', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      expect(await sessionLive(a.marketer, a.fx.device.id)).toBe(true);
      await moveStaff(database.db, (await getStaffRow(database.db, a.fx.marketerId))!, b.fx.hall.id, new Date());
      expect(await sessionLive(a.marketer, a.fx.device.id)).toBe(false);
    });

    it('deactivating ends the sessions and takes the person off the tablets; their records stay; reactivating brings them back', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const start = await pull(app, h.fx.device.token);
      const visit = makeVisit(h.fx);
      expect((await push(app, h.fx.device.token, { entries: entries([visit], 1, 1) })).statusCode).toBe(200);
      const manager = peopleApi(app, h.manager);

      const gone = personOf(await manager.deactivate(h.fx.consultantId));
      expect(gone).toMatchObject({ person: { active: false }, sessionsEnded: 1 });
      expectRefused(await reportAs(app, h.consultant), 401, 'session_expired');
      expectRefused(await signInRaw(app, h.fx.device.token, sessionBody(h.fx.consultantId, CONSULTANT_PIN)), 403, 'staff_inactive');
      const after = await pull(app, h.fx.device.token, start.cursor);
      expect(after.removed).toEqual([{ kind: 'staff', id: h.fx.consultantId }]);
      expect((await countStored(database, h.fx.device.id)).visits).toBe(1);
      // Twice changes nothing more.
      expect(personOf(await manager.deactivate(h.fx.consultantId)).sessionsEnded).toBe(0);
      expect((await accessAudit(database, h.fx.consultantId)).map((a) => a.action)).toEqual(['deactivate_person']);

      personOf(await manager.reactivate(h.fx.consultantId));
      const back = await pull(app, h.fx.device.token, after.cursor);
      expect(back.staff.map((s) => s.id)).toEqual([h.fx.consultantId]);
      expect(back.removed).toEqual([]);
      expect((await signInRaw(app, h.fx.device.token, sessionBody(h.fx.consultantId, CONSULTANT_PIN))).statusCode).toBe(200);
    });
  });

  describe('the access audit', () => {
    it('shows a manager their own hall’s entries, newest first, and an admin any hall', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      await peopleApi(app, a.manager).unlock(a.fx.consultantId);
      await peopleApi(app, a.manager).deactivate(a.fx.marketerId);
      await peopleApi(app, b.manager).unlock(b.fx.consultantId);

      const own = AccessAuditResponse.parse((await peopleApi(app, a.manager).audit()).json());
      expect(own.halls.map((x) => x.id)).toEqual([a.fx.hall.id]);
      expect(own.entries.map((e) => [e.action, e.targetId])).toEqual([
        ['deactivate_person', a.fx.marketerId],
        ['unlock_person', a.fx.consultantId],
      ]);
      expect(own.entries[0]).toMatchObject({ actor: { id: a.manager.staffId, role: 'manager' }, hallId: a.fx.hall.id, details: { name: expect.any(String), sessionsEnded: 1 } });
      expectRefused(await peopleApi(app, a.manager).audit(`?hallId=${b.fx.hall.id}`), 403, 'forbidden');
      expectRefused(await peopleApi(app, a.consultant).audit(), 403, 'forbidden');
      const ofB = AccessAuditResponse.parse((await peopleApi(app, a.admin).audit(`?hallId=${b.fx.hall.id}`)).json());
      expect(ofB.entries.map((e) => e.targetId)).toEqual([b.fx.consultantId]);
      const all = AccessAuditResponse.parse((await peopleApi(app, a.admin).audit()).json());
      expect(all.entries.map((e) => e.targetId)).toEqual(expect.arrayContaining([a.fx.marketerId, b.fx.consultantId]));
    });
  });
});
