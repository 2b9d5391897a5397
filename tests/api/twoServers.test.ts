import { afterAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { API } from '../../src/shared/apiPaths.ts';
import { EnrolResponse } from '../../src/shared/schemas/auth.ts';
import { PullResponse, PushResponse } from '../../src/shared/schemas/sync.ts';
import type { Database } from '../../src/server/db/database.ts';
import { LATEST_SCHEMA_VERSION } from '../../src/server/db/migrate.ts';
import { demoCampaigns, DEMO_HALL, DEMO_STAFF } from '../../src/server/seed/demo.ts';
import { insertTestDevice, signEntries } from '../helpers/apiFixtures.ts';
import { demoClose, demoRecommendation, demoVisit, demoVoid } from '../helpers/demoRecords.ts';
import { type RunningServer, startServers } from '../helpers/e2eServer.ts';
import { type Rng, seededRng } from '../helpers/seededRandom.ts';
import { createServerStore, type ServerStore } from '../helpers/serverStore.ts';

/**
 * Two real server processes (main.ts) on one PostgreSQL database, started at the same moment on
 * an empty database, then 30 tablets pushing to both at random at once: overlapping ranges,
 * repeats, gaps, the same batch to both processes together, records refused and records sent
 * again under a new seq. Every answer is checked as it comes, and the database record by record
 * at the end: exactly once, nothing past a gap, one receipt per seq. Replay a failure with
 * TWO_SERVERS_SEED=<the seed in the message>.
 */

const SEED = Number(process.env.TWO_SERVERS_SEED ?? 20_260_611);
const DEVICES = 30;
/** Every HOLE_EVERY-th device never sends one seq in the middle: nothing after it may be stored. */
const HOLE_EVERY = 6;

type Status = 'accepted' | 'duplicate' | 'rejected';
interface Entry {
  seq: number;
  record: unknown;
  status: Status;
  error: string | null;
  recordId: string;
  /** accepted only: the table the record lands in. */
  table?: 'visits' | 'recommendations' | 'visit_closes' | 'visit_voids';
}

interface Tablet {
  index: number;
  deviceId: string;
  token: string;
  plan: Entry[];
  /** The seq this tablet never sends, if any. */
  hole: number | null;
  expectedAcked: number;
  /** Highest ackedThrough any answer has given. */
  known: number;
  sent: Set<number>;
  rng: Rng;
}

const TABLE_OF = { visit: 'visits', recommendation: 'recommendations', visit_close: 'visit_closes', visit_void: 'visit_voids' } as const;

/** A seeded outbox with what the server must make of each entry, decided here in advance. */
function planOutbox(deviceId: string, rng: Rng): Entry[] {
  const plan: Entry[] = [];
  const add = (record: { id: string; kind: keyof typeof TABLE_OF }, status: Status, error: string | null = null) => {
    const table = status === 'accepted' ? { table: TABLE_OF[record.kind] } : {};
    plan.push({ seq: plan.length + 1, record, status, error, recordId: record.id, ...table });
  };
  const target = rng.int(40, 90);
  while (plan.length < target) {
    const visit = demoVisit(deviceId);
    add(visit, 'accepted');
    if (rng.next() < 0.8) {
      const unknownCampaign = rng.next() < 0.1;
      const rec = demoRecommendation(deviceId, visit.id, unknownCampaign ? { campaignId: uuidv7() } : {});
      add(rec, unknownCampaign ? 'rejected' : 'accepted', unknownCampaign ? 'unknown_campaign' : null);
    }
    if (rng.next() < 0.1) add({ kind: 'visit', id: `broken-${plan.length}` }, 'rejected', 'invalid_record');
    if (rng.next() < 0.5) add(demoClose(deviceId, visit.id), 'accepted');
    if (rng.next() < 0.15) {
      add(demoVoid(deviceId, visit.id), 'accepted');
      if (rng.next() < 0.3) add(demoVoid(deviceId, visit.id), 'rejected', 'already_voided');
    }
    if (rng.next() < 0.1) {
      // The tablet sends a stored record again under a new seq (say after a restore): a duplicate.
      const earlier = rng.pick(plan.filter((e) => e.status === 'accepted'));
      add(earlier.record as { id: string; kind: keyof typeof TABLE_OF }, 'duplicate');
    }
  }
  return plan;
}

/** What a server holding `held` makes of a batch of these seqs: the highest seq with no gap below. */
function extend(held: number, seqs: readonly number[]): number {
  let h = held;
  for (const s of [...seqs].sort((a, b) => a - b)) {
    if (s <= h) continue;
    if (s !== h + 1) break;
    h = s;
  }
  return h;
}

function highestContiguous(sent: ReadonlySet<number>): number {
  let h = 0;
  while (sent.has(h + 1)) h++;
  return h;
}

async function pushOnce(database: Database, server: RunningServer, tablet: Tablet, seqs: number[]): Promise<void> {
  const knownAtSend = tablet.known;
  // Signed as the signed-in tablet signs them (the key issued on first use).
  const entries = await signEntries(database, tablet.rng.shuffle(seqs).map((seq) => ({ seq, record: tablet.plan[seq - 1]!.record })));
  for (const s of seqs) tablet.sent.add(s);
  const res = await fetch(`${server.url}${API.push}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` },
    body: JSON.stringify({ entries }),
  });
  const where = `seed ${SEED}, tablet ${tablet.index}, push of ${Math.min(...seqs)}..${Math.max(...seqs)} to ${server.url}`;
  expect(res.status, where).toBe(200);
  const answer = PushResponse.parse(await res.json());
  const acked = answer.ackedThrough;
  // The server held at least what it had answered before, and took this batch as far as it goes.
  expect(acked, where).toBeGreaterThanOrEqual(extend(knownAtSend, seqs));
  expect(extend(acked, seqs), `${where}: the answer leaves part of the batch unstored`).toBe(acked);
  expect(acked, where).toBeLessThanOrEqual(tablet.expectedAcked);
  const first = Math.min(...seqs);
  const rejected = tablet.plan.filter((e) => e.status === 'rejected' && e.seq >= first && e.seq <= Math.min(Math.max(...seqs), acked));
  expect(answer.rejected.map((r) => ({ seq: r.seq, error: r.error })), where).toEqual(rejected.map((e) => ({ seq: e.seq, error: e.error })));
  tablet.known = Math.max(tablet.known, acked);
}

