import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { MAX_PUSH_ENTRIES, PushResponse } from '../../src/shared/schemas/sync.ts';
import { issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { issuePasswordCode } from '../../src/server/repos/passwordCodes.ts';
import { getStaffRow, insertStaff } from '../../src/server/repos/staff.ts';
import { DEFAULT_RATE_LIMITS } from '../../src/server/security/rateLimits.ts';
import { trustProxyFromEnv } from '../../src/server/security/trustProxy.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import {
  CONSULTANT_PIN,
  entries,
  type HallFixture,
  insertTestDevice,
  makeOutbox,
  push,
  seedHallFixture,
} from '../helpers/apiFixtures.ts';

const LOW = { max: 3, windowMs: 60_000 };

function expectThrottled(res: LightMyRequestResponse, what: RegExp): void {
  expect(res.statusCode, res.body).toBe(429);
  const body = ApiError.parse(res.json());
  expect(body.error).toBe('rate_limited');
  expect(body.message).toMatch(what);
  expect(body.message).toMatch(/\(at most 3 a minute\); try again in \d+ seconds?$/);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.json()).toMatchObject({ retryAfterSeconds: retryAfter });
}

forEachEngine((engine) => {
  describe('low limits', () => {
    const ctx = useApiApp(engine, { rateLimits: { signIn: LOW, enrol: LOW, push: LOW, passwordCode: LOW } });
    // One hall for the block: its fixture enrols through the API, and enrolment is limited too.
    let hall: HallFixture | undefined;
    const seed = async () => (hall ??= await seedHallFixture(ctx().app, ctx().database));

    it('sign-in: per device and person; the throttled attempt never reaches the PIN check', async () => {
      const { app, database } = ctx();
      const fx = await seed();
      const other = await insertTestDevice(database, fx.hall.id);
      const signIn = (token: string, staffId: string, pin: string) =>
        app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${token}` }, payload: { staffId, pin } });
      for (let i = 0; i < 3; i++) expect((await signIn(fx.device.token, fx.consultantId, '000000')).statusCode).toBe(401);
      // Over the limit, even with the right PIN, and without counting a wrong one.
      expectThrottled(await signIn(fx.device.token, fx.consultantId, CONSULTANT_PIN), /sign-in attempts for this person on this device/);
      expect((await getStaffRow(database.db, fx.consultantId))?.failed_pin_count).toBe(3);
      // Another person on the same device, the same person on another device: their own counts.
      expect((await signIn(fx.device.token, fx.marketerId, '135790')).statusCode).toBe(200);
      expect((await signIn(other.token, fx.consultantId, CONSULTANT_PIN)).statusCode).toBe(200);
    });

    it('enrolment: per client address, refused before the code is looked at', async () => {
      const { app, database } = ctx();
      const fx = await seed();
      const enrol = (remoteAddress: string, code: string) =>
        app.inject({ method: 'POST', url: API.enrol, remoteAddress, payload: { code, label: 'tablet' } });
      for (let i = 0; i < 3; i++) expect((await enrol('192.0.2.7', 'WRONG-CODE-0000')).statusCode).toBeLessThan(500);
      const { code } = await issueEnrolmentCode(database.db, { hallId: fx.hall.id });
      expectThrottled(await enrol('192.0.2.7', code), /enrolment attempts from this address/);
      // The code was not used up by the refused request: another address enrols with it.
      expect((await enrol('192.0.2.8', code)).statusCode).toBe(200);
    });

    it('set-password codes: per client address, refused before the code is looked at', async () => {
      const { app, database } = ctx();
      const fx = await seed();
      const managerId = uuidv7();
      await insertStaff(database.db, { id: managerId, hallId: fx.hall.id, name: '限流经理', role: 'manager', active: true, secret: null });
      const redeem = (remoteAddress: string, code: string) =>
        app.inject({ method: 'POST', url: API.passwordCodeRedeem, remoteAddress, payload: { code, password: 'a-long-password-1' } });
      for (let i = 0; i < 3; i++) expect((await redeem('192.0.2.9', 'WRONG-CODE-0000')).statusCode).toBe(401);
      const { code } = await issuePasswordCode(database.db, { staffId: managerId, createdBy: null });
      expectThrottled(await redeem('192.0.2.9', code), /set-password attempts from this address/);
      expect((await redeem('192.0.2.10', code)).statusCode).toBe(200);
    });

    it('push: per device, and an unknown token still gets its 401', async () => {
      const { app, database } = ctx();
      const fx = await seed();
      const other = await insertTestDevice(database, fx.hall.id);
      const outbox = makeOutbox(fx, 1);
      for (let i = 0; i < 3; i++) expect((await push(app, fx.device.token, { entries: entries(outbox, 1, 1) })).statusCode).toBe(200);
      expectThrottled(await push(app, fx.device.token, { entries: entries(outbox, 1, 1) }), /pushes from this device/);
      expect((await push(app, other.token, { entries: entries(makeOutbox({ ...fx, device: other }, 1), 1, 1) })).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) expect((await push(app, 'not-a-token', { entries: [] })).statusCode).toBe(401);
    });
  });

  describe('default limits', () => {
    const ctx = useApiApp(engine, { rateLimits: {} });

    it('let a tablet drain a 10,000-record outbox in batches of 500 within one window', async () => {
      expect(DEFAULT_RATE_LIMITS.push.max).toBeGreaterThanOrEqual(2 * (10_000 / MAX_PUSH_ENTRIES));
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const batch = entries(makeOutbox(fx, MAX_PUSH_ENTRIES), 1, MAX_PUSH_ENTRIES);
      // The counter counts requests, not records: the same batch again costs as much as a new one.
      for (let i = 0; i < 10_000 / MAX_PUSH_ENTRIES; i++) {
        const res = await push(app, fx.device.token, { entries: batch });
        expect(res.statusCode, res.body).toBe(200);
        expect(PushResponse.parse(res.json()).ackedThrough).toBe(MAX_PUSH_ENTRIES);
      }
    });

    it('allow ten sign-ins a minute per person on a device, then refuse', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const signIn = () =>
        app.inject({
          method: 'POST',
          url: API.sessions,
          headers: { authorization: `Bearer ${fx.device.token}` },
          payload: { staffId: fx.consultantId, pin: CONSULTANT_PIN },
        });
      for (let i = 0; i < DEFAULT_RATE_LIMITS.signIn.max; i++) expect((await signIn()).statusCode).toBe(200);
      expect((await signIn()).statusCode).toBe(429);
    });
  });
});

describe('TRUST_PROXY', () => {
  it('trusts nobody by default, and takes true, a hop count or the balancers’ addresses', () => {
    expect(trustProxyFromEnv({})).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: 'false' })).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: 'true' })).toBe(true);
    expect(trustProxyFromEnv({ TRUST_PROXY: ' 10.0.0.0/8, 192.168.1.5 ,::1 ' })).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
    const oneHop = trustProxyFromEnv({ TRUST_PROXY: '1' });
    expect(typeof oneHop === 'function' && [oneHop('10.0.0.2', 0), oneHop('198.51.100.1', 1)]).toEqual([true, false]);
    expect(() => trustProxyFromEnv({ TRUST_PROXY: 'the balancer' })).toThrow(/TRUST_PROXY must be .*"the balancer" is none of those/);
  });
});

describe('enrolment limits behind a load balancer', () => {
  const LIMIT = { max: 1, windowMs: 60_000 };
  const behind = useApiApp('sqlite', { rateLimits: { enrol: LIMIT }, trustProxy: ['10.0.0.0/8'] });
  const direct = useApiApp('sqlite', { rateLimits: { enrol: LIMIT } });
  // Every request reaches the server from the balancer; the tablet's own address is in the header.
  const enrol = (ctx: typeof behind, forwardedFor: string) =>
    ctx().app.inject({ method: 'POST', url: API.enrol, remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': forwardedFor }, payload: { code: 'WRONG-CODE-0000' } });

  it('counts each tablet by the address the trusted balancer forwards', async () => {
    expect((await enrol(behind, '198.51.100.1')).statusCode).toBe(401);
    expect((await enrol(behind, '198.51.100.2')).statusCode).toBe(401);
    expectThrottledEnrol(await enrol(behind, '198.51.100.1'));
  });

  it('ignores the header when no proxy is trusted: a client cannot choose its own address', async () => {
    expect((await enrol(direct, '198.51.100.1')).statusCode).toBe(401);
    expectThrottledEnrol(await enrol(direct, '198.51.100.2'));
  });
});

function expectThrottledEnrol(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(429);
  expect(ApiError.parse(res.json()).message).toMatch(/enrolment attempts from this address \(at most 1 a minute\)/);
}
