import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { EnrolResponse, PasswordCodeRedeemResponse, SessionResponse } from '../../src/shared/schemas/auth.ts';
import { PersonResponse } from '../../src/shared/schemas/people.ts';
import { buildApp } from '../../src/server/app.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../helpers/apiEngines.ts';
import { CONSULTANT_PIN, entries, makeVisit, push, seedHallFixture } from '../helpers/apiFixtures.ts';
import { makeVoid } from '../helpers/reportFixtures.ts';

/** A customer's mobile number, typed where it must never be: it may be stored there, never logged. */
const PHONE = '13912345678';
const MANAGER_PASSWORD = 'manager-secret-4321';

/**
 * The server's own log, at its most verbose, through a sign-in, an enrolment, pushes and failures:
 * no PIN, device or session token, enrolment code or phone number in any line.
 */
forEachEngine((engine) => {
  const lines: string[] = [];
  let testDb: TestDatabase | undefined;
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    testDb = await openTestDatabase(engine);
    await migrate(testDb.database);
    app = buildApp({
      db: testDb.database,
      logger: { level: 'trace', stream: { write: (line) => void lines.push(line) } },
      rateLimits: { signIn: { max: 3, windowMs: 60_000 } },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.cleanup();
  });

  describe('logs', () => {
    it('never carry a PIN, password, token, enrolment code or phone number', async () => {
      const database = testDb!.database;
      const fx = await seedHallFixture(app!, database);
      const managerId = crypto.randomUUID();
      await insertStaff(database.db, { id: managerId, hallId: fx.hall.id, name: '经理', role: 'manager', active: true, secret: MANAGER_PASSWORD });
      // The PIN as a JSON value: six bare digits could turn up inside a timestamp.
      const secrets: string[] = [`"${CONSULTANT_PIN}"`, MANAGER_PASSWORD, PHONE, fx.device.token];

      const { code } = await issueEnrolmentCode(database.db, { hallId: fx.hall.id });
      secrets.push(code);
      const enrolled = await app!.inject({ method: 'POST', url: API.enrol, payload: { code, label: `tablet ${PHONE}` } });
      expect(enrolled.statusCode).toBe(200);
      const device = EnrolResponse.parse(enrolled.json());
      secrets.push(device.deviceToken);
      const auth = { authorization: `Bearer ${device.deviceToken}`, cookie: `sid=${device.deviceToken}` };

      const signedIn = await app!.inject({ method: 'POST', url: API.sessions, headers: auth, payload: { staffId: fx.consultantId, pin: CONSULTANT_PIN } });
      expect(signedIn.statusCode).toBe(200);
      const session = SessionResponse.parse(signedIn.json());
      secrets.push(session.sessionToken);
      const manager = await app!.inject({ method: 'POST', url: API.sessions, headers: auth, payload: { staffId: managerId, password: MANAGER_PASSWORD } });
      expect(manager.statusCode, manager.body).toBe(200);
      secrets.push(SessionResponse.parse(manager.json()).sessionToken);
      // Wrong PINs, then over the sign-in limit of 3 (logged as a warning).
      for (let i = 0; i < 2; i++) {
        await app!.inject({ method: 'POST', url: API.sessions, headers: auth, payload: { staffId: fx.consultantId, pin: '999999' } });
      }
      const throttled = await app!.inject({ method: 'POST', url: API.sessions, headers: auth, payload: { staffId: fx.consultantId, pin: CONSULTANT_PIN } });
      expect(throttled.statusCode).toBe(429);

      const tablet = { ...fx, device: { id: device.deviceId, token: device.deviceToken } };
      const visit = makeVisit(tablet, { segment: `VIP ${PHONE}` });
      const stored = await push(app!, device.deviceToken, { entries: entries([visit, makeVoid(tablet, visit.id, { reason: `打错了 ${PHONE}` })], 1, 2) });
      expect(stored.statusCode).toBe(200);
      const refused = await push(app!, device.deviceToken, { entries: [{ seq: 3, record: { ...makeVisit(tablet), business: PHONE } }] });
      expect(refused.json()).toMatchObject({ rejected: [{ seq: 3 }] });
      const malformed = await app!.inject({
        method: 'POST',
        url: API.push,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: `{"entries": [{"seq": 4, "record": {"segment": "${PHONE}"`,
      });
      expect(malformed.statusCode).toBe(400);
      const signedOut = await app!.inject({ method: 'DELETE', url: API.currentSession, headers: { ...auth, [SESSION_HEADER]: session.sessionToken } });
      expect(signedOut.statusCode).toBe(204);

      // A person added with a one-time PIN who chooses their own; a manager added with a set-password code who redeems it.
      const asManager = { ...auth, [SESSION_HEADER]: SessionResponse.parse(manager.json()).sessionToken };
      const added = await app!.inject({ method: 'POST', url: API.adminPeople, headers: asManager, payload: { hallId: fx.hall.id, name: '新人', role: 'consultant' } });
      expect(added.statusCode, added.body).toBe(201);
      const onceOnly = PersonResponse.parse(added.json());
      secrets.push(`"${onceOnly.pin!}"`, '"580264"');
      const chosen = await app!.inject({ method: 'POST', url: API.sessions, headers: auth, payload: { staffId: onceOnly.person.id, pin: onceOnly.pin, newPin: '580264' } });
      expect(chosen.statusCode).toBe(200);
      secrets.push(SessionResponse.parse(chosen.json()).sessionToken);
      const coded = await app!.inject({ method: 'POST', url: API.adminPeople, headers: asManager, payload: { hallId: fx.hall.id, name: '新经理', role: 'manager' } });
      const passwordCode = PersonResponse.parse(coded.json()).passwordCode!.code;
      secrets.push(passwordCode, 'chosen-password-0042');
      const redeemed = await app!.inject({ method: 'POST', url: API.passwordCodeRedeem, payload: { code: passwordCode, password: 'chosen-password-0042' } });
      expect(redeemed.statusCode, redeemed.body).toBe(200);
      secrets.push(PasswordCodeRedeemResponse.parse(redeemed.json()).enrolment!.deviceToken);
      await app!.inject({ method: 'POST', url: API.passwordCodeRedeem, payload: { code: passwordCode, password: 'chosen-password-0042' } });

      // Whatever a handler might log of a request or an error is censored too.
      app!.log.error({ req: { headers: auth }, body: { pin: CONSULTANT_PIN, password: MANAGER_PASSWORD }, reply: { newPin: '580264', passwordCode: { code: passwordCode } }, err: Object.assign(new Error('insert failed'), { detail: `Failing row contains (${PHONE})` }) }, 'boom');

      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(20);
      expect(log).toContain('incoming request');
      expect(log).toContain('rate limited');
      for (const secret of secrets) expect(log, `the log holds ${secret}`).not.toContain(secret);
      expect(log).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(log).toContain('[redacted]');
    });
  });
});
