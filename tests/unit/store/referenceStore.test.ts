import { afterEach, describe, expect, it } from 'vitest';
import { readMeta, type TalktrackDb, writeMeta } from '../../../src/client/db/db.ts';
import { addRecommendation, openVisit } from '../../../src/client/db/fieldWrites.ts';
import { applyPull } from '../../../src/client/db/referenceStore.ts';
import { personName } from '../../../src/client/i18n/index.ts';
import type { PullResponse } from '../../../src/shared/schemas/sync.ts';
import { enrolledDevice, freshDb, makeStaff } from '../../helpers/clientFixtures.ts';

let db: TalktrackDb;
afterEach(async () => {
  await db?.delete();
});

function pullOf(hall: PullResponse['hall'], overrides: Partial<PullResponse> = {}): PullResponse {
  return { cursor: 'c1', serverTime: new Date().toISOString(), hall, staff: [], campaigns: [], talkTracks: [], ackedThrough: 0, removed: [], demo: false, ...overrides };
}

describe('applying a pull', () => {
  it('deletes the people who left the hall, keeps every record they made and every outbox entry', async () => {
    db = freshDb();
    const { hall, staff, actor, campaign, talkTrack } = await enrolledDevice(db);
    const stays = makeStaff(hall, '李娜');
    await db.staff.put(stays);
    const visit = await openVisit(db, actor, { source: 'walk_in', business: 'inquiry' });
    await addRecommendation(db, actor, {
      visitId: visit.id,
      campaignId: campaign.id,
      talkTrackVersionId: talkTrack.id,
      elementsSaid: ['name'],
      demoDeviceUsed: false,
      outcome: 'declined',
      declineReason: 'price',
    });
    await db.pinFailures.put({ staffId: staff.id, count: 3, lockedUntil: null });

    await applyPull(db, pullOf(hall, { removed: [{ kind: 'staff', id: staff.id }] }));

    expect(await db.staff.get(staff.id)).toBeUndefined();
    expect(await db.pinFailures.get(staff.id)).toBeUndefined();
    expect(await db.staff.get(stays.id)).toEqual(stays);
    expect(await db.visits.count()).toBe(1);
    expect(await db.recommendations.count()).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.record.kind)).toEqual(['visit', 'recommendation']);
    expect((await readMeta(db, 'sync'))?.cursor).toBe('c1');
  });

  it('signs the removed person out on this tablet, and no one else', async () => {
    db = freshDb();
    const { hall, staff } = await enrolledDevice(db);
    const other = makeStaff(hall, '李娜');
    await db.staff.put(other);
    await writeMeta(db, 'signedIn', { staffId: staff.id, signedInAt: new Date().toISOString(), sessionToken: 's' });

    await applyPull(db, pullOf(hall, { removed: [{ kind: 'staff', id: other.id }] }));
    expect((await readMeta(db, 'signedIn'))?.staffId).toBe(staff.id);

    await applyPull(db, pullOf(hall, { removed: [{ kind: 'staff', id: staff.id }] }));
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });

  it('keeps a person removed and pulled again in the same answer (moved away and back)', async () => {
    db = freshDb();
    const { hall, staff } = await enrolledDevice(db);
    await writeMeta(db, 'signedIn', { staffId: staff.id, signedInAt: new Date().toISOString(), sessionToken: 's' });
    const back = { ...staff, name: '王芳（回来）' };
    await applyPull(db, pullOf(hall, { removed: [{ kind: 'staff', id: staff.id }], staff: [back] }));
    expect(await db.staff.get(staff.id)).toEqual(back);
    expect((await readMeta(db, 'signedIn'))?.staffId).toBe(staff.id);
  });

  it('keeps whether the hall is the demo with the enrolment', async () => {
    db = freshDb();
    const { hall } = await enrolledDevice(db);
    await applyPull(db, pullOf(hall, { demo: true }));
    expect((await readMeta(db, 'enrolment'))?.demo).toBe(true);
    await applyPull(db, pullOf(hall, { demo: false }));
    expect((await readMeta(db, 'enrolment'))?.demo).toBe(false);
  });
});

describe('a person’s name', () => {
  it.each([
    [{ name: '李娜', nameEn: 'Li Na' }, 'zh-CN', '李娜'],
    [{ name: '李娜', nameEn: 'Li Na' }, 'en', 'Li Na'],
    [{ name: '李娜', nameEn: null }, 'en', '李娜'],
    [{ name: '李娜', nameEn: '  ' }, 'en', '李娜'],
    [{ name: '李娜' }, 'en', '李娜'],
  ] as const)('%j in %s is %s', (person, lang, shown) => {
    expect(personName(person, lang)).toBe(shown);
  });
});
