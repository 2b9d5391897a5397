import { describe, expect, it } from 'vitest';
import { API, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { ApiError, SessionResponse, SignInRefusal } from '../../src/shared/schemas/auth.ts';
import { findActiveStaffSession } from '../../src/server/repos/sessions.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { CONSULTANT_PIN, seedHallFixture } from '../helpers/apiFixtures.ts';
import { MANAGER_PASSWORD, seedManageHall } from '../helpers/manageFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const signInWith = (token: string, payload: Record<string, unknown>) =>
    ctx().app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${token}` }, payload });
  const signIn = (token: string, staffId: string, pin: string) => signInWith(token, { staffId, pin });

  describe('staff sessions', () => {
    it('signs in with the right PIN and out again', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const res = await signIn(fx.device.token, fx.consultantId, CONSULTANT_PIN);
      expect(res.statusCode, res.body).toBe(200);
      const session = SessionResponse.parse(res.json());
      expect(session.staff).toMatchObject({ id: fx.consultantId, role: 'consultant', hallId: fx.hall.id });
      const expiresIn = Date.parse(session.expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(11.9 * 3600_000);
      expect(expiresIn).toBeLessThanOrEqual(12 * 3600_000);
      const live = () => findActiveStaffSession(database.db, { token: session.sessionToken, deviceId: fx.device.id, now: new Date() });
      expect(await live()).toBeDefined();
      const stored = await database.db.selectFrom('staff_sessions').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(session.sessionToken);

      const out = await app.inject({
        method: 'DELETE',
        url: API.currentSession,
        headers: { authorization: `Bearer ${fx.device.token}`, [SESSION_HEADER]: session.sessionToken },
      });
      expect(out.statusCode).toBe(204);
      expect(await live()).toBeUndefined();
      const missing = await app.inject({ method: 'DELETE', url: API.currentSession, headers: { authorization: `Bearer ${fx.device.token}` } });
      expect(missing.statusCode).toBe(400);
    });

    it('counts wrong PINs down and locks after five, even against the right PIN', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      for (let attempt = 1; attempt <= 4; attempt++) {
        const res = await signIn(fx.device.token, fx.consultantId, '000000');
        expect(res.statusCode).toBe(401);
        const body = SignInRefusal.parse(res.json());
        expect(body.error).toBe('wrong_pin');
        expect(body.message).toContain(`${5 - attempt} attempt`);
        expect(body.attemptsLeft).toBe(5 - attempt);
        expect(body.params).toEqual({ attemptsLeft: 5 - attempt });
      }
      const fifth = await signIn(fx.device.token, fx.consultantId, '000000');
      expect(fifth.statusCode).toBe(423);
      const locked = await signIn(fx.device.token, fx.consultantId, CONSULTANT_PIN);
      expect(locked.statusCode).toBe(423);
      const body = SignInRefusal.parse(locked.json());
      expect(body.error).toBe('locked');
      expect(body.message).toMatch(/try again after \d\d:\d\d/);
      // The tablet shows the time in the person's language from this, never the server's English.
      expect(Date.parse(body.lockedUntil!)).toBeGreaterThan(Date.now() + 14 * 60_000);
      // Another person on the same tablet is not affected.
      expect((await signIn(fx.device.token, fx.marketerId, '135790')).statusCode).toBe(200);
    });

    it('resets the count after a right PIN', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      for (let i = 0; i < 3; i++) expect((await signIn(fx.device.token, fx.consultantId, '000000')).statusCode).toBe(401);
      expect((await signIn(fx.device.token, fx.consultantId, CONSULTANT_PIN)).statusCode).toBe(200);
      const res = await signIn(fx.device.token, fx.consultantId, '000000');
      expect(ApiError.parse(res.json()).message).toContain('4 attempts');
    });

    it('refuses a member of another hall with 403, an inactive one, and bad input', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const other = await seedHallFixture(app, database);
      const foreign = await signIn(fx.device.token, other.consultantId, CONSULTANT_PIN);
      expect(foreign.statusCode).toBe(403);
      expect(ApiError.parse(foreign.json()).error).toBe('forbidden');
      expect(await database.db.selectFrom('staff_sessions').selectAll().where('device_id', '=', fx.device.id).execute()).toEqual([]);
      const inactive = await signIn(fx.device.token, fx.inactiveId, '123456');
      expect(inactive.statusCode).toBe(403);
      const badPin = await signIn(fx.device.token, fx.consultantId, '12ab');
      expect(badPin.statusCode).toBe(400);
      expect(ApiError.parse(badPin.json()).message).toMatch(/^pin: /);
    });

    it('has managers and admins sign in with a password of at least 10 characters, never a PIN', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const token = h.fx.device.token;
      const managerId = h.manager.staffId;
      const sessionsBefore = await database.db.selectFrom('staff_sessions').select('id').execute();

      const withPin = await signInWith(token, { staffId: managerId, pin: '975310' });
      expect(withPin.statusCode).toBe(400);
      expect(ApiError.parse(withPin.json())).toMatchObject({ error: 'password_required', message: expect.stringContaining('at least 10 characters') });
      const short = await signInWith(token, { staffId: managerId, password: 'short-one' });
      expect(short.statusCode).toBe(400);
      expect(ApiError.parse(short.json()).message).toMatch(/^password: password must be at least 10 characters/);
      const both = await signInWith(token, { staffId: managerId, pin: '975310', password: MANAGER_PASSWORD });
      expect(both.statusCode).toBe(400);
      expect(ApiError.parse(both.json()).message).toContain('exactly one of pin');
      const consultantWithPassword = await signInWith(token, { staffId: h.fx.consultantId, password: 'a-long-password' });
      expect(consultantWithPassword.statusCode).toBe(400);
      expect(ApiError.parse(consultantWithPassword.json()).error).toBe('pin_required');
      // None of those refusals counted as a wrong attempt or opened a session.
      expect(await database.db.selectFrom('staff_sessions').select('id').execute()).toEqual(sessionsBefore);

      const wrong = await signInWith(token, { staffId: managerId, password: 'not-the-password' });
      expect(wrong.statusCode).toBe(401);
      expect(ApiError.parse(wrong.json())).toMatchObject({ error: 'wrong_password', message: expect.stringContaining('4 attempts left') });
      const right = await signInWith(token, { staffId: managerId, password: MANAGER_PASSWORD });
      expect(right.statusCode, right.body).toBe(200);
      expect(SessionResponse.parse(right.json()).staff.role).toBe('manager');
    });

    it('will not store a manager or admin whose secret is a PIN, nor a consultant whose PIN is not digits', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const staff = (role: 'manager' | 'admin' | 'consultant', secret: string) =>
        insertStaff(database.db, { id: crypto.randomUUID(), hallId: fx.hall.id, name: '新员工', role, active: true, secret });
      await expect(staff('manager', '123456')).rejects.toThrow(/at least 10 characters/);
      await expect(staff('admin', '123456789')).rejects.toThrow(/at least 10 characters/);
      await expect(staff('consultant', 'a-long-password')).rejects.toThrow(/4 to 8 digits/);
      expect(await database.db.selectFrom('staff').select('id').where('name', '=', '新员工').execute()).toEqual([]);
    });
  });
});
