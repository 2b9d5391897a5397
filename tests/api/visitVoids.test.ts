import { beforeEach, describe, expect, it } from 'vitest';
import { listFieldRecordIds } from '../../src/server/repos/fieldRecords.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { countStored, enrolDevice, entries, makeRecommendation, makeVisit, push, seedHallFixture } from '../helpers/apiFixtures.ts';
import { makeVoid, outbox } from '../helpers/reportFixtures.ts';

/** Asia/Shanghai: 15:59:59Z is 23:59:59 of 1 March, 16:00:00Z is 2 March. */
const LATE_EVENING = '2026-03-01T15:30:00Z';
/** The server receives the pushes just before local midnight, unless a test moves it on. */
const BEFORE_MIDNIGHT = '2026-03-01T15:59:59.500Z';

forEachEngine((engine) => {
  let serverNow = BEFORE_MIDNIGHT;
  const ctx = useApiApp(engine, { pushClock: () => new Date(serverNow) });
  beforeEach(() => {
    serverNow = BEFORE_MIDNIGHT;
  });

  async function visitRow(visitId: string) {
    return ctx().database.db.selectFrom('visits').select(['voided_at', 'void_reason']).where('id', '=', visitId).executeTakeFirstOrThrow();
  }

  describe('voiding a visit', () => {
    it('stores the void of one’s own visit of the same day, marks the visit, and a repeated push is a duplicate', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const box = outbox(app, fx);
      const visit = makeVisit(fx, { openedAt: LATE_EVENING });
      box.add(visit, makeRecommendation(fx, visit.id, { recordedAt: LATE_EVENING }));
      await box.sendAll();
      expect(await visitRow(visit.id)).toEqual({ voided_at: null, void_reason: null });

      // 23:59:59 local, the same day as the visit.
      const voidRecord = makeVoid(fx, visit.id, { voidedAt: '2026-03-01T15:59:59Z', reason: '测试误录' });
      box.add(voidRecord);
      await box.sendAll();
      expect(await visitRow(visit.id)).toEqual({ voided_at: '2026-03-01T15:59:59Z', void_reason: '测试误录' });
      expect(await listFieldRecordIds(database.db, 'visit_void', fx.device.id)).toEqual([voidRecord.id]);

      // The same push again, and the same void under a later seq: nothing new, nothing refused.
      const again = await push(app, fx.device.token, { entries: entries(box.records, 1, 3) });
      expect(again.json()).toEqual({ ackedThrough: 3, rejected: [] });
      box.add(voidRecord);
      expect(await box.send()).toEqual({ ackedThrough: 4, rejected: [] });
      const statuses = await database.db.selectFrom('push_receipts').select('status').where('device_id', '=', fx.device.id).orderBy('seq').execute();
      expect(statuses.map((s) => s.status)).toEqual(['accepted', 'accepted', 'accepted', 'duplicate']);
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1, recommendations: 1, fieldRecords: 3 });
    });

    it('takes a visit and its void in one batch', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const box = outbox(app, fx);
      const visit = makeVisit(fx, { openedAt: '2026-03-01T02:00:00Z' });
      box.add(visit, makeVoid(fx, visit.id, { voidedAt: '2026-03-01T02:01:00Z' }));
      await box.sendAll();
      expect((await visitRow(visit.id)).voided_at).toBe('2026-03-01T02:01:00Z');
    });

    it('refuses another person’s visit, a void reaching the server the next day, a second void and an unknown visit, each with its reason', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const box = outbox(app, fx);
      const mine = makeVisit(fx, { openedAt: LATE_EVENING });
      const marketers = makeVisit(fx, { staffId: fx.marketerId, openedAt: LATE_EVENING });
      const yesterdays = makeVisit(fx, { openedAt: LATE_EVENING });
      box.add(mine, marketers, yesterdays);
      await box.sendAll();

      const first = makeVoid(fx, mine.id, { voidedAt: '2026-03-01T15:45:00Z' });
      box.add(
        makeVoid(fx, marketers.id, { voidedAt: '2026-03-01T15:45:00Z' }),
        first,
        makeVoid(fx, mine.id, { voidedAt: '2026-03-01T15:50:00Z', reason: '又一次' }),
        makeVoid(fx, makeVisit(fx).id, { voidedAt: '2026-03-01T15:50:00Z' }),
        makeVoid(fx, mine.id, { reason: '   ' }),
      );
      const answer = await box.send();
      expect(answer.ackedThrough).toBe(8);
      expect(answer.rejected.map((r) => [r.seq, r.error])).toEqual([
        [4, 'not_own_visit'],
        [6, 'already_voided'],
        [7, 'unknown_visit'],
        [8, 'invalid_record'],
      ]);
      const messages = Object.fromEntries(answer.rejected.map((r) => [r.error, r.message]));
      expect(messages.not_own_visit).toMatch(/only the person who opened a visit can void it/);
      expect(messages.already_voided).toMatch(/already been voided/);
      expect(messages.unknown_visit).toMatch(/before its void/);
      expect(messages.invalid_record).toMatch(/reason/);

      // Made on the tablet before midnight, but reaching the server one second after it: the
      // server's day decides, so a tablet clock set back cannot void an earlier day's visit.
      serverNow = '2026-03-01T16:00:01Z';
      box.add(makeVoid(fx, yesterdays.id, { voidedAt: '2026-03-01T15:59:00Z' }));
      const late = await box.send();
      expect(late.rejected.map((r) => [r.seq, r.error])).toEqual([[9, 'void_too_late']]);
      expect(late.rejected[0]!.message).toMatch(/opened on 2026-03-01 .*reached the server on 2026-03-02/);

      // A later batch is refused the same way: the void stored first is the one that holds.
      serverNow = BEFORE_MIDNIGHT;
      box.add(makeVoid(fx, mine.id, { voidedAt: '2026-03-01T15:55:00Z' }));
      expect((await box.send()).rejected.map((r) => r.error)).toEqual(['already_voided']);
      expect(await visitRow(mine.id)).toEqual({ voided_at: '2026-03-01T15:45:00Z', void_reason: first.reason });
      expect(await visitRow(marketers.id)).toEqual({ voided_at: null, void_reason: null });
      expect(await visitRow(yesterdays.id)).toEqual({ voided_at: null, void_reason: null });
      expect(await listFieldRecordIds(database.db, 'visit_void', fx.device.id)).toEqual([first.id]);
    });

    it('voids a visit once when several tablets push voids of it at the same moment', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const box = outbox(app, fx);
      const visits = Array.from({ length: 5 }, () => makeVisit(fx, { openedAt: LATE_EVENING }));
      box.add(...visits);
      await box.sendAll();
      // The same person signed in on other tablets of the hall, each voiding every visit.
      const tablets = [fx, ...(await Promise.all(Array.from({ length: 5 }, async () => ({ ...fx, device: await enrolDevice(app, database, fx.hall.id) }))))];
      const answers = await Promise.all(
        tablets.map((t) => {
          const seq = t === fx ? visits.length : 0;
          const voids = visits.map((v, i) => ({ seq: seq + i + 1, record: makeVoid(t, v.id, { voidedAt: '2026-03-01T15:40:00Z' }) }));
          return push(app, t.device.token, { entries: voids });
        }),
      );
      for (const a of answers) expect(a.statusCode, a.body).toBe(200);
      const rejected = answers.flatMap((a) => (a.json() as { rejected: Array<{ error: string }> }).rejected.map((r) => r.error));
      expect(rejected).toEqual(Array.from({ length: visits.length * (tablets.length - 1) }, () => 'already_voided'));
      const stored = await database.db.selectFrom('visit_voids').select('visit_id').where('hall_id', '=', fx.hall.id).execute();
      expect(stored.map((s) => s.visit_id).sort()).toEqual(visits.map((v) => v.id).sort());
    });
  });
});
