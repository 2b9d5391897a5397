import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type AppOptions, buildApp } from '../../src/server/app.ts';
import type { Database, Engine } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openTestDatabase, type TestDatabase } from './apiEngines.ts';
import { registerTestApp } from './apiFixtures.ts';

export interface ApiContext {
  app: FastifyInstance;
  database: Database;
  engine: Engine;
}

/** For tests of reports over fixed past days: records ten years old still arrive within the bounds. */
export const PAST_DAYS_WINDOW_MS = 3650 * 86_400_000;

/**
 * One migrated database and one app per describe block (per test file and engine); tests make
 * their own hall and device with the fixtures, so they do not see each other's data.
 */
export function useApiApp(
  engine: Engine,
  options: {
    clientDir?: string;
    rateLimits?: AppOptions['rateLimits'];
    trustProxy?: AppOptions['trustProxy'];
    /** Tests that push records of past dates (reports) widen it; the default is the server's. */
    clockWindowMs?: number;
    /** The server's receipt time of pushes, for tests of a past day. */
    pushClock?: () => Date;
  } = {},
): () => ApiContext {
  let testDb: TestDatabase | undefined;
  let context: ApiContext | undefined;
  let failure: unknown;
  beforeAll(async () => {
    // A failure here (PostgreSQL unreachable) is kept and thrown by every test, so each one
    // FAILS with the reason instead of being reported as skipped.
    try {
      testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
      // Limits lifted unless asked for: the property tests enrol and push far faster than a hall does.
      const app = buildApp({
        db: testDb.database,
        clientDir: options.clientDir,
        rateLimits: options.rateLimits ?? false,
        trustProxy: options.trustProxy,
        clockWindowMs: options.clockWindowMs,
        pushClock: options.pushClock,
      });
      await app.ready();
      registerTestApp(app, testDb.database);
      context = { app, database: testDb.database, engine };
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    await context?.app.close();
    await testDb?.cleanup();
  });
  return () => {
    if (failure !== undefined) throw failure;
    if (context === undefined) throw new Error('the api test app is not ready');
    return context;
  };
}
