import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/api/http.ts';
import { TalktrackDb, writeMeta } from '../../src/client/db/db.ts';
import { addRecommendation, closeVisit, openVisit, type Actor } from '../../src/client/db/fieldWrites.ts';
import { syncOnce } from '../../src/client/sync/engine.ts';
import { newId } from '../../src/client/db/uuid.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { countStored, seedHallFixture } from '../helpers/apiFixtures.ts';
import { type Fault, injectFetch } from '../helpers/injectFetch.ts';

/**
 * The device's real sync engine against the real server: whatever the order of writes, failed
 * pushes, retried pushes, concurrent syncs and restarts, the server ends with exactly the records
 * written, once each.
 */

type Step =
  | { op: 'write'; visits: number; withRecommendation: boolean }
  | { op: 'writeRefused' }
  | { op: 'sync'; faults: Fault[]; batchSize: number }
  | { op: 'twoSyncsAtOnce' }
  | { op: 'restart' };

const fault = fc.constantFrom<Fault>('ok', 'drop_before', 'drop_after', 'http_503', 'cut_body');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), visits: fc.integer({ min: 1, max: 3 }), withRecommendation: fc.boolean() }),
  fc.record({ op: fc.constant('sync' as const), faults: fc.array(fault, { maxLength: 4 }), batchSize: fc.integer({ min: 1, max: 7 }) }),
  fc.constant({ op: 'twoSyncsAtOnce' as const }),
  fc.constant({ op: 'writeRefused' as const }),
  fc.constant({ op: 'restart' as const }),
);

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 60);

describe('sync engine against the server (sqlite)', () => {
  const ctx = useApiApp('sqlite');

  it('any interleaving leaves the server with exactly the records written, once each', async () => {
    let dbCounter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const { app, database } = ctx();
        const fx = await seedHallFixture(app, database);
        const dbName = `prop-${process.pid}-${++dbCounter}`;
        let db = new TalktrackDb(dbName);
        await writeMeta(db, 'enrolment', { deviceId: fx.device.id, deviceToken: fx.device.token, hall: fx.hall, enrolledAt: new Date().toISOString() });
        const actor: Actor = { hallId: fx.hall.id, deviceId: fx.device.id, staffId: fx.consultantId };
        const written = { visits: new Set<string>(), recommendations: new Set<string>(), closes: new Set<string>() };
        const refused = new Set<string>();

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
            await syncOnce({ db, api: createApiClient('', injectFetch(app, s.faults)), batchSize: s.batchSize });
          } else if (s.op === 'twoSyncsAtOnce') {
            const api = createApiClient('', injectFetch(app));
            const outcomes = await Promise.all([syncOnce({ db, api, batchSize: 3 }), syncOnce({ db, api, batchSize: 3 })]);
            // One sync at a time per device: the second finds the first running.
            expect(outcomes.map((o) => o.kind).sort()).toEqual(['busy', 'done']);
          } else {
            db.close();
            db = new TalktrackDb(dbName);
          }
        }

        // The network heals.
        const healed = await syncOnce({ db, api: createApiClient('', injectFetch(app)), batchSize: 50 });
        expect(healed.kind).toBe('done');
        const left = await db.outbox.toArray();
        expect(left.filter((e) => e.status === 'pending'), 'pending after the network healed').toEqual([]);
        expect(new Set(left.map((e) => e.record.id))).toEqual(refused);
        for (const e of left) expect(e.message, 'a refused record keeps the server\'s reason').toMatch(/campaign/i);

        const stored = await countStored(database, fx.device.id);
        expect(stored.visits).toBe(written.visits.size);
        expect(stored.recommendations).toBe(written.recommendations.size);
        expect(stored.visitCloses).toBe(written.closes.size);
        const total = written.visits.size + written.recommendations.size + written.closes.size;
        expect(stored.receipts).toBe(total + refused.size);
        const ids = await database.db.selectFrom('field_records').select('id').where('device_id', '=', fx.device.id).execute();
        expect(new Set(ids.map((r) => r.id))).toEqual(new Set([...written.visits, ...written.recommendations, ...written.closes]));
        await db.delete();
      }),
      { numRuns: RUNS, seed: 20261127, endOnFailure: true },
    );
  });
});
