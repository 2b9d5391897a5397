import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError, SessionResponse } from '../../src/shared/schemas/auth.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createStaffSession } from '../../src/server/repos/sessions.ts';
import { getStaffRow } from '../../src/server/repos/staff.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { CONSULTANT_PIN, enrolDevice } from '../helpers/apiFixtures.ts';
import { adminApi, expireSession } from '../helpers/deviceFixtures.ts';
import { ADMIN_PASSWORD, MANAGER_PASSWORD, type ManageHall, seedManageHall, signIn, type SignedIn } from '../helpers/manageFixtures.ts';
import { expectRefused, peopleApi, personOf } from '../helpers/peopleFixtures.ts';

/**
 * One rule for ending other people's access (access/rolePolicy.ts): nobody ends the access of
 * someone above their role. A manager may not revoke the tablet an admin is signed in on, nor
 * sign an admin out everywhere, nor reset, move or deactivate one. And a session created before
 * its person's "sign out everywhere" never counts, a sign-in under way at that moment included.
 */

/** Whether the session still opens the manager pages (or, for counter staff, the reports). */
async function works(app: FastifyInstance, who: Pick<SignedIn, 'headers'>): Promise<number> {
  return (await app.inject({ method: 'GET', url: API.adminDevices, headers: who.headers })).statusCode;
}

