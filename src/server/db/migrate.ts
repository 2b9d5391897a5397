import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';
import type { Schema } from './schema.ts';

/** Thrown when the database was migrated by a newer release than this code: running would corrupt it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `the database schema is version ${databaseVersion} but this server only knows up to version ${codeVersion}; ` +
        'it was written by a newer talktrack release. Run that release (or newer) against this database, ' +
        'or point DATA_DIR / DATABASE_URL at another database.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: number[];
}

/** Any fixed number: serialises migration runs of several server processes on one PostgreSQL. */
const PG_MIGRATION_LOCK = 7_320_114;

async function ensureVersionTable(db: Kysely<Schema>): Promise<void> {
  await db.schema
    .createTable('schema_version')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

async function currentVersion(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('schema_version')
    .select((eb) => eb.fn.max<number | null>('version').as('v'))
    .executeTakeFirst();
  return row?.v ?? 0;
}

/** The schema version the database is at; 0 when it has never been migrated. */
export async function readSchemaVersion(db: Kysely<Schema>): Promise<number> {
  try {
    return await currentVersion(db);
  } catch {
    return 0;
  }
}

/**
 * Applies every pending migration, each in its own transaction with its version row, and refuses
 * (SchemaTooNewError) when the database holds a version this code does not know.
 */
export async function migrate(
  database: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  return database.db.connection().execute(async (conn) => {
    const pg = database.engine === 'postgres';
    if (pg) await sql`select pg_advisory_lock(${PG_MIGRATION_LOCK})`.execute(conn);
    try {
      await ensureVersionTable(conn);
      const from = await currentVersion(conn);
      const known = migrations.length === 0 ? 0 : Math.max(...migrations.map((m) => m.version));
      if (from > known) throw new SchemaTooNewError(from, known);
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (migration.version <= from) continue;
        await conn.transaction().execute(async (trx) => {
          await migration.up(trx);
          await trx
            .insertInto('schema_version')
            .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
            .execute();
        });
        applied.push(migration.version);
      }
      return { from, to: await currentVersion(conn), applied };
    } finally {
      if (pg) await sql`select pg_advisory_unlock(${PG_MIGRATION_LOCK})`.execute(conn);
    }
  });
}

export { LATEST_SCHEMA_VERSION };
