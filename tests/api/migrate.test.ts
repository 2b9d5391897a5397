import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldRecordsTable, RecommendationsTable, Schema, VisitsTable } from '../../src/server/db/schema.ts';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import { insertCampaign } from '../../src/server/repos/campaigns.ts';
import { insertDevice } from '../../src/server/repos/devices.ts';
import { insertHall } from '../../src/server/repos/halls.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { insertTalkTrackVersion } from '../../src/server/repos/talkTracks.ts';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion, SchemaTooNewError } from '../../src/server/db/migrate.ts';
import { MIGRATIONS } from '../../src/server/db/migrations/index.ts';
import { hashPin, verifyPin } from '../../src/server/auth/pin.ts';
import { getStaffRow, pinVerifierOf } from '../../src/server/repos/staff.ts';
import { demoCampaigns, DEMO_HALL, DEMO_STAFF, ensureDemoData, seedDemo } from '../../src/server/seed/demo.ts';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../helpers/apiEngines.ts';

/** The demo hall's campaigns as version 1 stored them (the seed of today writes columns of later versions). */
async function seedV1Campaigns(db: Kysely<Schema>): Promise<void> {
  await insertHall(db, DEMO_HALL);
  for (const demo of demoCampaigns()) {
    await insertCampaign(db, { ...demo.campaign, hallIds: [DEMO_HALL.id], status: 'published', currentVersionId: demo.versionId });
    await insertTalkTrackVersion(db, { id: demo.versionId, campaignId: demo.campaign.id, version: 1, ...demo.talkTrack, publishedAt: null, publishedBy: null });
  }
}

/** The field tables as version 2 had them, before the report columns. */
interface V2Fields {
  field_records: FieldRecordsTable;
  visits: Omit<VisitsTable, 'local_day' | 'voided_at' | 'void_reason'>;
  recommendations: Omit<RecommendationsTable, 'local_day' | 'elements_count'>;
}

