import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { PIN_ITERATIONS, verifyPin } from '../../src/server/auth/pin.ts';
import { getStaffRow, insertStaff, pinVerifierOf } from '../../src/server/repos/staff.ts';
import { SIGN_IN_LOCK_MS } from '../../src/server/auth/signInAttempts.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { CONSULTANT_PIN, enrolDevice, seedHallFixture } from '../helpers/apiFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);
  const signIn = (token: string, staffId: string, pin: string) =>
    ctx().app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${token}` }, payload: { staffId, pin } });

  describe('PINs at rest and the lockout', () => {
    it('stores a PIN only as a salted PBKDF2-SHA256 hash: the same PIN twice gives two different hashes', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const twinId = uuidv7();
      await insertStaff(database.db, { id: twinId, hallId: fx.hall.id, name: '同码', role: 'consultant', active: true, secret: CONSULTANT_PIN });
      const [a, b] = await Promise.all([getStaffRow(database.db, fx.consultantId), getStaffRow(database.db, twinId)]);
      for (const row of [a!, b!]) {
        expect(row).toMatchObject({ pin_algorithm: 'pbkdf2-sha256', pin_iterations: PIN_ITERATIONS });
        expect(JSON.stringify(row)).not.toContain(CONSULTANT_PIN);
        expect(Buffer.from(row.pin_salt!, 'base64')).toHaveLength(16);
        expect(Buffer.from(row.pin_hash!, 'base64')).toHaveLength(32);
      }
      expect(a!.pin_salt).not.toBe(b!.pin_salt);
      expect(a!.pin_hash).not.toBe(b!.pin_hash);
      expect(await verifyPin(CONSULTANT_PIN, pinVerifierOf(a!)!)).toBe(true);
      expect(await verifyPin('000000', pinVerifierOf(a!)!)).toBe(false);
      expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    });

    it('counts wrong PINs from every tablet together, locks for 15 minutes, and lifts the lock by itself', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const second = await enrolDevice(app, database, fx.hall.id);
      for (const token of [fx.device.token, second.token, fx.device.token, second.token]) {
        expect((await signIn(token, fx.consultantId, '000000')).statusCode).toBe(401);
      }
      const started = Date.now();
      expect((await signIn(fx.device.token, fx.consultantId, '000000')).statusCode).toBe(423);
      const locked = await getStaffRow(database.db, fx.consultantId);
      const until = Date.parse(locked!.locked_until!);
      expect(until - started).toBeGreaterThan(SIGN_IN_LOCK_MS - 60_000);
      expect(until - started).toBeLessThanOrEqual(SIGN_IN_LOCK_MS + 5_000);
      expect(SIGN_IN_LOCK_MS).toBe(15 * 60_000);
      expect((await signIn(second.token, fx.consultantId, CONSULTANT_PIN)).statusCode).toBe(423);

      // Fifteen minutes later (the lock moved into the past): the right PIN works and the count starts again.
      await database.db.updateTable('staff').set({ locked_until: new Date(started - 1000).toISOString() }).where('id', '=', fx.consultantId).execute();
      expect((await signIn(second.token, fx.consultantId, CONSULTANT_PIN)).statusCode).toBe(200);
      expect(await getStaffRow(database.db, fx.consultantId)).toMatchObject({ failed_pin_count: 0, locked_until: null });
      const next = await signIn(fx.device.token, fx.consultantId, '000000');
      expect(next.json().message).toContain('4 attempts left');
    });

    it('checks at most five guesses however many arrive at once, from several tablets', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const second = await enrolDevice(app, database, fx.hall.id);
      const guesses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => signIn(i % 2 === 0 ? fx.device.token : second.token, fx.consultantId, String(100000 + i))),
      );
      const statuses = guesses.map((g) => g.statusCode).sort();
      // Four told "wrong" at most; every other one refused as locked, never checked.
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
      expect(statuses.every((s) => s === 401 || s === 423), statuses.join(',')).toBe(true);
      expect((await getStaffRow(database.db, fx.consultantId))?.locked_until).not.toBeNull();
      // The right PIN, right after: still locked.
      expect((await signIn(fx.device.token, fx.consultantId, CONSULTANT_PIN)).statusCode).toBe(423);
    });
  });
});
