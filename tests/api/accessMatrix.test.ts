import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, fillPath, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { buildApp } from '../../src/server/app.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import type { ApiContext } from '../helpers/apiApp.ts';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../helpers/apiEngines.ts';
import { completeDraft, type ManageHall, sessionBody } from '../helpers/manageFixtures.ts';
import {
  buildWorld,
  type Caller,
  CASES,
  type Case,
  IDENTITY_ERRORS,
  type IdentityFailure,
  prepare,
  type Request,
  type Where,
  type World,
} from '../helpers/accessWorld.ts';
import { changedTables, deviceRoute, everyone, type Expect, outcomeOf, ownOnly, staffRoute } from '../helpers/accessExpect.ts';
import { type IgnoredColumns, snapshotDatabase } from '../helpers/dbSnapshot.ts';

/**
 * Every route the app registers × every caller (each role, and each way identity fails) × the
 * caller's own hall and another hall: the status each must answer, and for every refusal, that
 * the database is as it was. The routes are read from fastify itself, so a route added without a
 * row here fails the first test: a new route cannot skip the access rules.
 */

interface CellInput {
  p: ReturnType<typeof prepare>;
  world: World;
  caller: Caller;
  kase: Case;
  where: Where;
  /** The hall the request is about: the caller's own, or the other one. */
  target: ManageHall;
  /** False when the request must change nothing (a refusal): it may then act on something shared. */
  expectSuccess: boolean;
}

/** One request of the matrix, ready to send, and what it must answer. */
interface Cell {
  name: string;
  kase: Case;
  method: HTTPMethods;
  request: Request;
  caller: Caller;
  status: number;
  mustNotWrite: boolean;
}

interface Row {
  expect: Record<Case, Expect>;
  /** The request, with what it acts on made fresh in the target hall. Headers default to the caller's. */
  request(x: CellInput): Promise<Request> | Request;
  /** What a refusal may still write: the push of a revoked tablet is noted as lost records. */
  refusalWrites?: IgnoredColumns;
}

/** Manager pages: a manager in their own hall, an admin anywhere, counter roles never. */
const managerPage = (ok: number, scoped = true) =>
  staffRoute({ consultant: 403, floor_marketer: 403, manager: scoped ? ownOnly(ok) : ok, admin: ok });
/** Admins only, whichever hall. */
const adminOnly = (ok: number) => staffRoute({ consultant: 403, floor_marketer: 403, manager: 403, admin: ok });
/** Reports: everyone signed in, in their own hall (an admin anywhere). */
const reportPage = staffRoute({ consultant: ownOnly(200), floor_marketer: ownOnly(200), manager: ownOnly(200), admin: 200 });

const hallQuery = (path: string, target: ManageHall, extra = '') => `${path}?hallId=${target.fx.hall.id}${extra}`;
const DAY = '2026-03-01';
const at = (template: string, params: Record<string, string>) => fillPath(template, params);