/** A hall with a device, a consultant and a campaign, and its visits (one recommendation each) stored as version 2 stored them. */
async function seedV2Hall(testDb: TestDatabase, timeZone: string, openedAt: readonly string[]) {
  const { db } = testDb.database;
  const hallId = uuidv7();
  const deviceId = uuidv7();
  const staffId = uuidv7();
  const campaignId = uuidv7();
  const versionId = uuidv7();
  const text = { zh: '文本' };
  await insertHall(db, { id: hallId, name: { zh: `厅 ${timeZone}` }, timeZone });
  await insertDevice(db, { id: deviceId, hallId, label: null, tokenHash: hashToken(newToken()) });
  await insertStaff(db, { id: staffId, hallId, name: '甲', role: 'consultant', active: true, secret: null });
  await insertCampaign(db, {
    id: campaignId, hallIds: [hallId], title: text, offerCode: 'X', category: 'vas', startDate: '2026-01-01', endDate: '2026-12-31',
    focus: false, segmentNote: null, status: 'published', currentVersionId: versionId,
  });
  const elements = Object.fromEntries(MUST_SAY_KEYS.map((k) => [k, text])) as Record<(typeof MUST_SAY_KEYS)[number], typeof text>;
  await insertTalkTrackVersion(db, {
    id: versionId, campaignId, version: 1, elements, opening: text, pitch: text, objections: [], closing: text, publishedAt: null, publishedBy: null,
  });
  const v2 = db as unknown as Kysely<V2Fields>;
  const base = { hall_id: hallId, device_id: deviceId, staff_id: staffId };
  const visits = openedAt.map((at, i) => ({ ...base, id: uuidv7(), opened_at: at, source: 'walk_in', business: 'other', segment: null, said: MUST_SAY_KEYS.slice(0, i % 8) }));
  const recs = visits.map((v) => ({
    ...base, id: uuidv7(), visit_id: v.id, campaign_id: campaignId, talk_track_version_id: versionId,
    elements_said: JSON.stringify(v.said), demo_device_used: 0, outcome: 'accepted', decline_reason: null, recorded_at: v.opened_at,
  }));
  for (let i = 0; i < visits.length; i += 100) {
    const part = visits.slice(i, i + 100);
    const partRecs = recs.slice(i, i + 100);
    await v2
      .insertInto('field_records')
      .values([...part, ...partRecs].map((r, j) => ({ id: r.id, kind: j < part.length ? 'visit' : 'recommendation', hall_id: hallId, device_id: deviceId, seq: i * 2 + j + 1, received_at: '2026-03-02T00:00:00Z' })))
      .execute();
    await v2.insertInto('visits').values(part.map(({ said: _, ...v }) => v)).execute();
    await v2.insertInto('recommendations').values(partRecs).execute();
  }
  return visits.map((v, i) => ({ visitId: v.id, recId: recs[i]!.id, count: v.said.length }));
}

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
      await seedV1Campaigns(testDb.database.db);
      expect(await migrate(testDb.database)).toMatchObject({ from: 1, to: LATEST_SCHEMA_VERSION });
      const rows = await testDb.database.db.selectFrom('campaigns').select(['draft', 'edit_version', 'edited_by']).execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toEqual({ draft: null, edit_version: 0, edited_by: null });
      expect(await testDb.database.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    });

    it('gives the demo manager and admin of a hall seeded with PINs the passwords every start prints, and nobody else', async () => {
      testDb = await openTestDatabase(engine);
      const { db } = testDb.database;
      await migrate(testDb.database);
      await seedDemo(db);
      const manager = DEMO_STAFF.find((s) => s.role === 'manager')!;
      const admin = DEMO_STAFF.find((s) => s.role === 'admin')!;
      const consultant = DEMO_STAFF.find((s) => s.role === 'consultant')!;
      const setVerifier = async (staffId: string, secret: string, lock: { failed_pin_count: number; locked_until: string | null }) => {
        const v = await hashPin(secret);
        await db.updateTable('staff').set({ pin_salt: v.salt, pin_hash: v.hash, pin_iterations: v.iterations, ...lock }).where('id', '=', staffId).execute();
      };
      // As an earlier release left the manager: the old demo PIN, and two wrong tries counted.
      await setVerifier(manager.id, '909090', { failed_pin_count: 2, locked_until: null });
      // The admin's secret was changed since: not the old demo PIN any more.
      await setVerifier(admin.id, 'chosen-by-the-admin', { failed_pin_count: 0, locked_until: null });
      const [adminBefore, consultantBefore] = await Promise.all([getStaffRow(db, admin.id), getStaffRow(db, consultant.id)]);

      expect(await ensureDemoData(db)).toBe(false);
      const managerAfter = (await getStaffRow(db, manager.id))!;
      expect(await verifyPin(manager.secret, pinVerifierOf(managerAfter)!)).toBe(true);
      expect(await verifyPin('909090', pinVerifierOf(managerAfter)!)).toBe(false);
      expect(managerAfter.failed_pin_count).toBe(2);
      expect(await getStaffRow(db, admin.id)).toEqual(adminBefore);
      expect(await getStaffRow(db, consultant.id)).toEqual(consultantBefore);
    });

    it('gives the visits and recommendations stored before reports their hall-local day and element count', async () => {
      testDb = await openTestDatabase(engine);
      expect(await migrate(testDb.database, MIGRATIONS.slice(0, 2))).toMatchObject({ to: 2 });
      // More rows than one backfill batch, either side of midnight in Shanghai (UTC+8) …
      const shanghaiTimes = Array.from({ length: 1100 }, (_, i) => (i % 2 === 0 ? '2026-03-01T15:59:59Z' : '2026-03-01T16:00:00Z'));
      const shanghai = await seedV2Hall(testDb, 'Asia/Shanghai', shanghaiTimes);
      // … and of midnight in New York (UTC-5 in early March), in the device's own offset.
      const newYork = await seedV2Hall(testDb, 'America/New_York', ['2026-03-01T04:59:59Z', '2026-03-01T00:00:00-05:00']);
      expect(await migrate(testDb.database)).toMatchObject({ from: 2, to: LATEST_SCHEMA_VERSION, applied: MIGRATIONS.slice(2).map((m) => m.version) });

      const { db } = testDb.database;
      const days = new Map((await db.selectFrom('visits').select(['id', 'local_day', 'voided_at']).execute()).map((v) => [v.id, v]));
      const recs = new Map((await db.selectFrom('recommendations').select(['id', 'local_day', 'elements_count']).execute()).map((r) => [r.id, r]));
      const expected = [
        ...shanghai.map((s, i) => ({ ...s, day: i % 2 === 0 ? '2026-03-01' : '2026-03-02' })),
        { ...newYork[0]!, day: '2026-02-28' },
        { ...newYork[1]!, day: '2026-03-01' },
      ];
      for (const e of expected) {
        expect(days.get(e.visitId)).toEqual({ id: e.visitId, local_day: e.day, voided_at: null });
        expect(recs.get(e.recId)).toEqual({ id: e.recId, local_day: e.day, elements_count: e.count });
      }
      expect(days.size).toBe(expected.length);
    });

    it('runs concurrent migrators once (several server processes starting together)', async () => {
      testDb = await openTestDatabase(engine);
      const results = await Promise.all([migrate(testDb.database), migrate(testDb.database), migrate(testDb.database)]);
      expect(results.flatMap((r) => r.applied)).toEqual(MIGRATIONS.map((m) => m.version));
    });
  });
});
