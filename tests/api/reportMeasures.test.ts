import { describe, expect, it } from 'vitest';
import { withRatios } from '../../src/shared/measures.ts';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import type { RecommendationRecord } from '../../src/shared/schemas/fieldRecords.ts';
import { type CampaignDayRow, DailyReport, type PersonDayRow, VisitDetailResponse } from '../../src/shared/schemas/reports.ts';
import { type ApiContext, PAST_DAYS_WINDOW_MS, useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { type HallFixture, makeRecommendation, makeVisit, makeVisitClose } from '../helpers/apiFixtures.ts';
import { type ManageHall, seedManageHall } from '../helpers/manageFixtures.ts';
import { addCampaign, makeVoid, outbox, reportApi } from '../helpers/reportFixtures.ts';

/**
 * Every measure, to the exact count, per person per day and per campaign per day, in the hall's
 * time zone (Asia/Shanghai, UTC+8): 2026-03-01T15:59:59Z is 23:59:59 on 1 March there, and
 * 16:00:00Z is midnight of 2 March. One visit is voided and must count nowhere.
 */

const D1 = '2026-03-01';
const D2 = '2026-03-02';
const ALL = [...MUST_SAY_KEYS];

/** When the server receives the pushes: the void on the visit's own day, the rest the morning after. */
let serverNow = '2026-03-02T05:00:00Z';

/** The day's records of the hall's consultant (C) and floor marketer (M), pushed from its tablet. */
async function seed({ app, database }: ApiContext, h: ManageHall) {
  const fx = h.fx;
  const vas = { campaignId: fx.campaign.id, talkTrackVersionId: fx.talkTrack.id };
  const bb = await addCampaign(database, fx, { category: 'broadband', title: '千兆宽带' });
  const broadband = { campaignId: bb.campaign.id, talkTrackVersionId: bb.talkTracks[0]!.id };
  const C = fx.consultantId;
  const M = fx.marketerId;
  const box = outbox(app, fx);
  const visit = (staffId: string, openedAt: string) => makeVisit(fx, { staffId, openedAt });
  const rec = (v: { id: string; staffId: string }, o: Partial<RecommendationRecord>): RecommendationRecord =>
    makeRecommendation(fx, v.id, { staffId: v.staffId, recordedAt: '2026-03-01T08:00:00Z', ...o });
  const close = (v: { id: string; staffId: string }, closedAt: string) => makeVisitClose(fx, v.id, { staffId: v.staffId, closedAt });

  const v1 = visit(C, '2026-03-01T02:00:00Z');
  const v2 = visit(C, '2026-03-01T15:59:59Z');
  const v3 = visit(C, '2026-03-01T16:00:00Z');
  const v4 = visit(C, '2026-03-02T03:00:00Z');
  const v5 = visit(C, '2026-03-01T05:00:00Z');
  const v6 = visit(C, '2026-03-01T07:00:00Z');
  const v7 = visit(M, '2026-03-01T03:00:00+00:00');
  const v8 = visit(M, '2026-03-02T12:00:00+08:00');
  const r = {
    r1: rec(v1, { ...vas, outcome: 'accepted', elementsSaid: ALL }),
    r2: rec(v1, { ...broadband, outcome: 'declined', declineReason: 'price', elementsSaid: ['name', 'price', 'cancel'] }),
    // Recorded after local midnight, on a visit opened before it: counts on the visit's day.
    r3: rec(v2, { ...vas, outcome: 'considering', elementsSaid: ['name', 'price'], recordedAt: '2026-03-01T16:00:30Z' }),
    r4: rec(v4, { ...broadband, outcome: 'accepted', elementsSaid: ALL }),
    r5: rec(v4, { ...vas, outcome: 'accepted', elementsSaid: [] }),
    r6: rec(v5, { ...vas, outcome: 'accepted', elementsSaid: ALL }),
    r7: rec(v7, { ...vas, outcome: 'ineligible', elementsSaid: ['eligibility'] }),
    r8: rec(v7, { ...vas, outcome: 'accepted', elementsSaid: ALL }),
  };
  // The voided visit first, received on its own day (a void counts only then).
  serverNow = '2026-03-01T08:01:00Z';
  box.add(v5, r.r6, close(v5, '2026-03-01T05:05:00Z'));
  box.add(makeVoid(fx, v5.id, { voidedAt: '2026-03-01T06:00:00Z', reason: '客户改主意，误录' }));
  await box.sendAll();
  serverNow = '2026-03-02T05:00:00Z';
  box.add(v1, r.r1, r.r2, close(v1, '2026-03-01T02:10:00Z'));
  box.add(v2, r.r3, close(v2, '2026-03-01T16:01:00Z'));
  box.add(v3, makeVisitClose(fx, v3.id, { closedAt: '2026-03-01T16:05:00Z', noRecommendationConfirmed: true }));
  box.add(v4, r.r4, r.r5);
  box.add(v6);
  box.add(v7, r.r7, r.r8, close(v7, '2026-03-01T03:20:00Z'));
  box.add(v8, close(v8, '2026-03-02T04:10:00Z'));
  await box.sendAll();
  return { fx, bb, C, M, v: { v1, v2, v3, v4, v5, v6, v7, v8 }, r };
}

function person(fx: HallFixture, staffId: string, staffName: string, day: string, counts: Omit<PersonDayRow, 'day' | 'hallId' | 'staffId' | 'staffName'>): PersonDayRow {
  return { day, hallId: fx.hall.id, staffId, staffName, ...counts };
}

const byKey = <T extends { day: string }>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => `${a.day}${key(a)}`.localeCompare(`${b.day}${key(b)}`));

