import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { DailyReport, VisitDetailResponse } from '../../src/shared/schemas/reports.ts';
import { type ApiContext, PAST_DAYS_WINDOW_MS, useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { makeVisit } from '../helpers/apiFixtures.ts';
import { type ManageHall, seedManageHall, type SignedIn } from '../helpers/manageFixtures.ts';
import { outbox, parseCsv, type Query, reportApi } from '../helpers/reportFixtures.ts';

const DAY = '2026-03-01';

/** Each report endpoint, and who is in its answer: "hall name|staff name" per row. */
function endpoints(ctx: ApiContext, halls: readonly ManageHall[]) {
  const hallName = new Map(halls.map((h) => [h.fx.hall.id, h.fx.hall.name.zh]));
  const staffName = new Map(halls.flatMap((h) => [[h.fx.consultantId, '测试员甲'], [h.fx.marketerId, '测试员乙']] as const));
  const who = (hallId: string, staffId: string) => `${hallName.get(hallId)}|${staffName.get(staffId)}`;
  return [
    {
      name: 'daily',
      call: (as: Pick<SignedIn, 'headers'>, q: Query) => reportApi(ctx.app, as).daily({ from: DAY, to: DAY, ...q }),
      rows: (res: LightMyRequestResponse) => DailyReport.parse(res.json()).byPerson.map((r) => who(r.hallId, r.staffId)),
    },
    {
      name: 'visits',
      call: (as: Pick<SignedIn, 'headers'>, q: Query) => reportApi(ctx.app, as).visits({ day: DAY, ...q }),
      rows: (res: LightMyRequestResponse) => VisitDetailResponse.parse(res.json()).visits.map((v) => who(v.hallId, v.staffId)),
    },
    {
      name: 'export',
      call: (as: Pick<SignedIn, 'headers'>, q: Query) => reportApi(ctx.app, as).exportFile({ from: DAY, to: DAY, format: 'csv', ...q }),
      rows: (res: LightMyRequestResponse) =>
        parseCsv(res.rawPayload.subarray(3).toString('utf8'))
          .slice(1)
          .map((cells) => `${cells[1]}|${cells[2]}`),
    },
  ] as const;
}

/** One visit each of the hall's consultant and floor marketer on DAY. */
async function seedVisits(ctx: ApiContext, h: ManageHall): Promise<void> {
  const box = outbox(ctx.app, h.fx);
  box.add(makeVisit(h.fx, { openedAt: `${DAY}T02:00:00Z` }), makeVisit(h.fx, { staffId: h.fx.marketerId, openedAt: `${DAY}T03:00:00Z` }));
  await box.sendAll();
}

const sorted = (rows: readonly string[]) => [...new Set(rows)].sort();

forEachEngine((engine) => {
  const ctx = useApiApp(engine, { clockWindowMs: PAST_DAYS_WINDOW_MS });

  async function twoHalls() {
    const { app, database } = ctx();
    const a = await seedManageHall(app, database);
    const b = await seedManageHall(app, database);
    await seedVisits(ctx(), a);
    await seedVisits(ctx(), b);
    const person = (h: ManageHall, staff: 'c' | 'm') => `${h.fx.hall.name.zh}|${staff === 'c' ? '测试员甲' : '测试员乙'}`;
    return { a, b, person };
  }

  describe('who reads which report rows', () => {
    it('keeps a consultant and a floor marketer to their own rows on every endpoint (asking for anyone else: 403)', async () => {
      const { a, b, person } = await twoHalls();
      for (const e of endpoints(ctx(), [a, b])) {
        for (const [me, myId, other, mine] of [
          [a.consultant, a.fx.consultantId, a.fx.marketerId, person(a, 'c')],
          [a.marketer, a.fx.marketerId, a.fx.consultantId, person(a, 'm')],
        ] as const) {
          const own = await e.call(me, {});
          expect([e.name, own.statusCode], own.body).toEqual([e.name, 200]);
          expect([e.name, sorted(e.rows(own))]).toEqual([e.name, [mine]]);
          expect([e.name, (await e.call(me, { staffId: myId, hallId: a.fx.hall.id })).statusCode]).toEqual([e.name, 200]);
          const someoneElse = await e.call(me, { staffId: other });
          expect([e.name, someoneElse.statusCode]).toEqual([e.name, 403]);
          expect(someoneElse.json().message).toMatch(/your own figures only/);
          const otherHall = await e.call(me, { hallId: b.fx.hall.id });
          expect([e.name, otherHall.statusCode]).toEqual([e.name, 403]);
          expect(otherHall.json().message).toMatch(/your own hall only/);
        }
      }
    });

    it('keeps a manager to their own hall, and lets an admin read any hall or all of them', async () => {
      const { a, b, person } = await twoHalls();
      for (const e of endpoints(ctx(), [a, b])) {
        const mine = await e.call(a.manager, {});
        expect([e.name, mine.statusCode], mine.body).toEqual([e.name, 200]);
        expect([e.name, sorted(e.rows(mine))]).toEqual([e.name, sorted([person(a, 'c'), person(a, 'm')])]);
        const onePerson = await e.call(a.manager, { staffId: a.fx.marketerId, hallId: a.fx.hall.id });
        expect([e.name, sorted(e.rows(onePerson))]).toEqual([e.name, [person(a, 'm')]]);
        expect([e.name, (await e.call(a.manager, { hallId: b.fx.hall.id })).statusCode]).toEqual([e.name, 403]);

        const otherHall = await e.call(a.admin, { hallId: b.fx.hall.id });
        expect([e.name, otherHall.statusCode], otherHall.body).toEqual([e.name, 200]);
        expect([e.name, sorted(e.rows(otherHall))]).toEqual([e.name, sorted([person(b, 'c'), person(b, 'm')])]);
        const everyHall = e.rows(await e.call(a.admin, {}));
        for (const p of [person(a, 'c'), person(a, 'm'), person(b, 'c'), person(b, 'm')]) expect([e.name, everyHall]).toEqual([e.name, expect.arrayContaining([p])]);
        const unknown = await e.call(a.admin, { hallId: uuidv7() });
        expect([e.name, unknown.statusCode, unknown.json().error]).toEqual([e.name, 400, 'unknown_hall']);
      }
      const all = DailyReport.parse((await reportApi(ctx().app, a.admin).daily({ from: DAY, to: DAY })).json());
      expect(all.halls.map((h) => h.id)).toEqual(expect.arrayContaining([a.fx.hall.id, b.fx.hall.id]));
    });

    it('answers 401 without a device token or a live session, before looking at the query', async () => {
      const { a, b } = await twoHalls();
      const noSession = { headers: { authorization: a.manager.headers.authorization! } };
      const badSession = { headers: { ...a.manager.headers, [SESSION_HEADER]: 'not-a-session' } };
      const noDevice = { headers: { [SESSION_HEADER]: a.manager.headers[SESSION_HEADER]! } };
      for (const e of endpoints(ctx(), [a, b])) {
        for (const who of [noSession, badSession, noDevice]) {
          expect([e.name, (await e.call(who, {})).statusCode]).toEqual([e.name, 401]);
          expect([e.name, (await e.call(who, { from: 'yesterday', day: 'today', format: 'pdf' })).statusCode]).toEqual([e.name, 401]);
        }
        const invalid = await e.call(a.manager, { from: '2026-03-02', to: '2026-03-01', day: '1 March', format: 'pdf' });
        expect([e.name, invalid.statusCode, invalid.json().error]).toEqual([e.name, 400, 'invalid_request']);
      }
      const tooLong = await reportApi(ctx().app, a.manager).daily({ from: '2025-01-01', to: '2026-03-01' });
      expect(tooLong.json().message).toMatch(/at most 366 days/);
    });
  });
});
