import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createApiClient } from '../../src/client/api/http.ts';
import { readMeta, TalktrackDb, writeMeta } from '../../src/client/db/db.ts';
import { StoreWriteError } from '../../src/client/db/errors.ts';
import { addRecommendation, closeVisit, openVisit, type Actor } from '../../src/client/db/fieldWrites.ts';
import { newId } from '../../src/client/db/uuid.ts';
import { importSigningKey } from '../../src/shared/recordSignature.ts';
import { issueSigningKey } from '../../src/server/repos/signingKeys.ts';
import { syncOnce } from '../../src/client/sync/engine.ts';
import { buildApp } from '../../src/server/app.ts';
import { backupSqlite } from '../../src/server/backup/backupSqlite.ts';
import { createDatabase, type Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { ackedSeq, countAllStored, countStoredByRegistry, type HallFixture, insertTestDevice, seedHallFixture } from './apiFixtures.ts';
import { type Fault, injectFetch } from './injectFetch.ts';
import { startRestorableServer } from './restorableServer.ts';

/**
 * The sync property, as a plain function so it can run in worker threads (one per core): the
 * device's real sync engine (fake-indexeddb) against the real server (fastify inject, SQLite).
 * Whatever the order of writes, refused writes, failed and retried pushes, concurrent syncs,
 * restarts, syncs while the storage is full, and the server restored from a backup taken earlier
 * (losing what it acknowledged since), once the network heals the server holds exactly the records
 * written, once each, with one receipt per outbox entry, the refused ones are kept on the device
 * with the reason, and the others are kept as sent for the retention period.
 *
 * Each call opens its own SQLite file and seeds one hall (its PINs are slow hashes on purpose);
 * each schedule is a new device of that hall with an IndexedDB of its own. A schedule that
 * restores the server after backing it up runs on a server of its own (a copy of the seeded
 * database), so that the restore takes back only its own history and stays cheap.
 */

export type Step =
  | { op: 'write'; visits: number; withRecommendation: boolean }
  | { op: 'writeRefused' }
  | { op: 'sync'; faults: Fault[]; batchSize: number }
  | { op: 'twoSyncsAtOnce' }
  | { op: 'restart' }
  | { op: 'syncWhileFull'; faults: Fault[] }
  | { op: 'serverBackup' }
  | { op: 'serverRestored' };

const fault = fc.constantFrom<Fault>('ok', 'drop_before', 'drop_after', 'http_503', 'cut_body');
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 6 });
export const step: fc.Arbitrary<Step> = fc.oneof(
  often(fc.record({ op: fc.constant('write' as const), visits: fc.integer({ min: 1, max: 3 }), withRecommendation: fc.boolean() })),
  often(fc.record({ op: fc.constant('sync' as const), faults: fc.array(fault, { maxLength: 4 }), batchSize: fc.integer({ min: 1, max: 7 }) })),
  often(fc.constant({ op: 'twoSyncsAtOnce' as const })),
  often(fc.constant({ op: 'writeRefused' as const })),
  often(fc.constant({ op: 'restart' as const })),
  often(fc.record({ op: fc.constant('syncWhileFull' as const), faults: fc.array(fault, { maxLength: 2 }) })),
  // Rarer: a schedule that restores runs on a server of its own.
  { arbitrary: fc.constant({ op: 'serverBackup' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'serverRestored' as const }), weight: 1 },
);

/** Does the schedule restore the server? (Otherwise a backup step changes nothing.) */
export const restoresServer = (steps: readonly Step[]): boolean => steps.some((s) => s.op === 'serverRestored');

/**
 * The device's storage is full: while set, every add/put on an IndexedDB object store throws
 * QuotaExceededError, as a browser over quota does (deletes still work).
 */
let storageFull = false;
for (const method of ['add', 'put'] as const) {
  const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[method]!;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    if (storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  };
}

/**
 * A schedule: nine in ten are short (up to 6 steps), one in ten long (up to `maxSteps`, 25 by
 * default as the property always had). Many short schedules cover the interleavings cheaply; the
 * long ones keep deep histories (many restarts, refusals and faults on one device) in every run.
 */