forEachEngine((engine) => {
  const ctx = useApiApp(engine, { clockWindowMs: PAST_DAYS_WINDOW_MS, pushClock: () => new Date(serverNow) });

  describe('daily tallies', () => {
    it('counts every measure per person per day and per campaign per day, in the hall’s time zone, voids left out', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const { fx, bb, C, M } = await seed(ctx(), h);
      const res = await reportApi(app, h.manager).daily({ from: D1, to: D2 });
      expect(res.statusCode, res.body).toBe(200);
      const report = DailyReport.parse(res.json());
      expect(report.halls).toEqual([fx.hall]);
      expect([report.from, report.to]).toEqual([D1, D2]);

      const c = '测试员甲';
      const m = '测试员乙';
      expect(byKey(report.byPerson, (r) => r.staffId)).toEqual(
        byKey(
          [
            person(fx, C, c, D1, { visits: 3, visitsWithRecommendation: 2, visitsWithoutRecommendation: 0, recommendations: 3, accepted: 1, vasVisits: 1, elementsSaid: 12, fullCoverage: 1 }),
            person(fx, C, c, D2, { visits: 2, visitsWithRecommendation: 1, visitsWithoutRecommendation: 1, recommendations: 2, accepted: 2, vasVisits: 1, elementsSaid: 7, fullCoverage: 1 }),
            person(fx, M, m, D1, { visits: 1, visitsWithRecommendation: 1, visitsWithoutRecommendation: 0, recommendations: 2, accepted: 1, vasVisits: 1, elementsSaid: 8, fullCoverage: 1 }),
            person(fx, M, m, D2, { visits: 1, visitsWithRecommendation: 0, visitsWithoutRecommendation: 1, recommendations: 0, accepted: 0, vasVisits: 0, elementsSaid: 0, fullCoverage: 0 }),
          ],
          (r) => r.staffId,
        ),
      );

      const campaignRow = (campaignId: string, title: { zh: string; en?: string }, category: CampaignDayRow['category'], day: string, o: [number, number, number, number], elementsSaid: number, fullCoverage: number): CampaignDayRow => ({
        day,
        hallId: fx.hall.id,
        campaignId,
        title,
        category,
        recommendations: o[0] + o[1] + o[2] + o[3],
        outcomes: { accepted: o[0], declined: o[1], considering: o[2], ineligible: o[3] },
        elementsSaid,
        fullCoverage,
      });
      const A = fx.campaign;
      const B = bb.campaign;
      expect(byKey(report.byCampaign, (r) => r.campaignId)).toEqual(
        byKey(
          [
            campaignRow(A.id, A.title, 'vas', D1, [2, 0, 1, 1], 17, 2),
            campaignRow(B.id, B.title, 'broadband', D1, [0, 1, 0, 0], 3, 0),
            campaignRow(A.id, A.title, 'vas', D2, [1, 0, 0, 0], 0, 0),
            campaignRow(B.id, B.title, 'broadband', D2, [1, 0, 0, 0], 7, 1),
          ],
          (r) => r.campaignId,
        ),
      );

      // The ratios of DESIGN.md from those counts.
      const cD1 = report.byPerson.find((r) => r.staffId === C && r.day === D1)!;
      expect(withRatios(cD1)).toMatchObject({
        recommendationRate: 2 / 3,
        conversion: 1 / 3,
        vasAttachment: 1 / 3,
        mustSayCoverage: 12 / 21,
        fullCoverageShare: 1 / 3,
      });
    });

    it('narrows the recommendations, not the visits, by category and by campaign; one day alone', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const { fx, bb, C, M } = await seed(ctx(), h);
      const api = reportApi(app, h.manager);
      const broadband = DailyReport.parse((await api.daily({ from: D1, to: D2, category: 'broadband' })).json());
      const counts = (rows: PersonDayRow[]) =>
        Object.fromEntries(rows.map((r) => [`${r.staffId === C ? 'C' : 'M'} ${r.day}`, [r.visits, r.visitsWithRecommendation, r.visitsWithoutRecommendation, r.recommendations, r.accepted, r.vasVisits, r.elementsSaid, r.fullCoverage]]));
      expect(counts(broadband.byPerson)).toEqual({
        [`C ${D1}`]: [3, 1, 1, 1, 0, 0, 3, 0],
        [`C ${D2}`]: [2, 1, 1, 1, 1, 0, 7, 1],
        [`M ${D1}`]: [1, 0, 1, 0, 0, 0, 0, 0],
        [`M ${D2}`]: [1, 0, 1, 0, 0, 0, 0, 0],
      });
      expect(broadband.byCampaign.map((r) => [r.day, r.campaignId])).toEqual([
        [D1, bb.campaign.id],
        [D2, bb.campaign.id],
      ]);

      const vas = DailyReport.parse((await api.daily({ from: D1, to: D1, campaignId: fx.campaign.id })).json());
      expect(counts(vas.byPerson)).toEqual({
        [`C ${D1}`]: [3, 2, 0, 2, 1, 1, 9, 1],
        [`M ${D1}`]: [1, 1, 0, 2, 1, 1, 8, 1],
      });
      expect(vas.byCampaign.map((r) => [r.day, r.campaignId, r.recommendations])).toEqual([[D1, fx.campaign.id, 4]]);

      const only = DailyReport.parse((await api.daily({ from: D2, to: D2, staffId: M })).json());
      expect(counts(only.byPerson)).toEqual({ [`M ${D2}`]: [1, 0, 1, 0, 0, 0, 0, 0] });
      expect(only.byCampaign).toEqual([]);
    });
  });

  describe('the visits behind a tally', () => {
    it('lists a day’s visits with their recommendations, the voided one with its reason', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const { fx, bb, C, v, r } = await seed(ctx(), h);
      const api = reportApi(app, h.manager);
      const res = await api.visits({ day: D1, staffId: C });
      expect(res.statusCode, res.body).toBe(200);
      const { visits } = VisitDetailResponse.parse(res.json());
      expect(visits.map((x) => x.id)).toEqual([v.v1.id, v.v2.id, v.v5.id, v.v6.id]);
      const [d1, d2, d5, d6] = visits;
      expect(d1).toEqual({
        id: v.v1.id,
        hallId: fx.hall.id,
        day: D1,
        staffId: C,
        staffName: '测试员甲',
        deviceId: fx.device.id,
        deviceLabel: 'test tablet',
        openedAt: '2026-03-01T02:00:00Z',
        closedAt: '2026-03-01T02:10:00Z',
        source: 'walk_in',
        business: 'bill_payment',
        void: null,
        recommendations: [
          {
            id: r.r1.id,
            campaignId: fx.campaign.id,
            campaignTitle: fx.campaign.title,
            category: 'vas',
            talkTrackVersionId: fx.talkTrack.id,
            talkTrackVersion: 1,
            elementsSaid: ALL,
            demoDeviceUsed: false,
            outcome: 'accepted',
            declineReason: null,
            recordedAt: '2026-03-01T08:00:00Z',
          },
          {
            id: r.r2.id,
            campaignId: bb.campaign.id,
            campaignTitle: bb.campaign.title,
            category: 'broadband',
            talkTrackVersionId: bb.talkTracks[0]!.id,
            talkTrackVersion: 1,
            elementsSaid: ['name', 'price', 'cancel'],
            demoDeviceUsed: false,
            outcome: 'declined',
            declineReason: 'price',
            recordedAt: '2026-03-01T08:00:00Z',
          },
        ],
      });
      expect(d2!.recommendations.map((x) => x.id)).toEqual([r.r3.id]);
      expect(d5).toMatchObject({ id: v.v5.id, void: { at: '2026-03-01T06:00:00Z', reason: '客户改主意，误录' } });
      expect(d5!.recommendations.map((x) => x.id)).toEqual([r.r6.id]);
      expect(d6).toMatchObject({ closedAt: null, void: null, recommendations: [] });

      // The visit opened at 16:00:00Z belongs to 2 March.
      const day2 = VisitDetailResponse.parse((await api.visits({ day: D2 })).json()).visits;
      expect(day2.map((x) => x.id)).toEqual([v.v3.id, v.v4.id, v.v8.id]);

      // Behind a campaign's day: the visits with its recommendations, and only those.
      const ofB = VisitDetailResponse.parse((await api.visits({ day: D1, campaignId: bb.campaign.id })).json()).visits;
      expect(ofB.map((x) => [x.id, x.recommendations.map((y) => y.id)])).toEqual([[v.v1.id, [r.r2.id]]]);
      const ofVas = VisitDetailResponse.parse((await api.visits({ day: D1, category: 'vas' })).json()).visits;
      expect(ofVas.map((x) => x.id)).toEqual([v.v1.id, v.v2.id, v.v5.id, v.v7.id]);
    });
  });
});
