import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { type AppOptions, buildApp } from '../../src/server/app.ts';
import { createDatabase, type Database, type Engine } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { countHit, sweepRateLimitHits } from '../../src/server/repos/rateLimitHits.ts';
import { forEachEngine, openTestDatabase, TEST_PG_URL, type TestDatabase } from '../helpers/apiEngines.ts';
import { entries, insertTestDevice, makeOutbox, push, seedHallFixture } from '../helpers/apiFixtures.ts';

/**
 * Rate limits counted in the database: two server instances on one database (as two processes on
 * one PostgreSQL) allow a limit once between them, not once each.
 */

const LIMIT = { max: 4, windowMs: 60_000 };

/** A second handle on the same database, as another server process would open. */
function sameDatabase(engine: Engine, testDb: TestDatabase): Database {
  return engine === 'sqlite'
    ? createDatabase({ sqliteFile: testDb.location })
    : createDatabase({ url: TEST_PG_URL, pgSchema: testDb.location, pgPoolMax: 5 });
}

forEachEngine((engine) => {
  describe('the counts in the database', () => {
    let testDb: TestDatabase | undefined;
    beforeAll(async () => {
      testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
    });
    afterAll(async () => testDb?.cleanup());

    it('count each hit once when many come at once, per key, in a window from its first hit, and are swept when over', async () => {
      const db = testDb!.database;
      const now = 1_800_000_000_123;
      const hits = await Promise.all(Array.from({ length: 40 }, () => countHit(db, 'signIn:a', 60_000, now)));
      expect(hits.map((h) => h.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(hits[0]!.ttl).toBe(60_000);
      expect(await countHit(db, 'signIn:a', 60_000, now + 59_999)).toEqual({ current: 41, ttl: 1 });
      expect((await countHit(db, 'signIn:b', 60_000, now + 30_000)).current).toBe(1);
      // Once the window is over, the next hit starts a new one at 1.
      expect(await countHit(db, 'signIn:a', 60_000, now + 60_000)).toEqual({ current: 1, ttl: 60_000 });
      expect(await sweepRateLimitHits(db.db, now + 90_000)).toBe(1);
      expect(await sweepRateLimitHits(db.db, now + 120_000)).toBe(1);
      expect(await sweepRateLimitHits(db.db, now + 120_000)).toBe(0);
    });
  });

  describe('two server instances on one database', () => {
    let testDb: TestDatabase | undefined;
    let second: Database | undefined;
    const apps: FastifyInstance[] = [];
    const build = (db: Database, rateLimitCounts: AppOptions['rateLimitCounts']) => {
      const app = buildApp({ db, rateLimits: { enrol: LIMIT, push: LIMIT, signIn: false, passwordCode: false, refusedPush: false }, rateLimitCounts });
      apps.push(app);
      return app;
    };
    beforeAll(async () => {
      testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
      second = sameDatabase(engine, testDb);
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await second?.destroy();
      await testDb?.cleanup();
    });

    it('refuse the combined count at the limit: pushes of one tablet and enrolments from one address', async () => {
      const a = build(testDb!.database, 'database');
      const b = build(second!, 'database');
      const fx = await seedHallFixture(a, testDb!.database);
      const batch = { entries: entries(makeOutbox(fx, 1), 1, 1) };
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await push(i % 2 === 0 ? a : b, fx.device.token, batch)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429, 429, 429]);
      const refused = await push(b, fx.device.token, batch);
      expect(ApiError.parse(refused.json()).message).toMatch(/too many pushes from this device \(at most 4 a minute\)/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);

      // Both at once: still four between them.
      const other = await insertTestDevice(testDb!.database, fx.hall.id);
      const otherBatch = { entries: entries(makeOutbox({ ...fx, device: other }, 1), 1, 1) };
      const together = await Promise.all(Array.from({ length: 12 }, (_, i) => push(i % 2 === 0 ? a : b, other.token, otherBatch)));
      expect(together.filter((r) => r.statusCode === 200)).toHaveLength(LIMIT.max);
      expect(together.filter((r) => r.statusCode === 429)).toHaveLength(12 - LIMIT.max);

      // Enrolment counts by address, apart from push.
      const enrol = (app: FastifyInstance) => app.inject({ method: 'POST', url: API.enrol, remoteAddress: '192.0.2.44', payload: { code: 'WRONG-CODE-0000' } });
      const enrolments = await Promise.all(Array.from({ length: 8 }, (_, i) => enrol(i % 2 === 0 ? a : b)));
      expect(enrolments.filter((r) => r.statusCode === 429)).toHaveLength(8 - LIMIT.max);
    });

    it('counted in each process’s memory instead, each would allow the whole limit (what the database store prevents)', async () => {
      const a = build(testDb!.database, 'memory');
      const b = build(second!, 'memory');
      const fx = await seedHallFixture(a, testDb!.database);
      const batch = { entries: entries(makeOutbox(fx, 1), 1, 1) };
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await push(i % 2 === 0 ? a : b, fx.device.token, batch)).statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(2 * LIMIT.max);
    });
  });
});

describe('where the limits count by default', () => {
  it('PostgreSQL in the database, SQLite in memory', async () => {
    for (const engine of ['postgres', 'sqlite'] as const) {
      const testDb = await openTestDatabase(engine);
      try {
        await migrate(testDb.database);
        const app = buildApp({ db: testDb.database, rateLimits: { enrol: LIMIT } });
        try {
          await app.inject({ method: 'POST', url: API.enrol, remoteAddress: '192.0.2.45', payload: { code: 'WRONG-CODE-0000' } });
          const rows = await testDb.database.db.selectFrom('rate_limit_hits').select(['key', 'hits']).execute();
          expect(rows, engine).toEqual(engine === 'postgres' ? [{ key: 'enrol:192.0.2.45', hits: 1 }] : []);
        } finally {
          await app.close();
        }
      } finally {
        await testDb.cleanup();
      }
    }
  });
});
