import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { SessionResponse } from '../../src/shared/schemas/auth.ts';
import { getStaffRow, setStaffSecret } from '../../src/server/repos/staff.ts';
import { DEMO_HALL, DEMO_STAFF, seedDemo } from '../../src/server/seed/demo.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { enrolDevice } from '../helpers/apiFixtures.ts';
import { pull, seedManageHall } from '../helpers/manageFixtures.ts';
import { expectRefused, peopleApi, personOf } from '../helpers/peopleFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const signIn = (token: string, payload: object) =>
    ctx().app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${token}` }, payload });

  /** A hall, and a consultant a manager just added: their one-time PIN in hand. */
  async function newConsultant() {
    const { app, database } = ctx();
    const h = await seedManageHall(app, database);
    const created = personOf(await peopleApi(app, h.manager).create({ hallId: h.fx.hall.id, name: '新员工', role: 'consultant' }), 201);
    return { h, staffId: created.person.id, pin: created.pin!, token: h.fx.device.token };
  }

  describe('choosing one’s own PIN after a manager set one', () => {
    it('asks for a new PIN after the right one, and the right one clears the wrong attempts', async () => {
      const { database } = ctx();
      const { staffId, pin, token } = await newConsultant();
      expectRefused(await signIn(token, { staffId, pin: '000001' }), 401, 'wrong_pin');
      expectRefused(await signIn(token, { staffId, pin: '000002' }), 401, 'wrong_pin');
      const asked = expectRefused(await signIn(token, { staffId, pin }), 409, 'pin_change_required');
      expect(asked.message).toContain('choose your own PIN');
      const row = await getStaffRow(database.db, staffId);
      expect(row).toMatchObject({ failed_pin_count: 0, must_change_pin: 1 });
      expect(await database.db.selectFrom('staff_sessions').select('id').where('staff_id', '=', staffId).execute()).toEqual([]);
      // A wrong PIN with a new one counts as before.
      const wrong = expectRefused(await signIn(token, { staffId, pin: '000003', newPin: '482916' }), 401, 'wrong_pin');
      expect(wrong.message).toContain('4 attempts');
    });

    it('refuses the same PIN again and the trivial ones, changing nothing', async () => {
      const { database } = ctx();
      const { staffId, pin, token } = await newConsultant();
      const before = await getStaffRow(database.db, staffId);
      expectRefused(await signIn(token, { staffId, pin, newPin: pin }), 400, 'pin_unchanged');
      for (const simple of ['111111', '123456', '654321', '0000', '56789']) {
        expectRefused(await signIn(token, { staffId, pin, newPin: simple }), 400, 'pin_too_simple');
      }
      expectRefused(await signIn(token, { staffId, pin, newPin: '12ab' }), 400, 'invalid_request');
      expect(await getStaffRow(database.db, staffId)).toEqual(before);
    });

    it('stores the new PIN and opens the session in one step, with a signing key for this tablet', async () => {
      const { app, database } = ctx();
      const { h, staffId, pin, token } = await newConsultant();
      const start = await pull(app, token);
      expect(start.staff.find((s) => s.id === staffId)).toMatchObject({ mustChangePin: true });

      const res = await signIn(token, { staffId, pin, newPin: '482916' });
      expect(res.statusCode, res.body).toBe(200);
      const session = SessionResponse.parse(res.json());
      expect(session.staff).toMatchObject({ id: staffId, role: 'consultant', hallId: h.fx.hall.id });
      expect(session.signingKey.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await getStaffRow(database.db, staffId)).toMatchObject({ must_change_pin: 0, demo_secret: 0, failed_pin_count: 0 });

      expectRefused(await signIn(token, { staffId, pin }), 401, 'wrong_pin');
      expect((await signIn(token, { staffId, pin: '482916' })).statusCode).toBe(200);
      const next = await pull(app, token, start.cursor);
      expect(next.staff.find((s) => s.id === staffId)).toMatchObject({ mustChangePin: false });
      expect(JSON.stringify(next)).not.toMatch(/pinVerifier|pbkdf2/);
      // The people list no longer marks them.
      const list = await peopleApi(app, h.manager).people();
      expect(JSON.stringify(list.json())).toContain(`"id":"${staffId}"`);
      expect((list.json() as { people: Array<{ id: string; mustChangePin: boolean }> }).people.find((p) => p.id === staffId)?.mustChangePin).toBe(false);
      expect(JSON.stringify(await database.db.selectFrom('access_audit').selectAll().execute())).not.toContain('482916');
    });

    it('lets a person change a PIN they chose, too, with the same rules', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const token = h.fx.device.token;
      expectRefused(await signIn(token, { staffId: h.fx.marketerId, pin: '135790', newPin: '999999' }), 400, 'pin_too_simple');
      expect((await signIn(token, { staffId: h.fx.marketerId, pin: '135790', newPin: '864213' })).statusCode).toBe(200);
      expect((await signIn(token, { staffId: h.fx.marketerId, pin: '864213' })).statusCode).toBe(200);
      // Managers and admins have passwords: a new PIN is no part of their sign-in.
      expectRefused(await signIn(token, { staffId: h.manager.staffId, pin: '975310', newPin: '864213' }), 400, 'password_required');
    });
  });

  describe('the demo hall', () => {
    it('is marked while a published demo secret still opens it, and the mark goes with the last one changed', async () => {
      const { app, database } = ctx();
      const { db } = database;
      await seedDemo(db);
      const device = await enrolDevice(app, database, DEMO_HALL.id);
      const first = await pull(app, device.token);
      expect(first.demo).toBe(true);
      expect(first.staff.find((s) => s.id === DEMO_STAFF[1]!.id)).toMatchObject({ name: '李娜', nameEn: 'Li Na' });

      // Li Na chooses her own PIN: her mark goes, the hall's stays while others keep theirs.
      const liNa = DEMO_STAFF[1]!;
      expect((await signIn(device.token, { staffId: liNa.id, pin: liNa.secret, newPin: '583920' })).statusCode).toBe(200);
      expect(await getStaffRow(db, liNa.id)).toMatchObject({ demo_secret: 0 });
      expect((await pull(app, device.token)).demo).toBe(true);

      for (const s of DEMO_STAFF) if (s.id !== liNa.id) await setStaffSecret(db, s.id, s.role, s.role === 'manager' || s.role === 'admin' ? 'chosen-password-1' : '736251');
      expect((await pull(app, device.token)).demo).toBe(false);
    });
  });
});
