import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, fillPath, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { CAMPAIGN_FILE_FORMAT } from '../../src/shared/campaignFile.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { BODY_LIMIT, buildApp } from '../../src/server/app.ts';
import type { Database, Engine } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../helpers/apiEngines.ts';
import {
  ackedSeq,
  type DeviceFixture,
  enrolDevice,
  type HallFixture,
  makeRecommendation,
  makeVisit,
  makeVisitClose,
  seedHallFixture,
} from '../helpers/apiFixtures.ts';
import { type IgnoredColumns, snapshotDatabase } from '../helpers/dbSnapshot.ts';
import { EVERY_KIND, type FuzzCase, fuzzCase, parsesAsJson, type RenderedBody, render, sweep } from '../helpers/fuzzBodies.ts';
import { completeDraft, type ManageHall, seedManageHall } from '../helpers/manageFixtures.ts';

/**
 * Every write endpoint (POST, PUT, PATCH, DELETE, found in the app's own route table) gets
 * malformed, oversized, wrongly typed and hostile bodies, with valid credentials so that the body
 * parser and validation are reached. Every answer is a 4xx with a JSON {error, message}, never a
 * 5xx; the server answers health after each batch; the database holds what it held before, except
 * what an endpoint writes for refused input by design (`mayChange`, with the reason).
 *
 * Each endpoint's template is a body that is refused even when it arrives intact (an unknown code,
 * a campaign that does not exist, another hall), so no spoiled variant of it can be a real write.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
/** Random cases per endpoint and engine, after one case of each kind (EVERY_KIND) and the sweep of its template's fields. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const HEALTH_EVERY = 20;

interface FuzzWorld {
  app: FastifyInstance;
  database: Database;
  hall: ManageHall;
  otherHall: HallFixture;
  /** The device that pushes and signs in (its acked seq moves as refused records are receipted). */
  device: DeviceFixture;
  /** An active consultant with a PIN: wrong PINs lock them, as they would anyone. */
  pinTarget: string;
}

interface EndpointSpec {
  headers(w: FuzzWorld): Record<string, string>;
  params?(w: FuzzWorld): Record<string, string>;
  /** A body the endpoint refuses even unspoilt. */
  template(w: FuzzWorld): unknown | Promise<unknown>;
  /** The route reads no body: one that parses is ignored (2xx); one that does not is refused. */
  ignoresBody?: true;
  /** Push sets refused records aside with a reason and answers 200 (nothing is stored). */
  answersRefusedRecords?: true;
  /** What the endpoint writes for refused input, by design. */
  mayChange?: { ignore: IgnoredColumns; why: string };
}

/**
 * Written by every authenticated request, refused or not: when a device was last seen (its token's
 * expiry runs from it) and last pushed, and the highest seq it offered (what a revoked device lost).
 */
const DEVICE_BOOKKEEPING = ['last_seen_at', 'last_push_at', 'max_offered_seq'];

const device = (w: FuzzWorld) => ({ authorization: `Bearer ${w.device.token}` });
const manager = (w: FuzzWorld) => w.hall.manager.headers;
const admin = (w: FuzzWorld) => w.hall.admin.headers;
const missingCampaign = () => ({ campaignId: uuidv7() });
const missingPerson = () => ({ staffId: uuidv7() });

/** A campaign file that passes the JSON parser but not the format check: import refuses it whole. */
function refusedCampaignFile(hallId: string): string {
  const { hallIds: _, ...content } = completeDraft([hallId]);
  return JSON.stringify(
    { format: CAMPAIGN_FILE_FORMAT, formatVersion: "'; drop table campaigns; --", exportedAt: '<script>', campaigns: [content] },
    null,
    2,
  );
}

/**
 * Records the push refuses one by one: well-formed ones the rules refuse (a visit of a stranger, a
 * recommendation and a close of a visit never sent) and one the schema refuses (a hostile id).
 */
