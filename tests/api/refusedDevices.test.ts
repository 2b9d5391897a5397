import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { MAX_SEQ } from '../../src/shared/schemas/sync.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/server/db/database.ts';
import { enrolDevice, entries, makeOutbox, push } from '../helpers/apiFixtures.ts';
import { adminApi, DAY_MS, lastUsed, lostReportRows } from '../helpers/deviceFixtures.ts';
import { ADMIN_PASSWORD, type ManageHall, seedManageHall, signIn } from '../helpers/manageFixtures.ts';

/**
 * A revoked or expired tablet is refused (401), and what it offered is noted for the manager;
 * hammering push is counted per token before anything is read or written, so it gets 429 and the
 * report is written at most the limit's number of times; what it claims to hold is capped by its
 * sequence numbers.
 */

/** The hall's admin, signed in on another tablet (nobody revokes the tablet they are using). */
async function office(app: FastifyInstance, database: Database, h: ManageHall) {
  const device = await enrolDevice(app, database, h.fx.hall.id);
  return adminApi(app, await signIn(app, device.token, h.admin.staffId, ADMIN_PASSWORD));
}

const REFUSED = { max: 3, windowMs: 60_000 };

forEachEngine((engine) => {
  describe('refused tablets', () => {
    const ctx = useApiApp(engine, { rateLimits: { signIn: false, enrol: false, push: false, passwordCode: false, refusedPush: REFUSED } });

    it('a revoked tablet hammering push gets 429 with Retry-After, and its report is written at most the limit’s times', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      expect((await (await office(app, database, h)).revoke(h.fx.device.id)).statusCode).toBe(200);
      const body = { entries: entries(makeOutbox(h.fx, 4), 1, 4), outbox: { pending: 4, lastSeq: 4 } };
      const answers = await Promise.all(Array.from({ length: 20 }, () => push(app, h.fx.device.token, body)));
      const statuses = answers.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401)).toHaveLength(REFUSED.max);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20 - REFUSED.max);
      const throttled = answers.find((r) => r.statusCode === 429)!;
      expect(ApiError.parse(throttled.json())).toMatchObject({ error: 'rate_limited' });
      expect(ApiError.parse(throttled.json()).message).toMatch(/too many pushes from this revoked or expired device \(at most 3 a minute\); try again in \d+ seconds?$/);
      const retryAfter = Number(throttled.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const [report] = await lostReportRows(database, h.fx.device.id);
      expect(report?.attempts).toBe(REFUSED.max);
      expect(report).toMatchObject({ offered: 4, first_seq: 1, last_seq: 4, pending: 4 });
    });

    it('an expired tablet is counted the same way; another tablet and an unknown token are not held by its count', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      await lastUsed(database, h.fx.device.id, 400 * DAY_MS);
      await lastUsed(database, other.fx.device.id, 400 * DAY_MS);
      const body = { entries: entries(makeOutbox(h.fx, 1), 1, 1) };
      for (let i = 0; i < REFUSED.max; i++) expect((await push(app, h.fx.device.token, body)).statusCode).toBe(401);
      expect((await push(app, h.fx.device.token, body)).statusCode).toBe(429);
      expect((await lostReportRows(database, h.fx.device.id))[0]).toMatchObject({ reason: 'expired', attempts: REFUSED.max });
      const res = await push(app, other.fx.device.token, { entries: entries(makeOutbox(other.fx, 1), 1, 1) });
      expect(ApiError.parse(res.json()).error).toBe('device_expired');
      for (let i = 0; i < 5; i++) expect((await push(app, 'not-a-token', body)).statusCode).toBe(401);
    });

    it('what a revoked tablet claims to hold is capped by its sequence numbers', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const outbox = makeOutbox(h.fx, 12);
      expect((await push(app, h.fx.device.token, { entries: entries(outbox, 1, 10) })).statusCode).toBe(200);
      expect((await (await office(app, database, h)).revoke(h.fx.device.id)).statusCode).toBe(200);
      // Two billion unsent records, with a last seq of 12: at most 11 and 12 can be missing.
      const absurd = await push(app, h.fx.device.token, { entries: entries(outbox, 11, 11), outbox: { pending: 2_000_000_000, lastSeq: 12 } });
      expect(ApiError.parse(absurd.json()).error).toBe('device_revoked');
      expect((await lostReportRows(database, h.fx.device.id))[0]).toMatchObject({ first_seq: 11, last_seq: 12, pending: 2, pending_last_seq: 12 });
      // A last seq below what it offers: it holds at least up to what it offers.
      await push(app, h.fx.device.token, { entries: entries(outbox, 11, 12), outbox: { pending: 0, lastSeq: 1 } });
      expect((await lostReportRows(database, h.fx.device.id))[0]).toMatchObject({ first_seq: 11, last_seq: 12, pending: 2, offered: 2 });
      // Past MAX_SEQ is not a push: refused, nothing noted.
      await push(app, h.fx.device.token, { entries: entries(outbox, 11, 11), outbox: { pending: MAX_SEQ, lastSeq: MAX_SEQ + 1 } });
      const [report] = await lostReportRows(database, h.fx.device.id);
      expect(report).toMatchObject({ attempts: 2, last_seq: 12, pending: 2 });
      const lost = (await (await office(app, database, h)).lostRecords(h.fx.hall.id)).json().reports;
      expect(lost[0]).toMatchObject({ missing: 2 });
    });
  });
});

describe('refused tablets without the limit', () => {
  const ctx = useApiApp('sqlite');
  it('are still answered 401 every time (limits lifted)', async () => {
    const { app, database } = ctx();
    const h = await seedManageHall(app, database);
    expect((await (await office(app, database, h)).revoke(h.fx.device.id)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await push(app, h.fx.device.token, { entries: entries(makeOutbox(h.fx, 1), 1, 1) })).statusCode).toBe(401);
    expect((await lostReportRows(database, h.fx.device.id))[0]?.attempts).toBe(5);
  });
});