/** Pushes at random until everything sendable is acknowledged, then repeats a few old batches. */
async function runTablet(database: Database, tablet: Tablet, servers: readonly RunningServer[]): Promise<void> {
  const { rng, plan } = tablet;
  let afterDone = 0;
  for (let step = 0; step < 500 && afterDone < 3; step++) {
    if (tablet.known === tablet.expectedAcked) afterDone++;
    const ahead = rng.next() < 0.15;
    const from = ahead ? tablet.known + 1 + rng.int(1, 4) : Math.max(1, tablet.known + 1 - rng.int(0, 8));
    const to = Math.min(plan.length, from + rng.int(0, 24));
    const seqs: number[] = [];
    for (let s = from; s <= to; s++) if (s !== tablet.hole) seqs.push(s);
    if (seqs.length === 0) continue;
    // One in four: the same batch to both processes at once (two tabs, a retry racing the original).
    const targets = rng.next() < 0.25 ? servers : [rng.pick(servers)];
    await Promise.all(targets.map((server) => pushOnce(database, server, tablet, seqs)));
  }
  expect(tablet.known, `seed ${SEED}, tablet ${tablet.index} never got everything acknowledged`).toBe(tablet.expectedAcked);
}

async function count(database: Database, table: 'halls' | 'staff' | 'campaigns' | 'talk_track_versions' | 'schema_version' | 'enrolment_codes') {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function enrol(server: RunningServer): Promise<{ deviceId: string; token: string }> {
  const res = await fetch(`${server.url}${API.enrol}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: server.enrolmentCode }),
  });
  expect(res.status).toBe(200);
  const body = EnrolResponse.parse(await res.json());
  return { deviceId: body.deviceId, token: body.deviceToken };
}

describe('postgres: two server processes on one database', () => {
  let store: ServerStore | undefined;
  let database: Database | undefined;
  let servers: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.destroy();
    await store?.cleanup();
  });

  it('start at the same moment on an empty database: migrated and seeded once, each with its own code', { timeout: 120_000 }, async () => {
    store = await createServerStore('postgres');
    servers = await startServers(2, store.serverOptions);
    database = store.open();
    const outputs = servers.map((s) => s.output());
    expect(outputs.filter((o) => o.includes('demo data seeded'))).toHaveLength(1);
    for (const o of outputs) expect(o).toContain(`schema version ${LATEST_SCHEMA_VERSION}`);
    expect(servers[0]!.enrolmentCode).not.toBe(servers[1]!.enrolmentCode);
    expect(await count(database, 'schema_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(await count(database, 'halls')).toBe(1);
    expect(await count(database, 'staff')).toBe(DEMO_STAFF.length);
    expect(await count(database, 'campaigns')).toBe(demoCampaigns().length);
    expect(await count(database, 'talk_track_versions')).toBe(demoCampaigns().length);
    expect(await count(database, 'enrolment_codes')).toBe(2);
  });

  it(`take pushes from ${DEVICES} tablets to both at random, each record exactly once`, { timeout: 180_000 }, async () => {
    if (database === undefined || servers.length !== 2) throw new Error('the servers did not start (see the test before)');
    const db = database.db;
    // Two tablets enrol through the codes the processes printed, one each; the rest are inserted.
    const devices = [await enrol(servers[0]!), await enrol(servers[1]!)];
    while (devices.length < DEVICES) devices.push(await insertTestDevice(database, DEMO_HALL.id).then((d) => ({ deviceId: d.id, token: d.token })));

    const tablets: Tablet[] = devices.map((d, index) => {
      const rng = seededRng(SEED + index);
      const plan = planOutbox(d.deviceId, rng);
      const hole = index % HOLE_EVERY === HOLE_EVERY - 1 ? rng.int(10, plan.length - 5) : null;
      return { index, deviceId: d.deviceId, token: d.token, plan, hole, expectedAcked: hole === null ? plan.length : hole - 1, known: 0, sent: new Set(), rng };
    });
    await Promise.all(tablets.map((t) => runTablet(database!, t, servers)));

    for (const t of tablets) {
      const where = `seed ${SEED}, tablet ${t.index}`;
      expect(highestContiguous(t.sent), where).toBe(t.expectedAcked);
      const device = await db.selectFrom('devices').select('acked_seq').where('id', '=', t.deviceId).executeTakeFirstOrThrow();
      expect(device.acked_seq, where).toBe(t.expectedAcked);
      const held = t.plan.filter((e) => e.seq <= t.expectedAcked);

      // One receipt per seq up to acked_seq, with the planned outcome; none past it.
      const receipts = await db.selectFrom('push_receipts').select(['seq', 'record_id', 'status', 'error']).where('device_id', '=', t.deviceId).orderBy('seq').execute();
      expect(receipts, where).toEqual(held.map((e) => ({ seq: e.seq, record_id: e.recordId, status: e.status, error: e.error })));

      // Each accepted record in the registry once, under the seq it was first accepted with …
      const registry = await db.selectFrom('field_records').select(['id', 'seq']).where('device_id', '=', t.deviceId).execute();
      const accepted = held.filter((e) => e.status === 'accepted');
      const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
      expect(registry.sort(bySeq), where).toEqual(accepted.map((e) => ({ id: e.recordId, seq: e.seq })));
      // … and in its own table once; nothing else of this tablet's anywhere.
      for (const table of ['visits', 'recommendations', 'visit_closes', 'visit_voids'] as const) {
        const rows = await db.selectFrom(table).select('id').where('device_id', '=', t.deviceId).execute();
        const want = accepted.filter((e) => e.table === table).map((e) => e.recordId);
        expect(rows.map((r) => r.id).sort(), `${where}, ${table}`).toEqual(want.sort());
      }
      // A void marks its visit, and only accepted voids do.
      const voided = await db.selectFrom('visits').select('id').where('device_id', '=', t.deviceId).where('voided_at', 'is not', null).execute();
      const voidedVisits = accepted.filter((e) => e.table === 'visit_voids').map((e) => (e.record as { visitId: string }).visitId);
      expect(voided.map((v) => v.id).sort(), where).toEqual(voidedVisits.sort());
    }

    // Both processes give every tablet the same acknowledgement in a pull.
    for (const t of tablets.filter((x) => x.index % 5 === 0)) {
      for (const server of servers) {
        const res = await fetch(`${server.url}${API.pull}`, { headers: { authorization: `Bearer ${t.token}` } });
        expect(PullResponse.parse(await res.json()).ackedThrough).toBe(t.expectedAcked);
      }
    }
  });
});
