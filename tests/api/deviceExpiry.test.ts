import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { buildApp } from '../../src/server/app.ts';
import { DEFAULT_DEVICE_TOKEN_TTL_DAYS, deviceState, deviceTokenTtlFromEnv } from '../../src/server/auth/deviceState.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { MIGRATIONS } from '../../src/server/db/migrations/index.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine, openTestDatabase } from '../helpers/apiEngines.ts';
import { countStored, entries, makeOutbox, push } from '../helpers/apiFixtures.ts';
import { DAY_MS, lastUsed, lostReportRows } from '../helpers/deviceFixtures.ts';
import { seedManageHall } from '../helpers/manageFixtures.ts';

describe('the device token lifetime setting', () => {
  it.each([
    [undefined, DEFAULT_DEVICE_TOKEN_TTL_DAYS * DAY_MS],
    ['', DEFAULT_DEVICE_TOKEN_TTL_DAYS * DAY_MS],
    ['30', 30 * DAY_MS],
    ['0.5', DAY_MS / 2],
  ])('DEVICE_TOKEN_TTL_DAYS=%s is %d ms', (value, ms) => {
    expect(deviceTokenTtlFromEnv({ DEVICE_TOKEN_TTL_DAYS: value })).toBe(ms);
  });

  it.each(['abc', '0', '-3'])('refuses DEVICE_TOKEN_TTL_DAYS=%s, saying what it must be', (value) => {
    expect(() => deviceTokenTtlFromEnv({ DEVICE_TOKEN_TTL_DAYS: value })).toThrow(/positive number of days/);
  });
});

forEachEngine((engine) => {
  const ctx = useApiApp(engine);
  const pull = (token: string) => ctx().app.inject({ method: 'GET', url: API.pull, headers: { authorization: `Bearer ${token}` } });
  const seenAt = async (deviceId: string) =>
    (await ctx().database.db.selectFrom('devices').select('last_seen_at').where('id', '=', deviceId).executeTakeFirstOrThrow()).last_seen_at;

  describe('device tokens expire when unused', () => {
    it('answers 401 device_expired, saying to enrol again, on every device route', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      await lastUsed(database, h.fx.device.id, (DEFAULT_DEVICE_TOKEN_TTL_DAYS + 1) * DAY_MS);
      for (const res of [
        await pull(h.fx.device.token),
        await app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${h.fx.device.token}` }, payload: { staffId: h.fx.consultantId, pin: '246810' } }),
        await app.inject({ method: 'GET', url: API.manageCampaigns, headers: h.manager.headers }),
      ]) {
        expect(res.statusCode).toBe(401);
        expect(ApiError.parse(res.json())).toMatchObject({ error: 'device_expired', message: expect.stringMatching(/not used for 180 days.*enrol it again/) });
      }
      // Its unsent records are reported as lost, and not stored.
      const before = await countStored(database, h.fx.device.id);
      const refused = await push(app, h.fx.device.token, { entries: entries(makeOutbox(h.fx, 3), 1, 3) });
      expect(ApiError.parse(refused.json()).error).toBe('device_expired');
      expect(await countStored(database, h.fx.device.id)).toEqual(before);
      expect(await lostReportRows(database, h.fx.device.id)).toMatchObject([{ reason: 'expired', offered: 3, first_seq: 1, last_seq: 3 }]);
      // A refused request does not bring it back to life.
      expect((await pull(h.fx.device.token)).statusCode).toBe(401);
    });

    it('keeps a device in use alive: each use starts the lifetime again (written at most once a minute)', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      await lastUsed(database, h.fx.device.id, (DEFAULT_DEVICE_TOKEN_TTL_DAYS - 1) * DAY_MS);
      expect((await pull(h.fx.device.token)).statusCode).toBe(200);
      const renewed = await seenAt(h.fx.device.id);
      expect(Date.now() - Date.parse(renewed!)).toBeLessThan(60_000);
      expect((await pull(h.fx.device.token)).statusCode).toBe(200);
      expect(await seenAt(h.fx.device.id)).toBe(renewed);
    });

    it('does not lock out, at the upgrade, a tablet enrolled long before tokens expired', async () => {
      const testDb = await openTestDatabase(engine);
      try {
        const { db } = testDb.database;
        await migrate(testDb.database, MIGRATIONS.slice(0, 3));
        const hallId = uuidv7();
        const longAgo = new Date(Date.now() - 400 * DAY_MS).toISOString();
        await db.insertInto('halls').values({ id: hallId, name: JSON.stringify({ zh: '老厅' }), time_zone: 'Asia/Shanghai', rev: 1, created_at: longAgo }).execute();
        for (const [id, revoked] of [[uuidv7(), null], [uuidv7(), longAgo]] as const) {
          await sql`insert into devices (id, hall_id, label, token_hash, acked_seq, revoked_at, created_at)
            values (${id}, ${hallId}, ${'old'}, ${id}, ${0}, ${revoked}, ${longAgo})`.execute(db);
        }
        await migrate(testDb.database);
        const rows = await db.selectFrom('devices').selectAll().execute();
        const states = rows.map((r) => deviceState(r, DEFAULT_DEVICE_TOKEN_TTL_DAYS * DAY_MS, new Date())).sort();
        expect(states).toEqual(['active', 'revoked']);
      } finally {
        await testDb.cleanup();
      }
    });

    it('takes the lifetime from the app options', async () => {
      const { database } = ctx();
      const app = buildApp({ db: database, rateLimits: false, deviceTokenTtlMs: 60 * 60_000 });
      try {
        const h = await seedManageHall(app, database);
        await lastUsed(database, h.fx.device.id, 2 * 60 * 60_000);
        const res = await app.inject({ method: 'GET', url: API.pull, headers: { authorization: `Bearer ${h.fx.device.token}` } });
        expect(ApiError.parse(res.json())).toMatchObject({ error: 'device_expired', message: expect.stringMatching(/not used for 1 hour,/) });
        // The default app (180 days) still accepts it.
        expect((await pull(h.fx.device.token)).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });
  });
});