async function sessionRows(database: Database, staffId: string) {
  return database.db.selectFrom('staff_sessions').select(['id', 'revoked_at', 'created_at']).where('staff_id', '=', staffId).execute();
}

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  /** A hall, and a second tablet with its manager signed in on it (the office PC). */
  async function hallWithOffice(): Promise<{ h: ManageHall; office: SignedIn; officeToken: string }> {
    const { app, database } = ctx();
    const h = await seedManageHall(app, database);
    const device = await enrolDevice(app, database, h.fx.hall.id);
    return { h, office: await signIn(app, device.token, h.manager.staffId, MANAGER_PASSWORD), officeToken: device.token };
  }

  describe('revoking a tablet someone above you is signed in on', () => {
    it('is refused for a manager (403 ask_an_admin, nothing changed); allowed once the admin signs out, and for an admin', async () => {
      const { app, database } = ctx();
      const { h, office } = await hallWithOffice();
      // The admin is signed in on the hall's tablet (seedManageHall).
      const refused = expectRefused(await adminApi(app, office).revoke(h.fx.device.id), 403, 'ask_an_admin');
      expect(refused.message).toContain(h.admin.name);
      expect(refused.message).toMatch(/ask an admin to revoke it/);
      const device = await database.db.selectFrom('devices').select('revoked_at').where('id', '=', h.fx.device.id).executeTakeFirstOrThrow();
      expect(device.revoked_at).toBeNull();
      expect(await works(app, h.admin)).toBe(200);
      expect(await works(app, h.manager)).toBe(200);
      expect(await database.db.selectFrom('access_audit').select('id').where('target_id', '=', h.fx.device.id).execute()).toEqual([]);

      // An admin may: the same rule, from above.
      const adminOffice = await signIn(app, (await enrolDevice(app, database, h.fx.hall.id)).token, h.admin.staffId, ADMIN_PASSWORD);
      const spare = await enrolDevice(app, database, h.fx.hall.id);
      const onSpare = await signIn(app, spare.token, h.admin.staffId, ADMIN_PASSWORD);
      expect((await adminApi(app, adminOffice).revoke(spare.id)).statusCode).toBe(200);
      expect(await works(app, onSpare)).toBe(401);

      // Once the admin signs out on the tablet, the manager may revoke it.
      expect((await app.inject({ method: 'DELETE', url: API.currentSession, headers: h.admin.headers })).statusCode).toBe(204);
      expect((await adminApi(app, office).revoke(h.fx.device.id)).statusCode).toBe(200);
      expect(await works(app, h.manager)).toBe(401);
    });

    it('is allowed for a manager over peers and counter staff, and over an admin whose session is no longer live', async () => {
      const { app, database } = ctx();
      const { h, office } = await hallWithOffice();
      // Another manager and a consultant on one tablet: a manager may end both.
      const tablet = await enrolDevice(app, database, h.fx.hall.id);
      await signIn(app, tablet.token, h.fx.consultantId, CONSULTANT_PIN);
      await signIn(app, tablet.token, h.manager.staffId, MANAGER_PASSWORD);
      expect((await adminApi(app, office).revoke(tablet.id)).statusCode).toBe(200);
      // An admin's expired session, or one ended by "sign out everywhere", is no one's session any more.
      const expired = await enrolDevice(app, database, h.fx.hall.id);
      const old = await signIn(app, expired.token, h.admin.staffId, ADMIN_PASSWORD);
      await expireSession(database, old.headers['x-staff-session']!);
      expect((await adminApi(app, office).revoke(expired.id)).statusCode).toBe(200);
    });
  });

  describe('the same rule on the people routes and "sign out everywhere"', () => {
    it('a manager cannot end, reset, move or deactivate an admin; an admin can end another admin’s sessions', async () => {
      const { app, database } = ctx();
      const { h, office } = await hallWithOffice();
      const other = await seedManageHall(app, database);
      const refusedSignOut = expectRefused(await adminApi(app, office).revokeSessions(h.admin.staffId), 403, 'forbidden');
      expect(refusedSignOut.message).toBe('only an admin may end the sessions of an admin');
      const people = peopleApi(app, office);
      expectRefused(await people.passwordCode(h.admin.staffId), 403, 'forbidden');
      expectRefused(await people.deactivate(h.admin.staffId), 403, 'forbidden');
      expectRefused(await people.move(h.admin.staffId, other.fx.hall.id), 403, 'forbidden');
      expectRefused(await people.update(h.admin.staffId, { role: 'manager' }), 403, 'forbidden');
      expectRefused(await people.update(h.fx.consultantId, { role: 'admin' }), 403, 'forbidden');
      expect(await works(app, h.admin)).toBe(200);
      expect((await getStaffRow(database.db, h.admin.staffId))?.sessions_valid_after).toBeNull();
      // Peers and counter staff: a manager may.
      expect((await adminApi(app, office).revokeSessions(h.fx.consultantId)).json()).toMatchObject({ revoked: 1 });
      expect((await adminApi(app, other.admin).revokeSessions(h.admin.staffId)).json()).toMatchObject({ revoked: 1 });
      expect(await works(app, h.admin)).toBe(401);
    });
  });

  describe('a sign-in that began before "sign out everywhere"', () => {
    it('each way of ending a person’s sessions sets the time sessions must begin after', async () => {
      const { app, database } = ctx();
      const { h, office } = await hallWithOffice();
      const other = await seedManageHall(app, database);
      const people = peopleApi(app, office);
      const created = personOf(await people.create({ hallId: h.fx.hall.id, name: '轮换员工', role: 'consultant' }), 201);
      const staffId = created.person.id;
      const ends = [
        () => adminApi(app, office).revokeSessions(staffId),
        () => people.resetPin(staffId),
        () => people.move(staffId, other.fx.hall.id),
        () => peopleApi(app, other.manager).deactivate(staffId),
      ];
      let last = '';
      for (const end of ends) {
        const before = new Date().toISOString();
        expect((await end()).statusCode).toBe(200);
        const after = (await getStaffRow(database.db, staffId))?.sessions_valid_after ?? '';
        expect(after >= before && after >= last).toBe(true);
        last = after;
      }
    });

    it('a session whose creation raced the revoke is refused, though nothing marked it revoked', async () => {
      const { app, database } = ctx();
      const { h, office, officeToken } = await hallWithOffice();
      const device = await database.db.selectFrom('devices').select('id').where('hall_id', '=', h.fx.hall.id).execute();
      const officeId = device.find((d) => d.id !== h.fx.device.id)!.id;
      const began = new Date(Date.now() - 2000);
      expect((await adminApi(app, office).revokeSessions(h.admin.staffId)).statusCode).toBe(403);
      const admin = await signIn(app, officeToken, h.admin.staffId, ADMIN_PASSWORD);
      expect((await adminApi(app, admin).revokeSessions(h.manager.staffId)).json()).toMatchObject({ revoked: 2 });
      // The sign-in began two seconds before and its row lands only now, unrevoked.
      const late = await createStaffSession(database.db, { staffId: h.manager.staffId, deviceId: officeId, now: began });
      const rows = await sessionRows(database, h.manager.staffId);
      expect(rows.filter((r) => r.revoked_at === null)).toHaveLength(1);
      const refused = await works(app, { headers: { ...office.headers, 'x-staff-session': late.token } });
      expect(refused).toBe(401);
      // Signing in afresh works.
      const again = await signIn(app, officeToken, h.manager.staffId, MANAGER_PASSWORD);
      expect(await works(app, again)).toBe(200);
    });

    it('a sign-in under way when sessions are ended opens no session and writes no PIN (the two-step PIN change included)', async () => {
      const { app, database } = ctx();
      const { h, office } = await hallWithOffice();
      const people = peopleApi(app, office);
      const created = personOf(await people.create({ hallId: h.fx.hall.id, name: '新员工', role: 'consultant' }), 201);
      const staffId = created.person.id;
      const signInReq = (payload: object) =>
        app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${h.fx.device.token}` }, payload });
      expectRefused(await signInReq({ staffId, pin: created.pin }), 409, 'pin_change_required');
      // "Sign out everywhere" lands while the second step is between its PIN check and its write:
      // seen from the sign-in, the end of sessions is later than when it began.
      const later = new Date(Date.now() + 60_000).toISOString();
      await database.db.updateTable('staff').set({ sessions_valid_after: later }).where('id', '=', staffId).execute();
      const before = await getStaffRow(database.db, staffId);
      const raced = expectRefused(await signInReq({ staffId, pin: created.pin, newPin: '482916' }), 409, 'signed_out_everywhere');
      expect(raced.message).toMatch(/sign in again/);
      expect(await getStaffRow(database.db, staffId)).toEqual(before);
      expect(await sessionRows(database, staffId)).toEqual([]);
      // A plain sign-in of someone else the same way.
      await database.db.updateTable('staff').set({ sessions_valid_after: later }).where('id', '=', h.fx.consultantId).execute();
      expectRefused(await signInReq({ staffId: h.fx.consultantId, pin: CONSULTANT_PIN }), 409, 'signed_out_everywhere');
    });

    it('a PIN reset racing the second step of a PIN change always wins: the new one-time PIN is the one that works', async () => {
      const { app } = ctx();
      const { h, office } = await hallWithOffice();
      const people = peopleApi(app, office);
      for (let round = 0; round < 6; round++) {
        const created = personOf(await people.create({ hallId: h.fx.hall.id, name: `竞速${round}`, role: 'consultant' }), 201);
        const staffId = created.person.id;
        const signInReq = (payload: object) =>
          app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${h.fx.device.token}` }, payload });
        const [change, reset] = await Promise.all([signInReq({ staffId, pin: created.pin, newPin: '482916' }), people.resetPin(staffId)]);
        expect(reset.statusCode).toBe(200);
        const resetPin = personOf(reset).pin!;
        // Whatever the order, the reset's PIN is the one that works, and the chosen PIN does not.
        expectRefused(await signInReq({ staffId, pin: '482916' }), 401, 'wrong_pin');
        expectRefused(await signInReq({ staffId, pin: resetPin }), 409, 'pin_change_required');
        if (change.statusCode === 200) {
          const session = SessionResponse.parse(change.json());
          // Its session was ended by the reset (which came after it) or never counted.
          const gone = await app.inject({
            method: 'GET',
            url: API.reportDaily,
            headers: { authorization: `Bearer ${h.fx.device.token}`, 'x-staff-session': session.sessionToken },
          });
          expect(gone.statusCode).toBe(401);
        } else {
          expect(ApiError.parse(change.json()).error).toMatch(/^(signed_out_everywhere|wrong_pin)$/);
        }
      }
    });
  });
});
