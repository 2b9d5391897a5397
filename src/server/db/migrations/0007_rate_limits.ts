import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * Rate-limit counters in the database, so that several server processes on one PostgreSQL count
 * together instead of each allowing the whole limit: one row per limit, key and fixed window.
 */
export async function up(db: Kysely<Schema>): Promise<void> {
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_expiry').on('rate_limit_hits').column('expires_at').execute();
}
