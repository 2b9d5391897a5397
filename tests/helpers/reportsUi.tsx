import { configure, type RenderResult } from '@testing-library/preact';
import type { FastifyInstance } from 'fastify';
import { SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import type { DeclineReason, Outcome } from '../../src/shared/schemas/fieldRecords.ts';
import { MUST_SAY_KEYS, type MustSayKey } from '../../src/shared/mustSay.ts';
import { createApiClient, type FetchLike } from '../../src/client/api/http.ts';
import type { Services } from '../../src/client/app/services.ts';
import { INITIAL_SYNC_STATE, type TalktrackDb, writeMeta } from '../../src/client/db/db.ts';
import { type Actor, addRecommendation, closeVisit, openVisit, voidVisit } from '../../src/client/db/fieldWrites.ts';
import { applyPull } from '../../src/client/db/referenceStore.ts';
import { syncOnce } from '../../src/client/sync/engine.ts';
import { importSigningKey, macOf } from '../../src/shared/recordSignature.ts';
import type { Database } from '../../src/server/db/database.ts';
import { injectFetch } from './injectFetch.ts';
import { type ManageHall, pull, seedManageHall, type SignedIn } from './manageFixtures.ts';
import { addCampaign } from './reportFixtures.ts';
import { type FakeSync, fakeSync, makeDb, renderApp } from './uiFixtures.tsx';

// The reports are a lazily loaded chunk (and chart.js another); every request goes through the real server.
configure({ asyncUtilTimeout: 8_000 });
window.scrollTo = () => undefined;

export type Who = 'manager' | 'admin' | 'consultant' | 'marketer';

export interface ReportsUi {
  hall: ManageHall;
  db: TalktrackDb;
  services: Services & { sync: FakeSync };
  /** Every URL this browser asked the server for, in order. */
  urls: string[];
  person: SignedIn;
  view: RenderResult | null;
  render: (path: string) => RenderResult;
}

/**
 * A browser enrolled in a real hall on the real server (fastify on SQLite through inject), its
 * reference data pulled, `who` signed in (online unless `signedInOffline`); `network: 'down'`
 * makes every request fail as if the cable were out. Renders at `path` unless it is null.
 */
export async function reportsUi(
  ctx: { app: FastifyInstance; database: Database },
  options: { who?: Who; signedInOffline?: boolean; network?: 'up' | 'down'; path?: string | null; hall?: ManageHall } = {},
): Promise<ReportsUi> {
  const { app, database } = ctx;
  const hall = options.hall ?? (await seedManageHall(app, database));
  const person = hall[options.who ?? 'manager'];
  const db = makeDb();
  const { device } = hall.fx;
  await writeMeta(db, 'enrolment', { deviceId: device.id, deviceToken: device.token, hall: hall.fx.hall, enrolledAt: new Date().toISOString() });
  await writeMeta(db, 'sync', INITIAL_SYNC_STATE);
  await applyPull(db, await pull(app, hall.fx.device.token));
  await writeMeta(db, 'signedIn', {
    staffId: person.staffId,
    signedInAt: new Date().toISOString(),
    sessionToken: options.signedInOffline ? null : person.headers[SESSION_HEADER]!,
    signingKey: { id: person.signingKey.id, key: await importSigningKey(person.signingKey.secret) },
  });
  hallOfTablet.set(db, hall);
  const urls: string[] = [];
  const server = injectFetch(app);
  const network = { state: options.network ?? 'up' };
  const fetch: FetchLike = (input, init) => {
    urls.push(input);
    if (network.state === 'down') return Promise.reject(new TypeError('Failed to fetch (test network down)'));
    return server(input, init);
  };
  const services = { db, api: createApiClient('', fetch), sync: fakeSync() };
  const ui: ReportsUi = {
    hall,
    db,
    services,
    urls,
    person,
    view: null,
    render(path: string) {
      history.replaceState(null, '', path);
      ui.view = renderApp(services);
      return ui.view;
    },
  };
  if (options.path !== null) ui.render(options.path ?? '/reports');
  return ui;
}

/** The requests to one API path, query strings parsed. */
export function requestsTo(urls: readonly string[], path: string): URLSearchParams[] {
  return urls.filter((u) => u.split('?')[0] === path).map((u) => new URLSearchParams(u.split('?')[1] ?? ''));
}

export interface Served {
  outcome?: Outcome;
  declineReason?: DeclineReason;
  said?: readonly MustSayKey[];
  campaignId: string;
  talkTrackVersionId: string;
}

/** The hall each test tablet belongs to: its people signed in on it online, so each holds a key. */
const hallOfTablet = new WeakMap<TalktrackDb, ManageHall>();

/**
 * Several people serve on one test tablet without signing in and out between customers: each
 * waiting unsigned record is signed with the key its maker got when signing in on this tablet,
 * as the app would have signed it had they been the one signed in.
 */
async function signAsTheirMakers(db: TalktrackDb): Promise<void> {
  const hall = hallOfTablet.get(db);
  if (!hall) return;
  const people: readonly Who[] = ['manager', 'admin', 'consultant', 'marketer'];
  const keys = new Map(people.map((who) => [hall[who].staffId, hall[who].signingKey]));
  const unsigned = (await db.outbox.where('status').equals('pending').toArray()).filter((e) => e.sig === undefined);
  for (const entry of unsigned) {
    const secret = keys.get(entry.record.staffId);
    if (!secret) continue;
    const sig = { keyId: secret.id, mac: await macOf(await importSigningKey(secret.secret), entry.record) };
    await db.outbox.update(entry.seq, { sig });
  }
}

/** A visit served on this tablet (records written as the counter writes them): its recommendations, then closed. */
export async function serve(db: TalktrackDb, actor: Actor, recs: readonly Served[], at = new Date()): Promise<string> {
  const visit = await openVisit(db, actor, { source: 'walk_in', business: 'plan_change' }, at);
  for (const r of recs) {
    await addRecommendation(
      db,
      actor,
      {
        visitId: visit.id,
        campaignId: r.campaignId,
        talkTrackVersionId: r.talkTrackVersionId,
        elementsSaid: r.said ?? [],
        demoDeviceUsed: false,
        outcome: r.outcome ?? 'accepted',
        declineReason: r.outcome === 'declined' ? (r.declineReason ?? 'price') : null,
      },
      at,
    );
  }
  await closeVisit(db, actor, visit.id, recs.length === 0, at);
  await signAsTheirMakers(db);
  return visit.id;
}

/** Sends this tablet's outbox through the real sync engine and expects every record stored. */
export async function syncTablet(ui: Pick<ReportsUi, 'db' | 'services'>): Promise<void> {
  await signAsTheirMakers(ui.db);
  const outcome = await syncOnce({ db: ui.db, api: ui.services.api });
  if (outcome.kind !== 'done' || outcome.rejected > 0) throw new Error(`sync did not store everything: ${JSON.stringify(outcome)}`);
}

export const actorOf = (hall: ManageHall, who: SignedIn): Actor => ({ hallId: hall.fx.hall.id, deviceId: hall.fx.device.id, staffId: who.staffId });

/**
 * A hall with a second campaign (voice_data, beside the fixture's VAS one) and a day on this
 * tablet: the consultant serves three customers (VAS accepted with all seven said; voice
 * declined with three said; nothing recommended) plus one they void; the floor marketer one
 * (VAS, considering, all seven said).
 *
 * hall: 4 visits, 3 with a recommendation, 3 recommendations, 1 accepted, 1 VAS visit, 17 elements, 2 full.
 */
export async function seedReportHall(ctx: { app: FastifyInstance; database: Database }) {
  const hall = await seedManageHall(ctx.app, ctx.database);
  const voice = await addCampaign(ctx.database, hall.fx, { category: 'voice_data', title: '5G畅享套餐' });
  return { hall, voice: { campaign: voice.campaign, talkTrack: voice.talkTracks[0]! } };
}

export async function serveScenario(
  ui: Pick<ReportsUi, 'db' | 'hall'>,
  voice: { campaign: { id: string }; talkTrack: { id: string } },
  at = new Date(),
): Promise<{ attention: string; voided: string; consultantVisits: string[] }> {
  const { db, hall } = ui;
  const vas = { campaignId: hall.fx.campaign.id, talkTrackVersionId: hall.fx.talkTrack.id };
  const voiceRec = { campaignId: voice.campaign.id, talkTrackVersionId: voice.talkTrack.id };
  const consultant = actorOf(hall, hall.consultant);
  const marketer = actorOf(hall, hall.marketer);
  const a = await serve(db, consultant, [{ ...vas, outcome: 'accepted', said: MUST_SAY_KEYS }], at);
  const b = await serve(db, consultant, [{ ...voiceRec, outcome: 'declined', declineReason: 'price', said: ['name', 'price', 'cancel'] }], at);
  const attention = await serve(db, consultant, [], at);
  const voided = await serve(db, consultant, [{ ...vas, outcome: 'accepted', said: MUST_SAY_KEYS }], at);
  await voidVisit(db, consultant, { visitId: voided, reason: '录错了客户', timeZone: hall.fx.hall.timeZone }, at);
  await serve(db, marketer, [{ ...vas, outcome: 'considering', said: MUST_SAY_KEYS }], at);
  return { attention, voided, consultantVisits: [a, b, attention] };
}
