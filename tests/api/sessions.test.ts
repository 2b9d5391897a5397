import { describe, expect, it } from 'vitest';
import { API, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { ApiError, SessionResponse } from '../../src/shared/schemas/auth.ts';
import { findActiveStaffSession } from '../../src/server/repos/sessions.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { CONSULTANT_PIN, seedHallFixture } from '../helpers/apiFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const signIn = (token: string, staffId: string, pin: string) =>
    ctx().app.inject({
      method: 'POST',
      url: API.sessions,
      headers: { authorization: `Bearer ${token}` },
      payload: { staffId, pin },
    });

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
        const body = ApiError.parse(res.json());
        expect(body.error).toBe('wrong_pin');
        expect(body.message).toContain(`${5 - attempt} attempt`);
      }
      const fifth = await signIn(fx.device.token, fx.consultantId, '000000');
      expect(fifth.statusCode).toBe(423);
      const locked = await signIn(fx.device.token, fx.consultantId, CONSULTANT_PIN);
      expect(locked.statusCode).toBe(423);
      const body = ApiError.parse(locked.json());
      expect(body.error).toBe('locked');
      expect(body.message).toMatch(/try again after \d\d:\d\d/);
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
  });
});