export const SHORT_SCHEDULE = 6;
export const schedule = (maxSteps: number): fc.Arbitrary<Step[]> =>
  fc.oneof(
    { arbitrary: fc.array(step, { minLength: 1, maxLength: Math.min(SHORT_SCHEDULE, maxSteps) }), weight: 9 },
    { arbitrary: fc.array(step, { minLength: 1, maxLength: maxSteps }), weight: 1 },
  );

export interface PropertyOptions {
  runs: number;
  seed: number;
  /** Longest schedule. */
  maxSteps: number;
  /** Names this shard's IndexedDB databases apart from other shards'. */
  label: string;
}

export interface PropertyTotals {
  seed: number;
  schedules: number;
  steps: number;
  /** Schedules longer than SHORT_SCHEDULE steps. */
  longSchedules: number;
  faults: number;
  /** Times the server was restored from a backup, and the schedules that did it. */
  restores: number;
  restoringSchedules: number;
  written: number;
  refused: number;
  /** Rows in visits + recommendations + visit_closes over the whole database at the end. */
  onServer: number;
  fieldRecords: number;
  receipts: number;
}

const rowsOf = (c: Awaited<ReturnType<typeof countAllStored>>) => c.visits + c.recommendations + c.visitCloses;

/** Every stored row is registered to the device that sent it. */
async function assertNoOrphans(database: Database): Promise<void> {
  const orphans = await sql<{ n: number }>`select
      (select count(*) from visits v where not exists (select 1 from field_records f where f.id = v.id and f.device_id = v.device_id)) +
      (select count(*) from recommendations r where not exists (select 1 from field_records f where f.id = r.id and f.device_id = r.device_id)) +
      (select count(*) from visit_closes c where not exists (select 1 from field_records f where f.id = c.id and f.device_id = c.device_id)) as n`.execute(database.db);
  assert.equal(Number(orphans.rows[0]!.n), 0, 'rows whose registry entry names another device');
}