async function refusedPush(w: FuzzWorld): Promise<unknown> {
  const fx = { ...w.hall.fx, device: w.device };
  const held = await ackedSeq(w.database, w.device.id);
  const records = [
    makeVisit(fx, { staffId: uuidv7(), segment: '<script>alert(1)</script>' }),
    makeRecommendation(fx, uuidv7()),
    { ...makeVisit(fx), id: "'; drop table visits; --" },
    makeVisitClose(fx, uuidv7()),
  ];
  return { entries: records.map((record, i) => ({ seq: held + i + 1, record })) };
}

const SPECS: Record<string, EndpointSpec> = {
  [`POST ${API.enrol}`]: {
    headers: () => ({}),
    template: () => ({ code: 'FUZZ-0000-0000', label: 'fuzz tablet' }),
  },
  [`POST ${API.sessions}`]: {
    headers: device,
    template: (w) => ({ staffId: w.pinTarget, pin: '0000' }),
    mayChange: {
      ignore: { staff: ['failed_pin_count', 'locked_until'] },
      why: 'a well-formed wrong PIN counts towards the lockout, whoever sends it',
    },
  },
  [`DELETE ${API.currentSession}`]: {
    headers: (w) => ({ ...device(w), [SESSION_HEADER]: `unknown-${uuidv7()}` }),
    template: () => ({}),
    ignoresBody: true,
  },
  [`POST ${API.push}`]: {
    headers: device,
    template: refusedPush,
    answersRefusedRecords: true,
    mayChange: {
      ignore: { push_receipts: 'whole table', held_records: 'whole table', devices: [...DEVICE_BOOKKEEPING, 'acked_seq'] },
      why: 'a refused record is set aside with a receipt (and kept for a manager) and the device moves past it, so one bad record never blocks the queue',
    },
  },
  [`POST ${API.manageCampaigns}`]: {
    headers: manager,
    // Another hall's campaign: a manager may not create it, however well-formed.
    template: (w) => ({ draft: completeDraft([w.otherHall.hall.id]) }),
  },
  [`PUT ${API.manageCampaignDraft}`]: {
    headers: manager,
    params: missingCampaign,
    template: (w) => ({ expectedEditVersion: 0, draft: completeDraft([w.hall.fx.hall.id]) }),
  },
  [`POST ${API.manageCampaignPublish}`]: { headers: manager, params: missingCampaign, template: () => ({ expectedEditVersion: 0 }) },
  [`POST ${API.manageCampaignRetire}`]: { headers: manager, params: missingCampaign, template: () => ({ expectedEditVersion: 0 }) },
  [`POST ${API.manageCampaignDuplicate}`]: { headers: manager, params: missingCampaign, template: () => ({ expectedEditVersion: 0 }) },
  [`POST ${API.manageCampaignImport}`]: {
    headers: manager,
    template: (w) => ({ fileText: refusedCampaignFile(w.hall.fx.hall.id), hallIds: [w.hall.fx.hall.id] }),
  },
  // Revoking a device or a person's sessions that do not exist: refused whatever the body says.
  [`POST ${API.adminDeviceRevoke}`]: { headers: manager, params: () => ({ deviceId: uuidv7() }), template: () => ({}) },
  [`POST ${API.adminStaffSessionsRevoke}`]: { headers: manager, params: () => ({ staffId: uuidv7() }), template: () => ({}) },
  // Deciding on a held record that does not exist: refused whatever the note says.
  [`POST ${API.adminHeldRecordAccept}`]: { headers: manager, params: () => ({ heldId: uuidv7() }), template: () => ({ note: 'fuzz' }) },
  [`POST ${API.adminHeldRecordDiscard}`]: { headers: manager, params: () => ({ heldId: uuidv7() }), template: () => ({ note: 'fuzz' }) },
  // A code for another hall (a manager may not issue it) without a device name (refused by itself):
  // a spoilt hallId leaves the empty name, a spoilt name leaves the other hall.
  [`POST ${API.adminEnrolmentCodes}`]: { headers: manager, template: (w) => ({ hallId: w.otherHall.hall.id, deviceName: '' }) },
  // Cancelling a code that does not exist: refused whatever the body says.
  [`DELETE ${API.adminEnrolmentCode}`]: { headers: manager, params: () => ({ codeId: uuidv7() }), template: () => ({}) },
  // Halls: an admin, with a time zone no runtime knows, or a hall that does not exist.
  [`POST ${API.adminHalls}`]: { headers: admin, template: () => ({ name: { zh: '模糊厅', en: 'Fuzz' }, timeZone: 'Mars/Olympus', address: '火星' }) },
  [`PATCH ${API.adminHall}`]: { headers: admin, params: () => ({ hallId: uuidv7() }), template: () => ({ name: { zh: '改名' }, address: null, active: true }) },
  // People: another hall's, or someone who does not exist.
  [`POST ${API.adminPeople}`]: {
    headers: manager,
    template: (w) => ({ hallId: w.otherHall.hall.id, name: '模糊', nameEn: 'Fuzz', staffNo: 'F-1', role: 'consultant' }),
  },
  [`PATCH ${API.adminPerson}`]: { headers: manager, params: missingPerson, template: () => ({ name: '改名', nameEn: null, staffNo: 'F-2', role: 'consultant' }) },
  [`POST ${API.adminPersonPin}`]: { headers: manager, params: missingPerson, template: () => ({}) },
  [`POST ${API.adminPersonPasswordCode}`]: { headers: manager, params: missingPerson, template: () => ({}) },
  [`POST ${API.adminPersonMove}`]: { headers: manager, params: missingPerson, template: (w) => ({ hallId: w.hall.fx.hall.id }) },
  [`POST ${API.adminPersonDeactivate}`]: { headers: manager, params: missingPerson, template: () => ({}) },
  [`POST ${API.adminPersonReactivate}`]: { headers: manager, params: missingPerson, template: () => ({}) },
  [`POST ${API.adminPersonUnlock}`]: { headers: manager, params: missingPerson, template: () => ({}) },
  [`POST ${API.adminRosterImport}`]: {
    headers: manager,
    template: (w) => ({ hallId: w.otherHall.hall.id, fileName: 'roster.csv', contentBase64: Buffer.from('姓名,角色\n模糊,营业员\n').toString('base64'), dryRun: false }),
  },
  [`POST ${API.passwordCodeRedeem}`]: {
    headers: () => ({}),
    template: () => ({ code: 'FUZZ-0000-0000', password: 'a-long-fuzz-password', deviceName: 'fuzz browser' }),
  },
};

