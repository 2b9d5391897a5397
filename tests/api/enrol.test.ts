import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError, EnrolResponse } from '../../src/shared/schemas/auth.ts';
import { issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { seedHallFixture } from '../helpers/apiFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const enrol = (code: string) => ctx().app.inject({ method: 'POST', url: API.enrol, payload: { code, label: 'counter 1' } });

  describe('enrolment', () => {
    it('turns a code into a device of its hall, once', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const { code } = await issueEnrolmentCode(database.db, { hallId: fx.hall.id });
      const first = await enrol(code);
      expect(first.statusCode, first.body).toBe(200);
      const body = EnrolResponse.parse(first.json());
      expect(body.hall).toEqual(fx.hall);
      // The token works right away.
      const pull = await app.inject({ method: 'GET', url: API.pull, headers: { authorization: `Bearer ${body.deviceToken}` } });
      expect(pull.statusCode).toBe(200);

      const second = await enrol(code);
      expect(second.statusCode).toBe(409);
      const refused = ApiError.parse(second.json());
      expect(refused.error).toBe('code_used');
      expect(refused.message).toMatch(/ask the manager for a new enrolment code/);
    });

    it('accepts the code typed in lower case with spaces', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const { code } = await issueEnrolmentCode(database.db, { hallId: fx.hall.id });
      const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
      expect((await enrol(typed)).statusCode).toBe(200);
    });

    it('refuses an expired code and an unknown one, saying what to do', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const { code } = await issueEnrolmentCode(database.db, { hallId: fx.hall.id, ttlMs: -1000 });
      const expired = await enrol(code);
      expect(expired.statusCode).toBe(401);
      expect(ApiError.parse(expired.json())).toMatchObject({ error: 'code_expired', message: expect.stringMatching(/manager/) });
      const unknown = await enrol('ZZZZZZZZ');
      expect(unknown.statusCode).toBe(401);
      expect(ApiError.parse(unknown.json())).toMatchObject({ error: 'unknown_code', message: expect.stringMatching(/manager/) });
      const tooShort = await enrol('abc');
      expect(tooShort.statusCode).toBe(400);
      expect(ApiError.parse(tooShort.json()).message).toMatch(/code/);
    });

    it('stores the device token and the code only hashed', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const { code } = await issueEnrolmentCode(database.db, { hallId: fx.hall.id });
      const body = EnrolResponse.parse((await enrol(code)).json());
      const device = await database.db.selectFrom('devices').selectAll().where('id', '=', body.deviceId).executeTakeFirstOrThrow();
      expect(device.token_hash).not.toContain(body.deviceToken);
      expect(device.token_hash).toMatch(/^[0-9a-f]{64}$/);
      const codes = await database.db.selectFrom('enrolment_codes').selectAll().execute();
      const devices = await database.db.selectFrom('devices').selectAll().execute();
      const everything = JSON.stringify([codes, devices]);
      expect(everything).not.toContain(body.deviceToken);
      expect(everything).not.toContain(code);
    });

    it('lets only one of two tablets racing with one code through', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const { code } = await issueEnrolmentCode(database.db, { hallId: fx.hall.id });
      const answers = await Promise.all([enrol(code), enrol(code), enrol(code)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
      const devices = await database.db.selectFrom('devices').select('id').where('hall_id', '=', fx.hall.id).execute();
      expect(devices).toHaveLength(2); // the fixture's own device and the winner
    });
  });
});
