import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import type { Campaign, Hall, StaffMember, TalkTrackVersion } from '../../src/shared/schemas/reference.ts';
import { TalktrackDb, writeMeta } from '../../src/client/db/db.ts';
import { newId } from '../../src/client/db/uuid.ts';
import type { Actor } from '../../src/client/db/fieldWrites.ts';

let dbCounter = 0;

/** A fresh, empty device database with a unique name, so tests never share state. */
export function freshDb(): TalktrackDb {
  dbCounter += 1;
  return new TalktrackDb(`talktrack-test-${process.pid}-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export function makeHall(): Hall {
  return { id: newId(), name: { zh: '测试营业厅', en: 'Test Hall' }, timeZone: 'Asia/Shanghai' };
}

export function makeStaff(hall: Hall, name: string, role: StaffMember['role'] = 'consultant'): StaffMember {
  return { id: newId(), hallId: hall.id, name, role, active: true };
}

export function makeCampaign(
  hall: Hall,
  overrides: Partial<Campaign> = {},
): { campaign: Campaign; talkTrack: TalkTrackVersion } {
  const campaignId = overrides.id ?? newId();
  const talkTrack: TalkTrackVersion = {
    id: newId(),
    campaignId,
    version: 1,
    elements: Object.fromEntries(MUST_SAY_KEYS.map((k) => [k, { zh: `${k} 说明`, en: `${k} text` }])) as TalkTrackVersion['elements'],
    opening: { zh: '您好', en: 'Hello' },
    pitch: { zh: '推荐', en: 'Pitch' },
    objections: [{ question: { zh: '贵吗？', en: 'Expensive?' }, answer: { zh: '不贵', en: 'No' } }],
    closing: { zh: '谢谢', en: 'Thanks' },
    publishedAt: '2026-01-01T00:00:00.000Z',
    publishedBy: null,
  };
  const campaign: Campaign = {
    id: campaignId,
    hallIds: [hall.id],
    title: { zh: '流量包', en: 'Data pack' },
    offerCode: 'DP' + Math.floor(Math.random() * 1e6),
    category: 'voice_data',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    focus: false,
    segmentNote: null,
    status: 'published',
    currentVersionId: talkTrack.id,
    ...overrides,
  };
  return { campaign, talkTrack };
}

/** An enrolled device with one hall, one consultant and one campaign. */
export async function enrolledDevice(db: TalktrackDb) {
  const hall = makeHall();
  const staff = makeStaff(hall, '王芳');
  const { campaign, talkTrack } = makeCampaign(hall, { category: 'vas' });
  const deviceId = newId();
  await writeMeta(db, 'enrolment', { deviceId, deviceToken: 'token', hall, enrolledAt: new Date().toISOString() });
  await db.staff.put(staff);
  await db.campaigns.put(campaign);
  await db.talkTracks.put(talkTrack);
  const actor: Actor = { hallId: hall.id, deviceId, staffId: staff.id };
  return { hall, staff, campaign, talkTrack, deviceId, actor };
}
