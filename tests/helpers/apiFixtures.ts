import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { EnrolResponse } from '../../src/shared/schemas/auth.ts';
import type {
  FieldRecord,
  RecommendationRecord,
  VisitCloseRecord,
  VisitRecord,
} from '../../src/shared/schemas/fieldRecords.ts';
import type { Campaign, Hall, TalkTrackVersion } from '../../src/shared/schemas/reference.ts';
import { importSigningKey, macOf, type RecordSig } from '../../src/shared/recordSignature.ts';
import type { PushEntry } from '../../src/shared/schemas/sync.ts';
import type { Database } from '../../src/server/db/database.ts';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import { insertCampaign } from '../../src/server/repos/campaigns.ts';
import { insertDevice } from '../../src/server/repos/devices.ts';
import { issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { issueSigningKey } from '../../src/server/repos/signingKeys.ts';
import { insertHall } from '../../src/server/repos/halls.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { insertTalkTrackVersion } from '../../src/server/repos/talkTracks.ts';

export const CONSULTANT_PIN = '246810';

export interface DeviceFixture {
  id: string;
  token: string;
}

export interface HallFixture {
  hall: Hall;
  consultantId: string;
  marketerId: string;
  inactiveId: string;
  campaign: Campaign;
  talkTrack: TalkTrackVersion;
  device: DeviceFixture;
}

const text = (zh: string) => ({ zh, en: `${zh} (en)` });

/** Enrols a new device of the hall through the API, as a tablet would. */
export async function enrolDevice(app: FastifyInstance, database: Database, hallId: string): Promise<DeviceFixture> {
  registerTestApp(app, database);
  const { code } = await issueEnrolmentCode(database.db, { hallId });
  const res = await app.inject({ method: 'POST', url: API.enrol, payload: { code, label: 'test tablet' } });
  expect(res.statusCode, res.body).toBe(200);
  const body = EnrolResponse.parse(res.json());
  return { id: body.deviceId, token: body.deviceToken };
}

/**
 * A new device of the hall, inserted with the repo function enrolment itself uses: one row,
 * for tests that need thousands of devices (the property tests) and test sync, not enrolment.
 */
export async function insertTestDevice(database: Database, hallId: string): Promise<DeviceFixture> {
  const device = { id: uuidv7(), token: newToken() };
  await insertDevice(database.db, { id: device.id, hallId, label: 'property test tablet', tokenHash: hashToken(device.token) });
  return device;
}

/** A hall with a consultant (PIN CONSULTANT_PIN), a floor marketer, an inactive consultant, a published campaign and an enrolled device. */
export async function seedHallFixture(app: FastifyInstance, database: Database): Promise<HallFixture> {
  registerTestApp(app, database);
  const { db } = database;
  const hall: Hall = { id: uuidv7(), name: text(`测试营业厅 ${Math.random().toString(36).slice(2, 6)}`), timeZone: 'Asia/Shanghai' };
  await insertHall(db, hall);
  const consultantId = uuidv7();
  const marketerId = uuidv7();
  const inactiveId = uuidv7();
  await insertStaff(db, { id: consultantId, hallId: hall.id, name: '测试员甲', role: 'consultant', active: true, secret: CONSULTANT_PIN });
  await insertStaff(db, { id: marketerId, hallId: hall.id, name: '测试员乙', role: 'floor_marketer', active: true, secret: '135790' });
  await insertStaff(db, { id: inactiveId, hallId: hall.id, name: '测试员丙', role: 'consultant', active: false, secret: null });
  const campaignId = uuidv7();
  const versionId = uuidv7();
  const campaign: Campaign = {
    id: campaignId,
    hallIds: [hall.id],
    title: text('测试活动'),
    offerCode: 'TEST-1',
    category: 'vas',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    focus: true,
    segmentNote: null,
    status: 'published',
    currentVersionId: versionId,
  };
  await insertCampaign(db, campaign);
  const talkTrack: TalkTrackVersion = {
    id: versionId,
    campaignId,
    version: 1,
    elements: {
      name: text('业务名称'),
      price: text('5元/月'),
      content: text('内容'),
      eligibility: text('条件'),
      validity: text('即时生效'),
      cancel: text('发送短信至10086'),
      restrictions: text('限制'),
    },
    opening: text('您好'),
    pitch: text('推荐'),
    objections: [{ question: text('贵吗'), answer: text('不贵') }],
    closing: text('谢谢'),
    publishedAt: '2026-01-01T09:00:00+08:00',
    publishedBy: null,
  };
  await insertTalkTrackVersion(db, talkTrack);
  const device = await enrolDevice(app, database, hall.id);
  return { hall, consultantId, marketerId, inactiveId, campaign, talkTrack, device };
}

const now = () => new Date().toISOString();

export function makeVisit(fx: HallFixture, overrides: Partial<VisitRecord> = {}): VisitRecord {
  return {
    kind: 'visit',
    v: 1,
    id: uuidv7(),
    hallId: fx.hall.id,
    deviceId: fx.device.id,
    staffId: fx.consultantId,
    openedAt: now(),
    source: 'walk_in',
    business: 'bill_payment',
    segment: null,
    ...overrides,
  };
}

export function makeRecommendation(
  fx: HallFixture,
  visitId: string,
  overrides: Partial<RecommendationRecord> = {},
): RecommendationRecord {
  return {
    kind: 'recommendation',
    v: 1,
    id: uuidv7(),
    hallId: fx.hall.id,
    deviceId: fx.device.id,
    staffId: fx.consultantId,
    visitId,
    campaignId: fx.campaign.id,
    talkTrackVersionId: fx.talkTrack.id,
    elementsSaid: ['name', 'price', 'cancel'],
    demoDeviceUsed: false,
    outcome: 'accepted',
    declineReason: null,
    recordedAt: now(),
    ...overrides,
  };
}

export function makeVisitClose(fx: HallFixture, visitId: string, overrides: Partial<VisitCloseRecord> = {}): VisitCloseRecord {
  return {
    kind: 'visit_close',
    v: 1,
    id: uuidv7(),
    hallId: fx.hall.id,
    deviceId: fx.device.id,
    staffId: fx.consultantId,
    visitId,
    closedAt: now(),
    noRecommendationConfirmed: false,
    ...overrides,
  };
}

/** A plausible outbox: visits, each followed by a recommendation, numbered from `firstSeq`. */
export function makeOutbox(fx: HallFixture, count: number): FieldRecord[] {
  const records: FieldRecord[] = [];
  while (records.length < count) {
    const visit = makeVisit(fx);
    records.push(visit);
    if (records.length < count) records.push(makeRecommendation(fx, visit.id));
  }
  return records;
}

/** Entries for records[from-1 .. to-1] with seq = position in the outbox (1-based). */
export function entries(records: readonly unknown[], from: number, to: number): PushEntry[] {
  const out: PushEntry[] = [];
  for (let seq = from; seq <= to; seq++) out.push({ seq, record: records[seq - 1] });
  return out;
}

/**
 * Signing, as a tablet does after its person signed in online: one key per (tablet, person), issued
 * the first time a test pushes a record of that person from that tablet and kept for the run.
 * Tests of refused signatures give an entry `sig` themselves (`sig: undefined` sends none).
 */
const databases = new WeakMap<FastifyInstance, Database>();
const signingKeys = new Map<string, Promise<{ keyId: string; key: CryptoKey } | null>>();

/** Lets `push` on this app issue the signing keys its records need (useApiApp and the fixtures call it). */
export function registerTestApp(app: FastifyInstance, database: Database): void {
  databases.set(app, database);
}

/** The key a test tablet signs this person's records with, issued on first use; null for no such person. */
export function testSigningKey(database: Database, deviceId: string, staffId: string): Promise<{ keyId: string; key: CryptoKey } | null> {
  const name = `${deviceId}:${staffId}`;
  let found = signingKeys.get(name);
  if (found === undefined) {
    found = (async () => {
      const staff = await database.db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst();
      const device = await database.db.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst();
      if (staff === undefined || device === undefined) return null;
      const issued = await issueSigningKey(database.db, { staffId, deviceId, now: new Date() });
      return { keyId: issued.id, key: await importSigningKey(issued.secret) };
    })();
    signingKeys.set(name, found);
  }
  return found;
}

/** Signs, with the shared tablet code, every entry that has no `sig` key and whose record names a tablet and a person. */
export async function signEntries<E extends { record: unknown }>(database: Database, list: readonly E[]): Promise<Array<E & { sig?: RecordSig }>> {
  return Promise.all(
    list.map(async (entry) => {
      if ('sig' in entry) return entry;
      const record = entry.record as { deviceId?: unknown; staffId?: unknown } | null;
      if (typeof record !== 'object' || record === null || typeof record.deviceId !== 'string' || typeof record.staffId !== 'string') return entry;
      const key = await testSigningKey(database, record.deviceId, record.staffId);
      if (key === null) return entry;
      return { ...entry, sig: { keyId: key.keyId, mac: await macOf(key.key, entry.record) } };
    }),
  );
}

export async function push(app: FastifyInstance, token: string, payload: unknown) {
  const database = databases.get(app);
  let body = payload;
  if (database !== undefined && typeof payload === 'object' && payload !== null && Array.isArray((payload as { entries?: unknown }).entries)) {
    const list = (payload as { entries: Array<{ record: unknown }> }).entries;
    body = { ...payload, entries: await signEntries(database, list) };
  }
  return app.inject({
    method: 'POST',
    url: API.push,
    headers: { authorization: `Bearer ${token}` },
    payload: body as object,
  });
}

/** Rows stored for a device, per table: what "nothing written" and "once each" are checked against. */
type DeviceTable = 'visits' | 'recommendations' | 'visit_closes' | 'field_records' | 'push_receipts';

async function countRows(database: Database, table: DeviceTable, deviceId: string): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('device_id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countStored(database: Database, deviceId: string) {
  const count = (table: DeviceTable) => countRows(database, table, deviceId);
  return {
    visits: await count('visits'),
    recommendations: await count('recommendations'),
    visitCloses: await count('visit_closes'),
    fieldRecords: await count('field_records'),
    receipts: await count('push_receipts'),
  };
}

export async function ackedSeq(database: Database, deviceId: string): Promise<number> {
  const row = await database.db.selectFrom('devices').select('acked_seq').where('id', '=', deviceId).executeTakeFirstOrThrow();
  return row.acked_seq;
}

/**
 * The same counts as countStored, found through the field-record registry's (device_id, seq)
 * index: stays fast when the database holds thousands of other devices' records (the property
 * tests), where a scan of every visit per check would grow with the run.
 */
export async function countStoredByRegistry(database: Database, deviceId: string) {
  const { db } = database;
  const count = async (table: 'visits' | 'recommendations' | 'visit_closes') => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from field_records f join ${sql.table(table)} t on t.id = f.id
      where f.device_id = ${deviceId} and t.device_id = ${deviceId}`.execute(db);
    return Number(rows[0]!.n);
  };
  return {
    visits: await count('visits'),
    recommendations: await count('recommendations'),
    visitCloses: await count('visit_closes'),
    fieldRecords: await countRows(database, 'field_records', deviceId),
    receipts: await countRows(database, 'push_receipts', deviceId),
  };
}

/** Rows of every device, per table. */
export async function countAllStored(database: Database) {
  const { db } = database;
  const count = async (table: 'visits' | 'recommendations' | 'visit_closes' | 'field_records' | 'push_receipts') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    visits: await count('visits'),
    recommendations: await count('recommendations'),
    visitCloses: await count('visit_closes'),
    fieldRecords: await count('field_records'),
    receipts: await count('push_receipts'),
  };
}
