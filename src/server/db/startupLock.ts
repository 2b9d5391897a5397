import { sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * Any fixed number, distinct from the migration lock (migrate takes that one on its own
 * connection; a session lock is re-entrant only on the connection that holds it).
 */
const PG_STARTUP_LOCK = 7_320_115;

/**
 * Runs `fn` (migrate, then seed into an empty database) while holding a PostgreSQL advisory lock,
 * so that several server processes starting at once on one empty database seed it once, and
 * `npm run migrate-to-postgres` never copies into a database a starting server is seeding.
 * On SQLite one process owns the file; `fn` just runs.
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.engine !== 'postgres') return fn();
  // A connection of its own holds the lock while `fn` uses the pool's others.
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${PG_STARTUP_LOCK})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${PG_STARTUP_LOCK})`.execute(conn);
    }
  });
}

