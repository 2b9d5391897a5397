import { afterEach, describe, expect, it } from 'vitest';
import { FieldRecord, VOID_REASON_MAX } from '../../../src/shared/schemas/fieldRecords.ts';
import { type LocalVisit, readMeta, type TalktrackDb } from '../../../src/client/db/db.ts';
import { StoreWriteError } from '../../../src/client/db/errors.ts';
import { addRecommendation, closeVisit, openVisit, voidVisit, VoidRefusedError } from '../../../src/client/db/fieldWrites.ts';
import { todayTallyOf } from '../../../src/client/db/queries.ts';
import { VOID_REASON_LIMIT, voidReasonOf, voidRefusal } from '../../../src/client/db/voidRules.ts';
import { newId } from '../../../src/client/db/uuid.ts';
import { enrolledDevice, freshDb } from '../../helpers/clientFixtures.ts';

let db: TalktrackDb;
afterEach(async () => {
  await db?.delete();
});

const TZ = 'Asia/Shanghai';
// 10:00 in Shanghai on 2026-03-05.
const NOW = new Date('2026-03-05T02:00:00Z');
const minutesBefore = (m: number) => new Date(NOW.getTime() - m * 60_000);

/** A closed visit of `actor` opened `minutes` before NOW, with one accepted VAS recommendation. */
async function servedVisit(fx: Awaited<ReturnType<typeof enrolledDevice>>, minutes: number) {
  const visit = await openVisit(db, fx.actor, { source: 'walk_in', business: 'plan_change' }, minutesBefore(minutes));
  await addRecommendation(
    db,
    fx.actor,
    {
      visitId: visit.id,
      campaignId: fx.campaign.id,
      talkTrackVersionId: fx.talkTrack.id,
      elementsSaid: ['name', 'price'],
      demoDeviceUsed: false,
      outcome: 'accepted',
      declineReason: null,
    },
    minutesBefore(minutes - 1),
  );
  await closeVisit(db, fx.actor, visit.id, false, minutesBefore(minutes - 2));
  return visit;
}