interface WriteRoute {
  method: string;
  url: string;
  bodyLimit: number;
}

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

function jsonOf(res: LightMyRequestResponse): unknown {
  try {
    return res.json();
  } catch {
    return undefined;
  }
}

/** Why this answer is wrong for this case, or null when it is right. */
function wrongAnswer(res: LightMyRequestResponse, spec: EndpointSpec, body: RenderedBody, limit: number): string | null {
  const status = res.statusCode;
  if (status >= 500) return `answered ${status}: ${res.body.slice(0, 300)}`;
  if (status >= 400) {
    const reason = ApiError.safeParse(jsonOf(res));
    if (!reason.success || reason.data.error === '' || reason.data.message.trim() === '') {
      return `a ${status} without a JSON {error, message}: ${res.body.slice(0, 300)}`;
    }
    return null;
  }
  if (spec.ignoresBody && status < 300 && parsesAsJson(body, limit)) return null;
  if (spec.answersRefusedRecords && status === 200 && PushResponse.safeParse(jsonOf(res)).success) return null;
  return `accepted (${status}): ${res.body.slice(0, 300)}`;
}

function describeCase(c: FuzzCase, body: RenderedBody): string {
  const size = body.payload === undefined ? 0 : Buffer.byteLength(body.payload);
  const shown = JSON.stringify(c, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));
  return `${shown} as ${body.contentType ?? 'no content type'}, ${size} bytes`;
}

