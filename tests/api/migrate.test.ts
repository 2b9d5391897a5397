import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion, SchemaTooNewError } from '../../src/server/db/migrate.ts';
import { MIGRATIONS } from '../../src/server/db/migrations/index.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../helpers/apiEngines.ts';

forEachEngine((engine) => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => {
    await testDb?.cleanup();
    testDb = undefined;
  });

  describe('migrations', () => {
    it('migrates an empty database to the latest version, and a second run does nothing', async () => {
      testDb = await openTestDatabase(engine);
      expect(await readSchemaVersion(testDb.database.db)).toBe(0);
      expect(await migrate(testDb.database)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.version) });
      expect(await migrate(testDb.database)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: [] });
      expect(await readSchemaVersion(testDb.database.db)).toBe(LATEST_SCHEMA_VERSION);
    });

    it('refuses a database whose schema is newer than the code, saying so plainly', async () => {
      testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
      await testDb.database.db
        .insertInto('schema_version')
        .values({ version: LATEST_SCHEMA_VERSION + 1, name: 'from_the_future', applied_at: new Date().toISOString() })
        .execute();
      const attempt = migrate(testDb.database);
      await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError);
      await expect(migrate(testDb.database)).rejects.toThrow(
        new RegExp(`schema is version ${LATEST_SCHEMA_VERSION + 1} but this server only knows up to version ${LATEST_SCHEMA_VERSION}`),
      );
    });

    it('adds campaign authoring to a database of version 1 that holds campaigns', async () => {
      testDb = await openTestDatabase(engine);
      expect(await migrate(testDb.database, MIGRATIONS.slice(0, 1))).toMatchObject({ to: 1 });
      await seedDemo(testDb.database.db);
      expect(await migrate(testDb.database)).toMatchObject({ from: 1, to: LATEST_SCHEMA_VERSION });
      const rows = await testDb.database.db.selectFrom('campaigns').select(['draft', 'edit_version', 'edited_by']).execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toEqual({ draft: null, edit_version: 0, edited_by: null });
      expect(await testDb.database.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    });

    it('runs concurrent migrators once (several server processes starting together)', async () => {
      testDb = await openTestDatabase(engine);
      const results = await Promise.all([migrate(testDb.database), migrate(testDb.database), migrate(testDb.database)]);
      expect(results.flatMap((r) => r.applied)).toEqual(MIGRATIONS.map((m) => m.version));
    });
  });
});
