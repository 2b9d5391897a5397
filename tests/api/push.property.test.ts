import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldRecord } from '../../src/shared/schemas/fieldRecords.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { listFieldRecordIds } from '../../src/server/repos/fieldRecords.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import {
  ackedSeq,
  enrolDevice,
  type HallFixture,
  makeRecommendation,
  makeVisit,
  makeVisitClose,
  push,
  seedHallFixture,
} from '../helpers/apiFixtures.ts';

/** How one outbox entry is made: its kind, whether it is broken, and which earlier entry it refers to. */
const entrySpec = fc.record({
  type: fc.constantFrom('visit', 'recommendation', 'visit_close', 'repeat'),
  flaw: fc.constantFrom('none', 'none', 'none', 'schema', 'campaign'),
  ref: fc.nat(),
});
type EntrySpec = typeof entrySpec extends fc.Arbitrary<infer T> ? T : never;

/** A push of seqs [start, start+length-1] (clipped to the outbox), maybe sent shuffled. */
const windowSpec = fc.record({ start: fc.nat(), length: fc.integer({ min: 1, max: 12 }), reversed: fc.boolean() });

const scenario = fc.record({
  outbox: fc.array(entrySpec, { minLength: 1, maxLength: 20 }),
  pushes: fc.array(windowSpec, { minLength: 1, maxLength: 8 }),
});

interface Built {
  records: unknown[];
  /** Would the server store entry i (0-based) when it reaches it? */
  valid: boolean[];
}

/** Makes the device's outbox and, alongside, the model of which entries the server must accept. */
function buildOutbox(fx: HallFixture, specs: EntrySpec[]): Built {
  const records: unknown[] = [];
  const valid: boolean[] = [];
  const visits: { id: string; valid: boolean }[] = [];
  const unknownId = () => makeVisit(fx).id;
  for (const [i, spec] of specs.entries()) {
    if (spec.type === 'repeat' && i > 0) {
      // The same record again under a new seq (a resend after a reinstall): never stored twice.
      const j = spec.ref % i;
      records.push(records[j]);
      valid.push(valid[j] ?? false);
      continue;
    }
    if (spec.type === 'visit' || spec.type === 'repeat') {
      const visit = makeVisit(fx, spec.flaw === 'schema' ? { business: 'teleport' as never } : {});
      records.push(visit);
      valid.push(spec.flaw !== 'schema');
      visits.push({ id: visit.id, valid: spec.flaw !== 'schema' });
      continue;
    }
    const target = visits.length > 0 ? visits[spec.ref % visits.length] : undefined;
    const visitId = target?.id ?? unknownId();
    let record: FieldRecord | Record<string, unknown>;
    if (spec.type === 'recommendation') {
      record =
        spec.flaw === 'schema'
          ? { ...makeRecommendation(fx, visitId), outcome: 'declined' }
          : makeRecommendation(fx, visitId, spec.flaw === 'campaign' ? { campaignId: unknownId() } : {});
      valid.push(spec.flaw === 'none' && target?.valid === true);
    } else {
      record = spec.flaw === 'schema' ? { ...makeVisitClose(fx, visitId), closedAt: 'yesterday' } : makeVisitClose(fx, visitId);
      valid.push(spec.flaw !== 'schema' && target?.valid === true);
    }
    records.push(record);
  }
  return { records, valid };
}

async function storedIds(fx: HallFixture, ctx: ReturnType<ReturnType<typeof useApiApp>>): Promise<string[]> {
  const { db } = ctx.database;
  const ids = [
    ...(await listFieldRecordIds(db, 'visit', fx.device.id)),
    ...(await listFieldRecordIds(db, 'recommendation', fx.device.id)),
    ...(await listFieldRecordIds(db, 'visit_close', fx.device.id)),
  ];
  return ids.sort();
}

forEachEngine((engine) => {
  const ctx = useApiApp(engine);
  let hall: HallFixture | undefined;

  describe('push, property', () => {
    it('holds exactly the valid records up to the highest gap-free seq sent, once each', { timeout: 240_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ outbox, pushes }) => {
          const { app, database } = ctx();
          hall ??= await seedHallFixture(app, database);
          // A fresh device for each run: its outbox starts at seq 1.
          const fx: HallFixture = { ...hall, device: await enrolDevice(app, database, hall.hall.id) };
          const { records, valid } = buildOutbox(fx, outbox);
          const n = records.length;
          let held = 0;
          for (const w of pushes) {
            const from = (w.start % n) + 1;
            const to = Math.min(n, from + w.length - 1);
            const batch = [];
            for (let seq = from; seq <= to; seq++) batch.push({ seq, record: records[seq - 1] });
            if (w.reversed) batch.reverse();
            const res = await push(app, fx.device.token, { entries: batch });
            expect(res.statusCode, res.body).toBe(200);
            if (from <= held + 1) held = Math.max(held, to);
            const body = PushResponse.parse(res.json());
            expect(body.ackedThrough).toBe(held);
            const expectedRejected = [];
            for (let seq = from; seq <= Math.min(to, held); seq++) if (!valid[seq - 1]) expectedRejected.push(seq);
            expect(body.rejected.map((r) => r.seq)).toEqual(expectedRejected);
          }
          const expected = new Set<string>();
          for (let i = 0; i < held; i++) {
            const id = (records[i] as { id: string }).id;
            if (valid[i]) expected.add(id);
          }
          expect(await storedIds(fx, ctx())).toEqual([...expected].sort());
          expect(await ackedSeq(database, fx.device.id)).toBe(held);
        }),
        { numRuns: 100, seed: 20_260_101, endOnFailure: true },
      );
    });
  });
});