async function expectHealthy(app: FastifyInstance, after: string): Promise<void> {
  const res = await app.inject({ method: 'GET', url: API.health });
  expect(res.statusCode, `health after ${after}`).toBe(200);
}

forEachEngine((engine: Engine) => {
  let testDb: TestDatabase | undefined;
  let world: FuzzWorld | undefined;
  const routes: WriteRoute[] = [];

  beforeAll(async () => {
    testDb = await openTestDatabase(engine);
    await migrate(testDb.database);
    const app = buildApp({ db: testDb.database, rateLimits: false });
    // Registered before the route plugins load (at ready), so it sees every route the app has.
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (WRITE_METHODS.includes(method)) routes.push({ method, url: route.url, bodyLimit: route.bodyLimit ?? BODY_LIMIT });
      }
    });
    await app.ready();
    const hall = await seedManageHall(app, testDb.database);
    const otherHall = await seedHallFixture(app, testDb.database);
    const pinTarget = uuidv7();
    await insertStaff(testDb.database.db, { id: pinTarget, hallId: hall.fx.hall.id, name: '模糊测试', role: 'consultant', active: true, secret: '97531' });
    const fuzzDevice = await enrolDevice(app, testDb.database, hall.fx.hall.id);
    world = { app, database: testDb.database, hall, otherHall, device: fuzzDevice, pinTarget };
  });

  afterAll(async () => {
    await world?.app.close();
    await testDb?.cleanup();
  });

  describe('fuzzed write endpoints', () => {
    it('every write endpoint has a fuzz spec', () => {
      const missing = routes.map((r) => `${r.method} ${r.url}`).filter((key) => SPECS[key] === undefined);
      expect(missing, 'write routes without a fuzz spec: add them to SPECS in tests/api/fuzz.test.ts').toEqual([]);
      expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([`POST ${API.push}`, `POST ${API.enrol}`]));
    });

    it('refuses every hostile body with a 4xx reason, stays up, and changes nothing', { timeout: 300_000 }, async () => {
      const w = world!;
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
      const tally: string[] = [];
      for (const route of routes) {
        const name = `${route.method} ${route.url}`;
        const spec = SPECS[name];
        if (spec === undefined) continue;
        const ignore = { devices: DEVICE_BOOKKEEPING, ...spec.mayChange?.ignore };
        const before = await snapshotDatabase(w.database, ignore);
        const examples = [...EVERY_KIND, ...sweep(await spec.template(w))];
        const statuses = new Map<number, number>();
        let sent = 0;
        await fc.assert(
          fc.asyncProperty(fuzzCase, async (c) => {
            const body = render(c, await spec.template(w), route.bodyLimit);
            const url = spec.params === undefined ? route.url : fillPath(route.url, spec.params(w));
            const res = await w.app.inject({
              method: route.method as 'POST',
              url,
              headers: { ...spec.headers(w), ...(body.contentType === undefined ? {} : { 'content-type': body.contentType }) },
              ...(body.payload === undefined ? {} : { payload: body.payload }),
            });
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            expect(wrongAnswer(res, spec, body, route.bodyLimit), `${name}: ${describeCase(c, body)}`).toBeNull();
            if (++sent % HEALTH_EVERY === 0) await expectHealthy(w.app, `${sent} cases of ${name}`);
          }),
          { seed: SEED, numRuns: RUNS + examples.length, examples: examples.map((c) => [c]), endOnFailure: true },
        );
        await expectHealthy(w.app, `the cases of ${name}`);
        expect(await snapshotDatabase(w.database, ignore), `${name} changed the database`).toEqual(before);
        tally.push(`${name}: ${sent} cases → ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
      }
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      console.log(`fuzz (${engine}, seed ${SEED}):\n  ${tally.join('\n  ')}`);
    });
  });
});
