import { describe, expect, it } from 'vitest';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { listFieldRecordIds } from '../../src/server/repos/fieldRecords.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import {
  ackedSeq,
  countStored,
  entries,
  makeOutbox,
  makeRecommendation,
  makeVisit,
  makeVisitClose,
  push,
  seedHallFixture,
} from '../helpers/apiFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('push is idempotent', () => {
    it('answers the same batch twice the same way and stores it once', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const outbox = makeOutbox(fx, 6);
      const first = await push(app, fx.device.token, { entries: entries(outbox, 1, 6) });
      expect(first.statusCode, first.body).toBe(200);
      expect(PushResponse.parse(first.json())).toEqual({ ackedThrough: 6, rejected: [] });
      const second = await push(app, fx.device.token, { entries: entries(outbox, 1, 6) });
      expect(second.json()).toEqual(first.json());
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 3, recommendations: 3, fieldRecords: 6 });
    });

    it('stores overlapping batches (1–10 then 5–15) once each', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const outbox = makeOutbox(fx, 15);
      expect((await push(app, fx.device.token, { entries: entries(outbox, 1, 10) })).json()).toEqual({ ackedThrough: 10, rejected: [] });
      expect((await push(app, fx.device.token, { entries: entries(outbox, 5, 15) })).json()).toEqual({ ackedThrough: 15, rejected: [] });
      expect(await countStored(database, fx.device.id)).toMatchObject({ fieldRecords: 15, visits: 8, recommendations: 7, receipts: 15 });
      const stored = [
        ...(await listFieldRecordIds(database.db, 'visit', fx.device.id)),
        ...(await listFieldRecordIds(database.db, 'recommendation', fx.device.id)),
      ].sort();
      expect(stored).toEqual(outbox.map((r) => r.id).sort());
    });

    it('stops at a gap: 4–6 while holding 2 stores nothing, then 3–6 works', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const outbox = makeOutbox(fx, 6);
      expect((await push(app, fx.device.token, { entries: entries(outbox, 1, 2) })).json()).toEqual({ ackedThrough: 2, rejected: [] });
      const gap = await push(app, fx.device.token, { entries: entries(outbox, 4, 6) });
      expect(gap.statusCode).toBe(200);
      expect(gap.json()).toEqual({ ackedThrough: 2, rejected: [] });
      expect(await countStored(database, fx.device.id)).toMatchObject({ fieldRecords: 2, receipts: 2 });
      expect((await push(app, fx.device.token, { entries: entries(outbox, 3, 6) })).json()).toEqual({ ackedThrough: 6, rejected: [] });
      expect(await countStored(database, fx.device.id)).toMatchObject({ fieldRecords: 6, receipts: 6 });
    });

    it('sorts a batch sent out of order', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const outbox = makeOutbox(fx, 4);
      const shuffled = entries(outbox, 1, 4).reverse();
      expect((await push(app, fx.device.token, { entries: shuffled })).json()).toEqual({ ackedThrough: 4, rejected: [] });
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 2, recommendations: 2 });
    });

    it('answers "duplicate" for a record id already stored under another seq, without doubling it', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const visit = makeVisit(fx);
      const res = await push(app, fx.device.token, { entries: entries([visit, visit, makeVisitClose(fx, visit.id)], 1, 3) });
      expect(res.json()).toEqual({ ackedThrough: 3, rejected: [] });
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1, visitCloses: 1, fieldRecords: 2, receipts: 3 });
      const statuses = await database.db.selectFrom('push_receipts').select(['seq', 'status']).where('device_id', '=', fx.device.id).orderBy('seq').execute();
      expect(statuses.map((s) => s.status)).toEqual(['accepted', 'duplicate', 'accepted']);
    });

    it('does not double anything when pushes of one device run concurrently', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const outbox = makeOutbox(fx, 30);
      const batches = [
        [1, 10],
        [1, 20],
        [5, 15],
        [1, 30],
        [11, 30],
        [1, 30],
      ] as const;
      const answers = await Promise.all(batches.map(([a, b]) => push(app, fx.device.token, { entries: entries(outbox, a, b) })));
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      expect(await countStored(database, fx.device.id)).toMatchObject({ fieldRecords: 30, visits: 15, recommendations: 15, receipts: 30 });
      expect(await ackedSeq(database, fx.device.id)).toBe(30);
    });
  });

  describe('a rejected entry is set aside', () => {
    it('lists it with a reason, goes on past it, and answers the same when repeated', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const visit = makeVisit(fx);
      // Declined without a reason: invalid against the shared schema.
      const invalid = { ...makeRecommendation(fx, visit.id), outcome: 'declined' };
      const unknownCampaign = makeRecommendation(fx, visit.id, { campaignId: makeVisit(fx).id });
      const good = makeRecommendation(fx, visit.id);
      const close = makeVisitClose(fx, visit.id);
      const batch = { entries: entries([visit, invalid, unknownCampaign, good, close], 1, 5) };
      const first = await push(app, fx.device.token, batch);
      expect(first.statusCode).toBe(200);
      const body = PushResponse.parse(first.json());
      expect(body.ackedThrough).toBe(5);
      expect(body.rejected.map((r) => [r.seq, r.error])).toEqual([
        [2, 'invalid_record'],
        [3, 'unknown_campaign'],
      ]);
      expect(body.rejected[0]?.message).toMatch(/declineReason/);
      expect(body.rejected[1]?.message).toMatch(/campaign/);
      const ids = await listFieldRecordIds(database.db, 'recommendation', fx.device.id);
      expect(ids).toEqual([good.id]);
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1, recommendations: 1, visitCloses: 1 });
      const again = await push(app, fx.device.token, batch);
      expect(again.json()).toEqual(first.json());
      // A later batch only reports rejections within its own range.
      const later = await push(app, fx.device.token, { entries: [{ seq: 6, record: makeVisit(fx) }] });
      expect(later.json()).toEqual({ ackedThrough: 6, rejected: [] });
    });

    it('rejects records breaking business rules, each with its code', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const visit = makeVisit(fx);
      const records = [
        visit,
        makeVisitClose(fx, makeVisit(fx).id),
        makeRecommendation(fx, visit.id, { talkTrackVersionId: makeVisit(fx).id }),
        makeVisit(fx, { staffId: makeVisit(fx).id }),
        makeVisit(fx, { deviceId: makeVisit(fx).id }),
        { kind: 'complaint', id: makeVisit(fx).id, hallId: fx.hall.id },
      ];
      const res = await push(app, fx.device.token, { entries: entries(records, 1, records.length) });
      const body = PushResponse.parse(res.json());
      expect(body.ackedThrough).toBe(6);
      expect(body.rejected.map((r) => r.error)).toEqual([
        'unknown_visit',
        'unknown_talk_track',
        'unknown_staff',
        'wrong_device',
        'invalid_record',
      ]);
      for (const r of body.rejected) expect(r.message.length).toBeGreaterThan(10);
      expect(await countStored(database, fx.device.id)).toMatchObject({ fieldRecords: 1, visits: 1, receipts: 6 });
    });

    it('keeps records of someone deactivated after they were made (an offline tablet sends them late)', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const res = await push(app, fx.device.token, { entries: entries([makeVisit(fx, { staffId: fx.inactiveId })], 1, 1) });
      expect(res.json()).toEqual({ ackedThrough: 1, rejected: [] });
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1 });
    });
  });
});
