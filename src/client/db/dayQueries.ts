import { localDate } from '../../shared/localDate.ts';
import { tally, type Tally } from '../../shared/measures.ts';
import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { RecommendationRecord } from '../../shared/schemas/fieldRecords.ts';
import type { CampaignCategory } from '../../shared/schemas/reference.ts';
import type { LocalVisit, TalktrackDb } from './db.ts';

/**
 * Queries of one day's records on this device, for the lazily loaded screens (today's visits
 * list, the reports' offline figures): kept apart from queries.ts so the counter's first load
 * does not carry them.
 */

/** Visits opened on `day` (hall-local) on this device: read through the openedAt index, a day and a half back at most. */
async function visitsOfToday(db: TalktrackDb, timeZone: string, now: Date, staffId: string | null): Promise<LocalVisit[]> {
  const today = localDate(now, timeZone);
  const since = new Date(now.getTime() - 36 * 3600_000).toISOString();
  const recent =
    staffId === null
      ? await db.visits.where('openedAt').aboveOrEqual(since).toArray()
      : await db.visits.where('[staffId+openedAt]').between([staffId, since], [staffId, '\uffff']).toArray();
  return recent.filter((v) => localDate(v.openedAt, timeZone) === today);
}

async function campaignsOf(db: TalktrackDb, recs: readonly RecommendationRecord[]) {
  const campaigns = await db.campaigns.bulkGet([...new Set(recs.map((r) => r.campaignId))]);
  return new Map(campaigns.flatMap((c) => (c ? [[c.id, c] as const] : [])));
}

export interface TodayVisitRec {
  rec: RecommendationRecord;
  title: LocalizedText | null;
}

export interface TodayVisit {
  visit: LocalVisit;
  recs: TodayVisitRec[];
}

/** The person's visits of today on this device, newest first, voided ones included, each with its recommendations. */
export async function todayVisitsOf(db: TalktrackDb, staffId: string, timeZone: string, now = new Date()): Promise<TodayVisit[]> {
  const visits = await visitsOfToday(db, timeZone, now, staffId);
  visits.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const recs = await db.recommendations.where('visitId').anyOf(visits.map((v) => v.id)).toArray();
  const campaigns = await campaignsOf(db, recs);
  return visits.map((visit) => ({
    visit,
    recs: recs
      .filter((r) => r.visitId === visit.id)
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
      .map((rec) => ({ rec, title: campaigns.get(rec.campaignId)?.title ?? null })),
  }));
}

export interface LocalPersonDay {
  hallId: string;
  staffId: string;
  staffName: string | null;
  tally: Tally;
  /** Closed visits with no recommendation, as the server counts them. */
  visitsWithoutRecommendation: number;
}

/**
 * Today's figures from the records this device holds, per person, in the hall's time zone:
 * the shared `tally()` over unvoided visits, so they match what the server computes for the same records.
 */
export async function localTodayByPerson(
  db: TalktrackDb,
  options: { hallId: string; timeZone: string; staffId: string | null; now?: Date },
): Promise<LocalPersonDay[]> {
  const now = options.now ?? new Date();
  const visits = (await visitsOfToday(db, options.timeZone, now, options.staffId)).filter((v) => v.hallId === options.hallId && !v.voided);
  const recs = await db.recommendations.where('visitId').anyOf(visits.map((v) => v.id)).toArray();
  const campaigns = await campaignsOf(db, recs);
  const category = (campaignId: string): CampaignCategory => campaigns.get(campaignId)?.category ?? 'other';
  const staffIds = [...new Set(visits.map((v) => v.staffId))];
  const staff = await db.staff.bulkGet(staffIds);
  return staffIds.map((staffId, i) => {
    const mine = visits.filter((v) => v.staffId === staffId);
    const ids = new Set(mine.map((v) => v.id));
    const myRecs = recs.filter((r) => ids.has(r.visitId));
    const withRec = new Set(myRecs.map((r) => r.visitId));
    return {
      hallId: options.hallId,
      staffId,
      staffName: staff[i]?.name ?? null,
      tally: tally(
        mine,
        myRecs.map((r) => ({ ...r, category: category(r.campaignId) })),
      ),
      visitsWithoutRecommendation: mine.filter((v) => v.closedAt !== null && !withRec.has(v.id)).length,
    };
  });
}
