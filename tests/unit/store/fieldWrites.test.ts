import { afterEach, describe, expect, it } from 'vitest';
import { addRecommendation, closeVisit, openVisit, VisitStateError } from '../../../src/client/db/fieldWrites.ts';
import { StoreWriteError } from '../../../src/client/db/errors.ts';
import { readMeta, type TalktrackDb } from '../../../src/client/db/db.ts';
import { FieldRecord } from '../../../src/shared/schemas/fieldRecords.ts';
import { enrolledDevice, freshDb } from '../../helpers/clientFixtures.ts';

let db: TalktrackDb;
afterEach(async () => {
  await db?.delete();
});

describe('field writes', () => {
  it('stores each record with an outbox entry numbered 1, 2, 3 in order', async () => {
    db = freshDb();
    const { actor, campaign, talkTrack } = await enrolledDevice(db);
    const visit = await openVisit(db, actor, { source: 'walk_in', business: 'bill_payment' });
    const rec = await addRecommendation(db, actor, {
      visitId: visit.id,
      campaignId: campaign.id,
      talkTrackVersionId: talkTrack.id,
      elementsSaid: ['name', 'price', 'price'],
      demoDeviceUsed: true,
      outcome: 'accepted',
      declineReason: null,
    });
    await closeVisit(db, actor, visit.id, false);

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.record.kind, e.record.id])).toEqual([
      [1, 'visit', visit.id],
      [2, 'recommendation', rec.id],
      [3, 'visit_close', outbox[2]!.record.id],
    ]);
    // Every queued record is one the server's schema accepts.
    for (const e of outbox) expect(FieldRecord.safeParse(e.record).success).toBe(true);
    expect(rec.elementsSaid).toEqual(['name', 'price']);
    expect((await db.visits.get(visit.id))?.closedAt).not.toBeNull();
    expect((await readMeta(db, 'sync'))?.nextSeq).toBe(4);
  });

  it('refuses a recommendation on a closed visit and queues nothing', async () => {
    db = freshDb();
    const { actor, campaign, talkTrack } = await enrolledDevice(db);
    const visit = await openVisit(db, actor, { source: 'referral', business: 'inquiry' });
    await closeVisit(db, actor, visit.id, true);
    await expect(
      addRecommendation(db, actor, {
        visitId: visit.id,
        campaignId: campaign.id,
        talkTrackVersionId: talkTrack.id,
        elementsSaid: [],
        demoDeviceUsed: false,
        outcome: 'considering',
        declineReason: null,
      }),
    ).rejects.toBeInstanceOf(VisitStateError);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.recommendations.count()).toBe(0);
  });

  it('a failed write leaves neither the record nor its outbox entry, and reports quota', async () => {
    db = freshDb();
    const { actor } = await enrolledDevice(db);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.outbox.hook('creating', () => {
      throw quota;
    });
    const failure = await openVisit(db, actor, { source: 'walk_in', business: 'other' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreWriteError);
    expect((failure as StoreWriteError).reason).toBe('quota');
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