const TABLE: Record<string, Row> = {
  [`GET ${API.health}`]: { expect: everyone(200), request: () => ({ url: API.health }) },
  // The API's description: public, so integrators can read it before they hold a token.
  [`GET ${API.openapi}`]: { expect: everyone(200), request: () => ({ url: API.openapi }) },
  [`POST ${API.enrol}`]: {
    // Public: the one-time code is the credential, whoever holds a token.
    expect: everyone(200),
    request: async ({ p, target: t }) => ({ url: API.enrol, payload: { code: await p.enrolmentCode(t), label: 'matrix' } }),
  },
  [`POST ${API.sessions}`]: {
    // The caller's role, of the target hall, signs in on the caller's tablet.
    expect: deviceRoute(ownOnly(200)),
    request: ({ world, caller, target }) => {
      const { staffId, secret } = world.person(target, caller.role);
      return { url: API.sessions, payload: sessionBody(staffId, secret) };
    },
  },
  [`DELETE ${API.currentSession}`]: {
    // Another hall's session token on this tablet signs nothing out (204, idempotent, nothing written).
    expect: { ...deviceRoute({ own: 204, other: { status: 204, writes: false } }), no_session: 400, expired_session: 204 },
    request: async ({ p, caller, target, kase, where }) => {
      if (kase === 'no_session' || kase === 'expired_session' || caller.device === null) return { url: API.currentSession };
      // A throwaway session, not the caller's own: the matrix goes on with that one.
      const spare = await p.spareSession(target, where === 'own' ? caller.device.id : undefined);
      return { url: API.currentSession, headers: { ...caller.headers, [SESSION_HEADER]: spare.token } };
    },
  },
  [`POST ${API.push}`]: {
    expect: deviceRoute(ownOnly(200)),
    request: async ({ p, caller, target }) => ({ url: API.push, payload: await p.pushBody(caller, target) }),
    refusalWrites: { lost_record_reports: 'whole table' },
  },
  [`GET ${API.pull}`]: { expect: deviceRoute(200), request: () => ({ url: API.pull }) },

  [`GET ${API.manageCampaigns}`]: { expect: managerPage(200, false), request: () => ({ url: API.manageCampaigns }) },
  [`POST ${API.manageCampaigns}`]: {
    expect: managerPage(201),
    request: ({ target: t }) => ({ url: API.manageCampaigns, payload: { draft: completeDraft([t.fx.hall.id]) } }),
  },
  [`GET ${API.manageCampaign}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.manageCampaign, { campaignId: (await p.campaign(t, true)).id }) }),
  },
  [`PUT ${API.manageCampaignDraft}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t, expectSuccess }) => {
      const c = await p.campaign(t, !expectSuccess);
      return { url: at(API.manageCampaignDraft, { campaignId: c.id }), payload: { expectedEditVersion: c.editVersion, draft: completeDraft([t.fx.hall.id], '改') } };
    },
  },
  [`POST ${API.manageCampaignPublish}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t, expectSuccess }) => {
      const c = await p.draftCampaign(t, !expectSuccess);
      return { url: at(API.manageCampaignPublish, { campaignId: c.id }), payload: { expectedEditVersion: c.editVersion } };
    },
  },
  [`POST ${API.manageCampaignRetire}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t, expectSuccess }) => {
      const c = await p.campaign(t, !expectSuccess);
      return { url: at(API.manageCampaignRetire, { campaignId: c.id }), payload: { expectedEditVersion: c.editVersion } };
    },
  },
  [`POST ${API.manageCampaignDuplicate}`]: {
    expect: managerPage(201),
    request: async ({ p, target: t }) => ({ url: at(API.manageCampaignDuplicate, { campaignId: (await p.campaign(t, true)).id }), payload: {} }),
  },
  [`GET ${API.manageCampaignVersion}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => {
      const c = await p.campaign(t, true);
      return { url: at(API.manageCampaignVersion, { campaignId: c.id, versionId: c.versionId! }) };
    },
  },
  [`GET ${API.manageCampaignExport}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: `${API.manageCampaignExport}?ids=${(await p.campaign(t, true)).id}` }),
  },
  [`POST ${API.manageCampaignImport}`]: {
    expect: managerPage(201),
    request: ({ p, target: t }) => ({ url: API.manageCampaignImport, payload: { fileText: p.importFile(), hallIds: [t.fx.hall.id] } }),
  },
  [`GET ${API.manageAudit}`]: {
    // The log names people of every hall: admins only.
    expect: staffRoute({ consultant: 403, floor_marketer: 403, manager: 403, admin: 200 }),
    request: () => ({ url: API.manageAudit }),
  },

  [`GET ${API.reportDaily}`]: { expect: reportPage, request: ({ target: t }) => ({ url: hallQuery(API.reportDaily, t, `&from=${DAY}&to=${DAY}`) }) },
  [`GET ${API.reportVisits}`]: { expect: reportPage, request: ({ target: t }) => ({ url: hallQuery(API.reportVisits, t, `&day=${DAY}`) }) },
  [`GET ${API.reportExport}`]: {
    expect: reportPage,
    request: ({ target: t }) => ({ url: hallQuery(API.reportExport, t, `&from=${DAY}&to=${DAY}&format=csv`) }),
  },

  [`GET ${API.adminDevices}`]: { expect: managerPage(200), request: ({ target: t }) => ({ url: hallQuery(API.adminDevices, t) }) },
  [`POST ${API.adminDeviceRevoke}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminDeviceRevoke, { deviceId: (await p.spareDevice(t)).id }) }),
  },
  [`GET ${API.adminLostRecords}`]: { expect: managerPage(200), request: ({ target: t }) => ({ url: hallQuery(API.adminLostRecords, t) }) },
  [`GET ${API.adminHeldRecords}`]: { expect: managerPage(200), request: ({ target: t }) => ({ url: hallQuery(API.adminHeldRecords, t) }) },
  [`POST ${API.adminHeldRecordAccept}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminHeldRecordAccept, { heldId: await p.heldRecord(t) }), payload: { note: 'matrix' } }),
  },
  [`POST ${API.adminHeldRecordDiscard}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminHeldRecordDiscard, { heldId: await p.heldRecord(t) }), payload: { note: 'matrix' } }),
  },
  [`POST ${API.adminStaffSessionsRevoke}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminStaffSessionsRevoke, { staffId: (await p.spareSession(t)).staffId }) }),
  },
  [`GET ${API.adminEnrolmentCodes}`]: { expect: managerPage(200), request: ({ target: t }) => ({ url: hallQuery(API.adminEnrolmentCodes, t) }) },
  [`POST ${API.adminEnrolmentCodes}`]: {
    expect: managerPage(201),
    request: ({ target: t }) => ({ url: API.adminEnrolmentCodes, payload: { hallId: t.fx.hall.id, deviceName: 'matrix' } }),
  },
  [`DELETE ${API.adminEnrolmentCode}`]: {
    expect: managerPage(204),
    request: async ({ p, target: t }) => ({ url: at(API.adminEnrolmentCode, { codeId: await p.pendingCodeId(t) }) }),
  },

  [`GET ${API.adminHalls}`]: { expect: managerPage(200), request: ({ target: t }) => ({ url: hallQuery(API.adminHalls, t) }) },
  [`POST ${API.adminHalls}`]: {
    expect: adminOnly(201),
    request: () => ({ url: API.adminHalls, payload: { name: { zh: '矩阵新厅' }, timeZone: 'Asia/Shanghai' } }),
  },
  [`PATCH ${API.adminHall}`]: {
    expect: adminOnly(200),
    request: ({ target: t }) => ({ url: at(API.adminHall, { hallId: t.fx.hall.id }), payload: { address: '矩阵路 1 号' } }),
  },
  [`GET ${API.adminPeople}`]: { expect: managerPage(200), request: ({ target: t }) => ({ url: hallQuery(API.adminPeople, t) }) },
  [`POST ${API.adminPeople}`]: {
    expect: managerPage(201),
    request: ({ target: t }) => ({ url: API.adminPeople, payload: { hallId: t.fx.hall.id, name: '矩阵新人', role: 'consultant' } }),
  },
  [`PATCH ${API.adminPerson}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminPerson, { staffId: await p.sparePerson(t) }), payload: { name: '改名' } }),
  },
  [`POST ${API.adminPersonPin}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminPersonPin, { staffId: await p.sparePerson(t) }) }),
  },
  [`POST ${API.adminPersonPasswordCode}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminPersonPasswordCode, { staffId: await p.sparePerson(t, 'manager') }) }),
  },
  [`POST ${API.adminPersonMove}`]: {
    // From the target hall to the other one of the two.
    expect: managerPage(200),
    request: async ({ p, world, target: t }) => {
      const to = t === world.own ? world.other : world.own;
      return { url: at(API.adminPersonMove, { staffId: await p.sparePerson(t) }), payload: { hallId: to.fx.hall.id } };
    },
  },
  [`POST ${API.adminPersonDeactivate}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminPersonDeactivate, { staffId: await p.sparePerson(t) }) }),
  },
  [`POST ${API.adminPersonReactivate}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminPersonReactivate, { staffId: await p.sparePerson(t, 'consultant', false) }) }),
  },
  [`POST ${API.adminPersonUnlock}`]: {
    expect: managerPage(200),
    request: async ({ p, target: t }) => ({ url: at(API.adminPersonUnlock, { staffId: await p.sparePerson(t) }) }),
  },
  [`POST ${API.adminRosterImport}`]: {
    expect: managerPage(201),
    request: ({ p, target: t }) => ({ url: API.adminRosterImport, payload: { hallId: t.fx.hall.id, fileName: 'matrix.csv', contentBase64: p.rosterFile() } }),
  },
  [`POST ${API.passwordCodeRedeem}`]: {
    // Public, like enrolment: the one-time code is the credential; a device token only spares a new enrolment.
    expect: everyone(200),
    request: async ({ p, target: t }) => ({ url: API.passwordCodeRedeem, payload: { code: await p.passwordCode(t), password: 'matrix-password-1' } }),
  },
  [`GET ${API.adminAccessAudit}`]: { expect: managerPage(200), request: ({ target: t }) => ({ url: hallQuery(API.adminAccessAudit, t) }) },

  // The built PWA (index.html for client routes): public, like any web page.
  ['GET /*']: { expect: everyone(200), request: () => ({ url: '/manage/devices' }) },
};

/** HEAD is answered by the GET handler: the same row, its body left out. */
function rowFor(route: string): Row | undefined {
  const [method, path] = route.split(' ') as [string, string];
  return TABLE[route] ?? (method === 'HEAD' ? TABLE[`GET ${path}`] : undefined);
}

/** Bookkeeping every accepted device request may touch: the token's last use. */
const ALWAYS_IGNORED: IgnoredColumns = { devices: ['last_seen_at'] };

forEachEngine((engine) => {
  describe('access matrix', () => {
    let testDb: TestDatabase | undefined;
    let app: FastifyInstance | undefined;
    let world: World | undefined;
    const registered: string[] = [];
    const clientDir = mkdtempSync(join(tmpdir(), 'talktrack-matrix-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>talktrack</title>');

    beforeAll(async () => {
      testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
      app = buildApp({ db: testDb.database, clientDir, rateLimits: false });
      // Before ready(): the route plugins load then, and every route they add passes here.
      app.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) registered.push(`${method} ${route.url}`);
      });
      await app.ready();
      const ctx: ApiContext = { app, database: testDb.database, engine };
      world = await buildWorld(ctx);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await testDb?.cleanup();
      rmSync(clientDir, { recursive: true, force: true });
    });

    it('has a row for every route the app registers, and no row for a route it does not', () => {
      expect(registered.length).toBeGreaterThan(20);
      expect(registered.filter((r) => rowFor(r) === undefined)).toEqual([]);
      const gets = new Set(registered);
      expect(Object.keys(TABLE).filter((r) => !gets.has(r))).toEqual([]);
    });

    // One test per route of the table (HEAD alongside its GET), each walking every caller and hall.
    for (const route of Object.keys(TABLE)) {
      it(`${route}: every caller, own hall and another`, async () => {
        const w = world!;
        const db = testDb!.database;
        const row = TABLE[route]!;
        const [method, path] = route.split(' ') as [HTTPMethods, string];
        const methods: HTTPMethods[] = registered.includes(`HEAD ${path}`) && method === 'GET' ? ['GET', 'HEAD'] : [method];
        const p = prepare(w);
        const ignore = { ...ALWAYS_IGNORED, ...row.refusalWrites };

        // Everything each request acts on is made first, so a snapshot taken after tells what the requests wrote.
        const cells: Cell[] = [];
        for (const m of methods) {
          for (const kase of CASES) {
            for (const where of ['own', 'other'] as const) {
              const caller = w.callers[kase];
              const target = where === 'own' ? w.own : w.other;
              const outcome = outcomeOf(row.expect[kase], where);
              const request = await row.request({ p, world: w, caller, kase, where, target, expectSuccess: !outcome.mustNotWrite });
              cells.push({ name: `${m} ${kase} ${where}`, kase, method: m, request, caller, ...outcome });
            }
          }
        }
        const problems: string[] = [];
        const send = async (cell: Cell) => {
          const res = await app!.inject({ ...cell.request, method: cell.method, headers: cell.request.headers ?? cell.caller.headers });
          if (res.statusCode !== cell.status) problems.push(`${cell.name}: expected ${cell.status}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          const expectedError = IDENTITY_ERRORS[cell.kase as IdentityFailure];
          if (res.statusCode === 401 && expectedError !== undefined && cell.method !== 'HEAD') {
            const error = (res.json() as { error?: string }).error;
            if (error !== expectedError) problems.push(`${cell.name}: expected error ${expectedError}, got ${error}`);
          }
        };
        // Refusals first, each against the snapshot before it; then the requests that may write.
        let before = await snapshotDatabase(db, ignore);
        for (const cell of cells.filter((c) => c.mustNotWrite)) {
          await send(cell);
          const after = await snapshotDatabase(db, ignore);
          const changed = changedTables(before, after);
          if (changed.length > 0) problems.push(`${cell.name}: refused, but wrote ${changed.join(', ')}`);
          before = after;
        }
        for (const cell of cells.filter((c) => !c.mustNotWrite)) await send(cell);
        expect(problems).toEqual([]);
      });
    }
  });
});
