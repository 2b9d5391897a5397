import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { revokeDevice } from '../../src/server/repos/devices.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { ackedSeq, countStored, entries, makeOutbox, makeVisit, push, seedHallFixture } from '../helpers/apiFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('bad input writes nothing', () => {
    it('answers 400 with {error, message} and leaves the database as it was', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const outbox = makeOutbox(fx, 2);
      expect((await push(app, fx.device.token, { entries: entries(outbox, 1, 1) })).statusCode).toBe(200);
      const before = await countStored(database, fx.device.id);
      const auth = { authorization: `Bearer ${fx.device.token}` };
      const json = { ...auth, 'content-type': 'application/json' };
      const many = Array.from({ length: 501 }, (_, i) => ({ seq: i + 2, record: makeVisit(fx) }));
      const cases: { name: string; payload: string; field?: RegExp; status?: number }[] = [
        { name: 'malformed JSON', payload: '{"entries": [{"seq": 2, "record": ' },
        { name: 'wrong types', payload: JSON.stringify({ entries: [{ seq: 'two', record: outbox[1] }] }), field: /entries\.0\.seq/ },
        { name: 'empty entries', payload: JSON.stringify({ entries: [] }), field: /entries/ },
        { name: 'more than 500 entries', payload: JSON.stringify({ entries: many }), field: /entries/ },
        {
          name: 'repeated seq',
          payload: JSON.stringify({ entries: [{ seq: 2, record: outbox[1] }, { seq: 2, record: outbox[1] }] }),
          field: /seq/,
        },
        { name: 'not an object', payload: JSON.stringify([1, 2, 3]) },
        // Sequence numbers are 32-bit on both engines: past that, refused up front, not a 500 from PostgreSQL.
        {
          name: 'seq past 2^31 - 1',
          payload: JSON.stringify({ entries: [{ seq: 2, record: outbox[1] }, { seq: 3_000_000_000, record: makeVisit(fx) }] }),
          field: /entries\.1\.seq: must be at most 2147483647/,
        },
        {
          name: 'outbox summary past 2^31 - 1',
          payload: JSON.stringify({ entries: [{ seq: 2, record: outbox[1] }], outbox: { pending: 1, lastSeq: 2 ** 32 } }),
          field: /outbox\.lastSeq/,
        },
        { name: 'negative seq', payload: JSON.stringify({ entries: [{ seq: -1, record: outbox[1] }] }), field: /seq/ },
        { name: 'empty body', payload: '' },
      ];
      for (const c of cases) {
        const res = await app.inject({ method: 'POST', url: API.push, headers: json, payload: c.payload });
        expect(res.statusCode, c.name).toBe(c.status ?? 400);
        const body = ApiError.parse(res.json());
        expect(body.message.length, c.name).toBeGreaterThan(10);
        if (c.field !== undefined) expect(body.message, c.name).toMatch(c.field);
      }
      const wrongType = await app.inject({ method: 'POST', url: API.push, headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' });
      expect(wrongType.statusCode).toBe(415);
      expect(ApiError.parse(wrongType.json()).error).toBe('unsupported_media_type');
      const huge = JSON.stringify({ entries: [{ seq: 2, record: { pad: 'x'.repeat(2_200_000) } }] });
      const tooBig = await app.inject({ method: 'POST', url: API.push, headers: json, payload: huge });
      expect(tooBig.statusCode).toBe(413);
      expect(ApiError.parse(tooBig.json()).error).toBe('payload_too_large');
      expect(await countStored(database, fx.device.id)).toEqual(before);
      expect(await ackedSeq(database, fx.device.id)).toBe(1);
    });
  });

  describe('identity is checked before the body', () => {
    it('answers 401 to a missing, wrong or revoked device token, whatever the body', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const other = await seedHallFixture(app, database);
      await revokeDevice(database.db, other.device.id);
      const good = JSON.stringify({ entries: entries(makeOutbox(fx, 1), 1, 1) });
      const headerSets: Record<string, string>[] = [
        {},
        { authorization: 'Bearer not-a-token' },
        { authorization: `Basic ${fx.device.token}` },
        { authorization: `Bearer ${other.device.token}` },
      ];
      for (const headers of headerSets) {
        for (const payload of [good, '{garbage', 'x'.repeat(3_000_000)]) {
          const res = await app.inject({
            method: 'POST',
            url: API.push,
            headers: { ...headers, 'content-type': 'application/json' },
            payload,
          });
          expect(res.statusCode, JSON.stringify(headers)).toBe(401);
          // A token the server knows but revoked says so: the tablet shows its own banner for it.
          const revoked = headers.authorization === `Bearer ${other.device.token}`;
          expect(ApiError.parse(res.json()).error).toBe(revoked ? 'device_revoked' : 'unauthorized');
        }
        const pull = await app.inject({ method: 'GET', url: API.pull, headers });
        expect(pull.statusCode).toBe(401);
        const session = await app.inject({ method: 'POST', url: API.sessions, headers, payload: { staffId: fx.consultantId, pin: '246810' } });
        expect(session.statusCode).toBe(401);
      }
      expect(await countStored(database, fx.device.id)).toMatchObject({ fieldRecords: 0, receipts: 0 });
    });
  });

  describe('another hall is forbidden', () => {
    it('refuses the whole push with 403 when one record names another hall', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const other = await seedHallFixture(app, database);
      const outbox = makeOutbox(fx, 4);
      outbox[2] = makeVisit(fx, { hallId: other.hall.id });
      const res = await push(app, fx.device.token, { entries: entries(outbox, 1, 4) });
      expect(res.statusCode).toBe(403);
      const body = ApiError.parse(res.json());
      expect(body.error).toBe('forbidden');
      expect(body.message).toMatch(/hall/);
      expect(await countStored(database, fx.device.id)).toMatchObject({ fieldRecords: 0, receipts: 0 });
      expect(await ackedSeq(database, fx.device.id)).toBe(0);
      expect(await countStored(database, other.device.id)).toMatchObject({ fieldRecords: 0 });
    });
  });
});