export async function runSyncProperty({ runs, seed, maxSteps, label }: PropertyOptions): Promise<PropertyTotals> {
  const dir = mkdtempSync(join(tmpdir(), 'talktrack-property-'));
  const sqliteFile = join(dir, 'talktrack.sqlite');
  const database = createDatabase({ sqliteFile });
  const app = buildApp({ db: database, rateLimits: false });
  try {
    await migrate(database);
    await app.ready();
    const hall = await seedHallFixture(app, database);
    const before = await countAllStored(database);
    // The seeded database, for the schedules that run on a server of their own.
    const seeded = join(dir, 'seeded.sqlite');
    await backupSqlite({ source: sqliteFile, target: seeded, force: false });
    const totals = { schedules: 0, steps: 0, longSchedules: 0, faults: 0, restores: 0, restoringSchedules: 0, written: 0, refused: 0 };
    // What the schedules on servers of their own left there, beyond the seeded rows.
    const elsewhere = { onServer: 0, fieldRecords: 0, receipts: 0 };
    let dbCounter = 0;

    await fc.assert(
      fc.asyncProperty(schedule(maxSteps), async (steps) => {
        const own = restoresServer(steps) ? await startRestorableServer(seeded, dir) : null;
        try {
          const server = own ?? { app, database };
          const fx: HallFixture = { ...hall, device: await insertTestDevice(server.database, hall.hall.id) };
          const dbName = `prop-${label}-${++dbCounter}`;
          let db = new TalktrackDb(dbName);
          await writeMeta(db, 'enrolment', { deviceId: fx.device.id, deviceToken: fx.device.token, hall: fx.hall, enrolledAt: new Date().toISOString() });
          // The consultant signed in on this tablet: every record is signed with the key the server
          // issued them for it (issued here directly: an online sign-in's PBKDF2 per schedule would
          // cost the run minutes). Before the first backup, so a restore keeps the key.
          const signingKey = await issueSigningKey(server.database.db, { staffId: fx.consultantId, deviceId: fx.device.id, now: new Date() });
          await writeMeta(db, 'signedIn', {
            staffId: fx.consultantId,
            signedInAt: new Date().toISOString(),
            sessionToken: null,
            signingKey: { id: signingKey.id, key: await importSigningKey(signingKey.secret) },
          });
          const actor: Actor = { hallId: fx.hall.id, deviceId: fx.device.id, staffId: fx.consultantId };
          const written = { visits: new Set<string>(), recommendations: new Set<string>(), closes: new Set<string>() };
          const refused = new Set<string>();
          let faults = 0;
          let restores = 0;
          // The latest backup: the first one is taken as the device is enrolled, before it sent anything.
          let lastBackup = own === null ? null : await own.backup();
          let storageWasFull = false;

          for (const s of steps) {
            if (s.op === 'write') {
              for (let i = 0; i < s.visits; i++) {
                const visit = await openVisit(db, actor, { source: 'walk_in', business: 'plan_change' });
                written.visits.add(visit.id);
                if (s.withRecommendation) {
                  const rec = await addRecommendation(db, actor, {
                    visitId: visit.id,
                    campaignId: fx.campaign.id,
                    talkTrackVersionId: fx.talkTrack.id,
                    elementsSaid: ['name', 'price'],
                    demoDeviceUsed: false,
                    outcome: 'declined',
                    declineReason: 'price',
                  });
                  written.recommendations.add(rec.id);
                }
                const close = await closeVisit(db, actor, visit.id, !s.withRecommendation);
                written.closes.add(close.id);
              }
            } else if (s.op === 'writeRefused') {
              // A recommendation for a campaign the server does not know: refused, set aside, the rest go on.
              const visit = await openVisit(db, actor, { source: 'referral', business: 'new_line' });
              written.visits.add(visit.id);
              const bad = await addRecommendation(db, actor, {
                visitId: visit.id,
                campaignId: newId(),
                talkTrackVersionId: newId(),
                elementsSaid: [],
                demoDeviceUsed: true,
                outcome: 'considering',
                declineReason: null,
              });
              refused.add(bad.id);
              written.closes.add((await closeVisit(db, actor, visit.id, false)).id);
            } else if (s.op === 'sync') {
              faults += s.faults.filter((f) => f !== 'ok').length;
              await syncOnce({ db, api: createApiClient('', injectFetch(server.app, s.faults)), batchSize: s.batchSize });
            } else if (s.op === 'twoSyncsAtOnce') {
              const api = createApiClient('', injectFetch(server.app));
              const outcomes = await Promise.all([syncOnce({ db, api, batchSize: 3 }), syncOnce({ db, api, batchSize: 3 })]);
              // One sync at a time per device: the second finds the first running.
              assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['busy', 'done']);
            } else if (s.op === 'syncWhileFull') {
              // Storage full: a new record is refused whole, and a sync still sends what is stored
              // (deleting what the server holds, its kept copies first, frees room); it cannot
              // finish (nothing pulled can be stored), and it never throws.
              const before = { outbox: await db.outbox.count(), visits: await db.visits.count() };
              const seqsBefore = await db.outbox.toCollection().primaryKeys();
              storageWasFull = true;
              storageFull = true;
              try {
                await assert.rejects(openVisit(db, actor, { source: 'walk_in', business: 'inquiry' }), (e) => e instanceof StoreWriteError && e.reason === 'quota');
                assert.deepEqual({ outbox: await db.outbox.count(), visits: await db.visits.count() }, before, 'a refused write leaves nothing behind');
                faults += s.faults.filter((f) => f !== 'ok').length;
                const outcome = await syncOnce({ db, api: createApiClient('', injectFetch(server.app, s.faults)), batchSize: 4 });
                assert.ok(outcome.kind === 'failed' && ['storage_full', 'offline'].includes(outcome.failure), JSON.stringify(outcome));
              } finally {
                storageFull = false;
              }
              // Only entries the server holds are given up, never one it may be missing.
              const left = new Set(await db.outbox.toCollection().primaryKeys());
              const givenUp = seqsBefore.filter((seq) => !left.has(seq));
              const held = await ackedSeq(server.database, fx.device.id);
              for (const seq of givenUp) assert.ok(seq <= held, `entry ${seq} removed while the server holds only up to ${held}`);
              // A backup taken before them no longer comes back whole: the tablet kept no copy.
              if (givenUp.length > 0) lastBackup = null;
            } else if (s.op === 'serverBackup') {
              if (own !== null) lastBackup = await own.backup();
            } else if (s.op === 'serverRestored') {
              // Everything the server acknowledged since the backup is gone from it. The promise is
              // that the tablet sends back all it still keeps: a backup from before records it gave
              // up to make room on a full storage is out of it (lastBackup is null then) and skipped.
              if (own !== null && lastBackup !== null) {
                await own.restore(lastBackup);
                restores++;
              }
            } else {
              db.close();
              db = new TalktrackDb(dbName);
            }
          }

          // The network heals.
          const healed = await syncOnce({ db, api: createApiClient('', injectFetch(server.app)), batchSize: 50 });
          assert.equal(healed.kind, 'done', JSON.stringify(healed));
          const left = await db.outbox.toArray();
          for (const e of left) assert.equal(e.sig?.keyId, signingKey.id, `entry ${e.seq} signed with the consultant's key`);
          assert.deepEqual(left.filter((e) => e.status === 'pending'), [], 'pending after the network healed');
          const setAside = left.filter((e) => e.status === 'rejected');
          assert.deepEqual(new Set(setAside.map((e) => e.record.id)), refused, 'the refused records stay on the device, set aside');
          for (const e of setAside) assert.match(e.message ?? '', /campaign/i, "a refused record keeps the server's reason");
          // The others are kept as sent, for a later restore; only making room on a full storage removes some.
          const kept = left.filter((e) => e.status === 'sent');
          for (const e of kept) assert.ok(e.ackedAt !== undefined && !refused.has(e.record.id), `sent entry ${e.seq}`);
          const accepted = written.visits.size + written.recommendations.size + written.closes.size;
          if (!storageWasFull) assert.equal(kept.length, accepted, 'every stored record kept as sent');
          assert.equal((await readMeta(db, 'sync'))?.ackedThrough, await ackedSeq(server.database, fx.device.id), "the device's number is the server's");

          const stored = await countStoredByRegistry(server.database, fx.device.id);
          const total = written.visits.size + written.recommendations.size + written.closes.size;
          assert.deepEqual(stored, {
            visits: written.visits.size,
            recommendations: written.recommendations.size,
            visitCloses: written.closes.size,
            fieldRecords: total,
            receipts: total + refused.size,
          });
          const ids = await server.database.db.selectFrom('field_records').select('id').where('device_id', '=', fx.device.id).execute();
          assert.deepEqual(new Set(ids.map((r) => r.id)), new Set([...written.visits, ...written.recommendations, ...written.closes]));
          await db.delete();

          if (own !== null) {
            await assertNoOrphans(own.database);
            const there = await countAllStored(own.database);
            elsewhere.onServer += rowsOf(there) - rowsOf(before);
            elsewhere.fieldRecords += there.fieldRecords - before.fieldRecords;
            elsewhere.receipts += there.receipts - before.receipts;
            totals.restoringSchedules++;
          }
          totals.schedules++;
          totals.steps += steps.length;
          if (steps.length > SHORT_SCHEDULE) totals.longSchedules++;
          totals.faults += faults;
          totals.restores += restores;
          totals.written += total + refused.size;
          totals.refused += refused.size;
        } finally {
          await own?.close();
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );

    // Once over the whole database: no row anywhere beyond what the schedules wrote (the
    // per-schedule counts above go through the registry's device index to stay fast), and
    // every stored row is registered to the device that sent it.
    const after = await countAllStored(database);
    await assertNoOrphans(database);
    return {
      seed,
      ...totals,
      onServer: rowsOf(after) - rowsOf(before) + elsewhere.onServer,
      fieldRecords: after.fieldRecords - before.fieldRecords + elsewhere.fieldRecords,
      receipts: after.receipts - before.receipts + elsewhere.receipts,
    };
  } finally {
    await app.close();
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