describe('voiding a visit', () => {
  it('stores the void record and its outbox entry together, marks the visit, and drops it from today’s counts', async () => {
    db = freshDb();
    const fx = await enrolledDevice(db);
    const kept = await servedVisit(fx, 60);
    const mistaken = await servedVisit(fx, 30);
    expect((await todayTallyOf(db, fx.staff.id, TZ, NOW)).visits).toBe(2);

    const record = await voidVisit(db, fx.actor, { visitId: mistaken.id, reason: '  录错了客户 ', timeZone: TZ }, NOW);

    expect(record).toMatchObject({ kind: 'visit_void', v: 1, visitId: mistaken.id, reason: '录错了客户', voidedAt: NOW.toISOString(), ...fx.actor });
    expect(FieldRecord.safeParse(record).success).toBe(true);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.record.kind])).toEqual([
      [1, 'visit'],
      [2, 'recommendation'],
      [3, 'visit_close'],
      [4, 'visit'],
      [5, 'recommendation'],
      [6, 'visit_close'],
      [7, 'visit_void'],
    ]);
    expect(outbox[6]!.record).toEqual(record);
    expect((await readMeta(db, 'sync'))?.nextSeq).toBe(8);
    expect((await db.visits.get(mistaken.id))?.voided).toEqual({ at: NOW.toISOString(), reason: '录错了客户' });
    expect((await db.visits.get(kept.id))?.voided).toBeUndefined();

    const today = await todayTallyOf(db, fx.staff.id, TZ, NOW);
    expect(today).toMatchObject({ visits: 1, visitsWithRecommendation: 1, accepted: 1, vasVisits: 1 });
  });

  it('a second tap finds the visit voided and writes nothing more (safe to replay)', async () => {
    db = freshDb();
    const fx = await enrolledDevice(db);
    const visit = await servedVisit(fx, 30);
    await voidVisit(db, fx.actor, { visitId: visit.id, reason: '重复录入', timeZone: TZ }, NOW);
    const again = await voidVisit(db, fx.actor, { visitId: visit.id, reason: '重复录入', timeZone: TZ }, NOW).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(VoidRefusedError);
    expect((again as VoidRefusedError).refusal).toBe('already_voided');
    expect(await db.outbox.filter((e) => e.record.kind === 'visit_void').count()).toBe(1);
  });

  it.each([
    ['another person’s visit', 'not_own'],
    ['a visit of yesterday', 'other_day'],
    ['while a customer is being served', 'visit_open'],
    ['the open visit itself', 'visit_open'],
    ['without a reason', 'no_reason'],
    ['with a reason over the limit', 'no_reason'],
    ['a visit this tablet does not hold', 'unknown_visit'],
  ] as const)('refuses %s and writes nothing', async (_case, refusal) => {
    db = freshDb();
    const fx = await enrolledDevice(db);
    let visitId = (await servedVisit(fx, 30)).id;
    let reason = '录错了客户';
    if (_case === 'another person’s visit') {
      const colleague = { ...fx.actor, staffId: newId() };
      const theirs = await openVisit(db, colleague, { source: 'walk_in', business: 'inquiry' }, minutesBefore(20));
      await closeVisit(db, colleague, theirs.id, true, minutesBefore(19));
      visitId = theirs.id;
    } else if (_case === 'a visit of yesterday') {
      visitId = (await servedVisit(fx, 24 * 60)).id;
    } else if (_case === 'while a customer is being served') {
      await openVisit(db, fx.actor, { source: 'walk_in', business: 'inquiry' }, minutesBefore(5));
    } else if (_case === 'the open visit itself') {
      visitId = (await openVisit(db, fx.actor, { source: 'walk_in', business: 'inquiry' }, minutesBefore(5))).id;
    } else if (_case === 'without a reason') {
      reason = '   ';
    } else if (_case === 'with a reason over the limit') {
      reason = '字'.repeat(VOID_REASON_LIMIT + 1);
    } else {
      visitId = newId();
    }
    const before = await db.outbox.count();
    const failure = await voidVisit(db, fx.actor, { visitId, reason, timeZone: TZ }, NOW).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VoidRefusedError);
    expect((failure as VoidRefusedError).refusal).toBe(refusal);
    expect(await db.outbox.count()).toBe(before);
    expect(await db.visits.filter((v) => v.voided !== undefined).count()).toBe(0);
  });

  it('a failed write leaves neither the void nor the mark on the visit', async () => {
    db = freshDb();
    const fx = await enrolledDevice(db);
    const visit = await servedVisit(fx, 30);
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = await voidVisit(db, fx.actor, { visitId: visit.id, reason: '录错了客户', timeZone: TZ }, NOW).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreWriteError);
    expect((await db.visits.get(visit.id))?.voided).toBeUndefined();
    expect(await db.outbox.count()).toBe(3);
  });
});

describe('void rules', () => {
  const mine = 'me';
  const visit = (over: Partial<LocalVisit> = {}) => ({ staffId: mine, openedAt: '2026-03-05T01:00:00Z', closedAt: '2026-03-05T01:10:00Z', ...over });
  const ctx = { staffId: mine, openVisitId: null, timeZone: TZ, now: NOW };

  it.each([
    ['own closed visit of today', visit(), ctx, null],
    ['a colleague’s', visit({ staffId: 'them' }), ctx, 'not_own'],
    ['already voided', visit({ voided: { at: NOW.toISOString(), reason: 'x' } }), ctx, 'already_voided'],
    // 23:59 on the 4th in Shanghai is yesterday there, though the same UTC date as NOW.
    ['opened yesterday in the hall’s zone', visit({ openedAt: '2026-03-04T15:59:00Z' }), ctx, 'other_day'],
    ['opened at 00:00 today in the hall’s zone', visit({ openedAt: '2026-03-04T16:00:00Z' }), ctx, null],
    ['still open', visit({ closedAt: null }), ctx, 'visit_open'],
    ['another customer being served', visit(), { ...ctx, openVisitId: 'other' }, 'visit_open'],
  ] as const)('%s → %s', (_case, v, c, expected) => {
    expect(voidRefusal(v, c)).toBe(expected);
  });

  it('keeps the reason limit equal to the record schema’s, trimming first', () => {
    expect(VOID_REASON_LIMIT).toBe(VOID_REASON_MAX);
    expect(voidReasonOf(` ${'字'.repeat(VOID_REASON_MAX)} `)).toBe('字'.repeat(VOID_REASON_MAX));
    expect(voidReasonOf('字'.repeat(VOID_REASON_MAX + 1))).toBeNull();
    expect(voidReasonOf(' \n ')).toBeNull();
  });
});
