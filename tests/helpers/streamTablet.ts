import 'fake-indexeddb/auto';
import { API } from '../../src/shared/apiPaths.ts';
import { EnrolResponse } from '../../src/shared/schemas/auth.ts';
import { createApiClient } from '../../src/client/api/http.ts';
import { signIn } from '../../src/client/auth/session.ts';
import { INITIAL_SYNC_STATE, readMeta, TalktrackDb, writeMeta } from '../../src/client/db/db.ts';
import { type Actor, addRecommendation, closeVisit, openVisit } from '../../src/client/db/fieldWrites.ts';
import { syncOnce, type SyncOutcome } from '../../src/client/sync/engine.ts';
import { demoCampaigns, DEMO_HALL, DEMO_STAFF } from '../../src/server/seed/demo.ts';

/**
 * A counter tablet of the demo hall that a real server process (main.ts) seeded: enrolled over
 * HTTP with a one-time code, its own IndexedDB (fake-indexeddb), the consultant signed in online
 * (so every record is signed with their key), the real field writes and the real sync engine. `stream` keeps a set of them serving customers and syncing after each one.
 */
export interface StreamTablet {
  deviceId: string;
  db: TalktrackDb;
  /** Every record it wrote, by id. */
  written: Set<string>;
  /** Customers served and synced so far (by serveAndSync). */
  rounds: number;
  /** Points the tablet at another server address (a restarted server listens on a new port). */
  useServer(url: string): void;
  serveCustomer(): Promise<void>;
  sync(): Promise<SyncOutcome>;
  /** One customer, then a sync that must finish (the server is up). */
  serveAndSync(): Promise<void>;
  /** What the server has acknowledged to this tablet so far: its number, and the records up to it. */
  acknowledged(): Promise<{ through: number; ids: string[] }>;
  /** Resolves once `rounds` reaches n. */
  reached(n: number): Promise<void>;
  close(): Promise<void>;
}

const consultant = DEMO_STAFF.find((s) => s.role === 'consultant')!;
const firstCampaign = () => demoCampaigns()[0]!;

export async function enrolStreamTablet(url: string, code: string, name: string): Promise<StreamTablet> {
  const res = await fetch(`${url}${API.enrol}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, label: name }) });
  if (res.status !== 200) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
  const enrolled = EnrolResponse.parse(await res.json());
  const db = new TalktrackDb(`${name}-${process.pid}-${Date.now()}`);
  await writeMeta(db, 'enrolment', { deviceId: enrolled.deviceId, deviceToken: enrolled.deviceToken, hall: enrolled.hall, enrolledAt: new Date().toISOString() });
  const actor: Actor = { hallId: DEMO_HALL.id, deviceId: enrolled.deviceId, staffId: consultant.id };
  let api = createApiClient(url);
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  // The first sync pulls the hall's people; then the consultant signs in online as at the counter.
  const first = await syncOnce({ db, api });
  if (first.kind !== 'done') throw new Error(`tablet ${name}: first sync ${JSON.stringify(first)}`);
  const signedIn = await signIn(db, api, consultant.id, consultant.secret);
  if (!signedIn.ok) throw new Error(`tablet ${name}: sign-in refused: ${JSON.stringify(signedIn)}`);

  const tablet: StreamTablet = {
    deviceId: enrolled.deviceId,
    db,
    written: new Set(),
    rounds: 0,
    useServer(next) {
      api = createApiClient(next);
    },
    async serveCustomer() {
      const visit = await openVisit(db, actor, { source: 'walk_in', business: 'plan_change' });
      const rec = await addRecommendation(db, actor, {
        visitId: visit.id,
        campaignId: firstCampaign().campaign.id,
        talkTrackVersionId: firstCampaign().versionId,
        elementsSaid: ['name', 'price', 'cancel'],
        demoDeviceUsed: false,
        outcome: 'accepted',
        declineReason: null,
      });
      const close = await closeVisit(db, actor, visit.id, false);
      for (const id of [visit.id, rec.id, close.id]) tablet.written.add(id);
    },
    sync: () => syncOnce({ db, api }),
    async serveAndSync() {
      await tablet.serveCustomer();
      const outcome = await tablet.sync();
      if (outcome.kind !== 'done') throw new Error(`tablet ${tablet.deviceId}: sync ${JSON.stringify(outcome)}`);
      tablet.rounds++;
      for (const w of waiters.filter((w) => w.n <= tablet.rounds)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
    async acknowledged() {
      const through = ((await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE).ackedThrough;
      const entries = await db.outbox.where('seq').belowOrEqual(through).toArray();
      return { through, ids: entries.map((e) => e.record.id) };
    },
    reached(n) {
      return tablet.rounds >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
    },
    async close() {
      await db.delete();
    },
  };
  return tablet;
}

/** Each tablet serves a customer and syncs, again and again, all at once, until `control.stop`. */
export async function stream(tablets: readonly StreamTablet[], control: { stop: boolean }): Promise<void> {
  await Promise.all(
    tablets.map(async (tablet) => {
      while (!control.stop) await tablet.serveAndSync();
    }),
  );
}
