import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createDatabase, type Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { MIGRATIONS } from '../../src/server/db/migrations/index.ts';
import { issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { revokeDevice } from '../../src/server/repos/devices.ts';
import { createTestSchema, TEST_PG_URL, type TestSchema } from '../helpers/apiEngines.ts';
import { enrolDevice, entries, makeRecommendation, makeVisit, makeVisitClose, push, seedHallFixture } from '../helpers/apiFixtures.ts';
import { completeDraft, manageApi, seedManageHall, signIn, writtenCampaign } from '../helpers/manageFixtures.ts';
import { makeVoid, outbox } from '../helpers/reportFixtures.ts';
import { listTables, tableChecksums } from '../helpers/tableChecksums.ts';

/**
 * `npm run migrate-to-postgres` as a person runs it, on a SQLite file filled through the real API
 * (every table has rows, several tables more rows than one INSERT batch): afterwards PostgreSQL
 * holds the same rows, table by table, down to a checksum of every value. A second run is refused
 * (exit 1), and a copy that fails half-way leaves the target as empty as it was.
 */

const BATCH_ROWS = 7;

/** The tables the fill below puts rows in (tables added later are compared all the same, empty or not). */
const FILLED = [
  'halls', 'staff', 'devices', 'enrolment_codes', 'staff_sessions', 'campaigns', 'campaign_halls', 'talk_track_versions',
  'field_records', 'visits', 'recommendations', 'visit_closes', 'visit_voids', 'push_receipts', 'audit_log', 'rev_counter',
];

function runScript(from: string, to: string): Promise<{ code: number | null; out: string }> {
  const child = spawn('npm', ['run', '--silent', 'migrate-to-postgres', '--', '--from', from, '--to', to, '--batch-rows', String(BATCH_ROWS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** A hall's worth of everything, through the API: staff, devices, sessions, campaigns and versions, field records, voids, receipts, audit. */
async function fillThroughApi(database: Database): Promise<void> {
  await migrate(database);
  const app = buildApp({ db: database });
  await app.ready();
  try {
    const { fx, manager } = await seedManageHall(app, database);
    await seedHallFixture(app, database); // a second hall, its own staff, campaign and device
    // A wrong PIN counts against the person; an unused code and a revoked tablet stay on record.
    await app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { authorization: `Bearer ${fx.device.token}` }, payload: { staffId: fx.marketerId, pin: '000000' } });
    await issueEnrolmentCode(database.db, { hallId: fx.hall.id });
    const retired = await enrolDevice(app, database, fx.hall.id);
    await revokeDevice(database.db, retired.id);

    // Campaigns: created, published, edited and published again (version 2), duplicated, retired.
    const api = manageApi(app, manager);
    const created = writtenCampaign(await api.create(completeDraft([fx.hall.id])), 201);
    const v1 = writtenCampaign(await api.publish(created.id, created.editVersion));
    const edited = writtenCampaign(await api.save(v1.id, v1.editVersion, completeDraft([fx.hall.id], '第二版')));
    const v2 = writtenCampaign(await api.publish(edited.id, edited.editVersion));
    writtenCampaign(await api.duplicate(v2.id), 201);
    writtenCampaign(await api.retire(v2.id, v2.editVersion));

    // Field records: visits with recommendations and closes, voids, a refusal, a duplicate.
    const box = outbox(app, fx);
    for (let i = 0; i < 30; i++) {
      const visit = makeVisit(fx);
      box.add(visit, makeRecommendation(fx, visit.id, { outcome: i % 3 === 0 ? 'declined' : 'accepted', declineReason: i % 3 === 0 ? 'price' : null }));
      if (i % 2 === 0) box.add(makeVisitClose(fx, visit.id, { noRecommendationConfirmed: i % 4 === 0 }));
      if (i % 5 === 0) box.add(makeVoid(fx, visit.id));
    }
    box.add(makeRecommendation(fx, box.records[0]!.id, { campaignId: uuidv7() }));
    box.add(box.records[1]!);
    const answer = await box.send();
    expect(answer.ackedThrough).toBe(box.records.length);
    expect(answer.rejected.map((r) => r.error)).toEqual(['unknown_campaign']);
    // A repeated push changes nothing, and is still answered.
    const again = await push(app, fx.device.token, { entries: entries(box.records, 1, 5) });
    expect(again.statusCode).toBe(200);
    await signIn(app, fx.device.token, fx.consultantId, '246810');
  } finally {
    await app.close();
  }
}

const countsOf = (sums: Record<string, { rows: number }>) => Object.fromEntries(Object.entries(sums).map(([t, s]) => [t, s.rows]));

describe('npm run migrate-to-postgres', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talktrack-copy-'));
  const sqliteFile = join(dir, 'talktrack.sqlite');
  const schemas: TestSchema[] = [];
  const open: Database[] = [];
  afterAll(async () => {
    for (const d of open) await d.destroy();
    for (const s of schemas) await s.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const target = async () => {
    const schema = await createTestSchema('t_copy');
    schemas.push(schema);
    const database = createDatabase({ url: TEST_PG_URL, pgSchema: schema.schema, pgPoolMax: 2 });
    open.push(database);
    return { schema, database };
  };

  it('copies every table of a filled SQLite file, row for row, and refuses to copy into it again', { timeout: 120_000 }, async () => {
    const source = createDatabase({ sqliteFile });
    try {
      await fillThroughApi(source);
    } finally {
      await source.destroy();
    }
    const sourceDb = createDatabase({ sqliteFile });
    open.push(sourceDb);
    const tables = await listTables(sourceDb);
    const data = tables.filter((t) => t !== 'schema_version');
    const before = await tableChecksums(sourceDb, data);
    for (const table of FILLED) expect(before[table]?.rows, `${table} has rows to copy`).toBeGreaterThan(0);
    expect(before.visits!.rows).toBeGreaterThan(BATCH_ROWS);

    const { schema, database } = await target();
    const run = await runScript(sqliteFile, schema.url);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(new RegExp(`done: \\d+ rows in ${data.length} tables`));

    expect(await listTables(database)).toEqual(tables);
    expect(await tableChecksums(database, data)).toEqual(before);
    const versions = await database.db.selectFrom('schema_version').select(['version', 'name']).orderBy('version').execute();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));

    const second = await runScript(sqliteFile, schema.url);
    expect(second.code, second.out).toBe(1);
    expect(second.out).toMatch(/refused: the target database already holds data: .*halls \(2 rows\)/);
    expect(await tableChecksums(database, data)).toEqual(before);
  });

  it('leaves an empty (already migrated) target empty when the copy fails half-way, then copies into it', { timeout: 120_000 }, async () => {
    // A file whose last tables break a foreign key: PostgreSQL refuses them after the first tables went in.
    const broken = join(dir, 'broken.sqlite');
    copyFileSync(sqliteFile, broken);
    const raw = new BetterSqlite3(broken);
    raw.pragma('foreign_keys = OFF');
    const device = raw.prepare('select id, hall_id from devices limit 1').get() as { id: string; hall_id: string };
    const staff = raw.prepare('select id from staff where hall_id = ? limit 1').pluck().get(device.hall_id) as string;
    const id = uuidv7();
    raw.prepare(`insert into field_records (id, kind, hall_id, device_id, seq, received_at) values (?, 'visit_close', ?, ?, 9999, '2026-01-01T00:00:00Z')`).run(id, device.hall_id, device.id);
    raw.prepare(`insert into visit_closes (id, hall_id, device_id, staff_id, visit_id, closed_at, no_recommendation_confirmed) values (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', 0)`).run(id, device.hall_id, device.id, staff, uuidv7());
    raw.close();

    const { schema, database } = await target();
    await migrate(database);
    const failed = await runScript(broken, schema.url);
    expect(failed.code, failed.out).toBe(1);
    expect(failed.out).toMatch(/failed, no rows were copied/);
    expect(failed.out).toMatch(/visit_closes/);
    const tables = (await listTables(database)).filter((t) => t !== 'schema_version');
    expect(Object.values(countsOf(await tableChecksums(database, tables))).reduce((a, b) => a + b, 0)).toBe(1); // rev_counter's own row

    const run = await runScript(sqliteFile, schema.url);
    expect(run.code, run.out).toBe(0);
    const sourceDb = createDatabase({ sqliteFile });
    open.push(sourceDb);
    expect(await tableChecksums(database, tables)).toEqual(await tableChecksums(sourceDb, tables));
  });

  it('says what is wrong with the command line (exit 2) and with a missing file', async () => {
    const { schema } = await target();
    const missing = await runScript(join(dir, 'nothing.sqlite'), schema.url);
    expect(missing.code).toBe(2);
    expect(missing.out).toMatch(/there is no file .*nothing\.sqlite; give the path of talktrack\.sqlite with --from/);
    const notPg = await runScript(sqliteFile, 'mysql://x');
    expect(notPg.code).toBe(2);
    expect(notPg.out).toMatch(/--to must be a postgres:\/\/ URL/);
  });
});
