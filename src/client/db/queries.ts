import { localDate } from '../../shared/localDate.ts';
import { tally, type Tally } from '../../shared/measures.ts';
import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { RecommendationRecord } from '../../shared/schemas/fieldRecords.ts';
import type { Campaign, TalkTrackVersion } from '../../shared/schemas/reference.ts';
import type { LocalVisit, OutboxEntry, TalktrackDb } from './db.ts';

/** Read-only queries the screens use through live queries; each re-runs when its tables change. */

export interface ActiveCampaign {
  campaign: Campaign;
  talkTrack: TalkTrackVersion;
}

/** Published campaigns running on the hall's local date, focus first, with the version to show. */
export async function activeCampaigns(db: TalktrackDb, hallId: string, today: string): Promise<ActiveCampaign[]> {
  const campaigns = await db.campaigns.where('status').equals('published').toArray();
  const running = campaigns.filter(
    (c) => c.hallIds.includes(hallId) && c.startDate <= today && today <= c.endDate && c.currentVersionId,
  );
  const tracks = await db.talkTracks.bulkGet(running.map((c) => c.currentVersionId!));
  return running
    .map((campaign, i) => ({ campaign, talkTrack: tracks[i] }))
    .filter((x): x is ActiveCampaign => x.talkTrack !== undefined)
    .sort((a, b) => Number(b.campaign.focus) - Number(a.campaign.focus) || a.campaign.offerCode.localeCompare(b.campaign.offerCode));
}

export async function openVisitOf(db: TalktrackDb, staffId: string): Promise<LocalVisit | null> {
  const mine = await db.visits.where('staffId').equals(staffId).filter((v) => v.closedAt === null).toArray();
  mine.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return mine[0] ?? null;
}

export async function recommendationsOf(db: TalktrackDb, visitId: string): Promise<RecommendationRecord[]> {
  const recs = await db.recommendations.where('visitId').equals(visitId).toArray();
  return recs.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

/** A visit's recommendations in the order made, each with its campaign's title (null when no longer on the tablet). */
export async function recommendationsWithTitles(db: TalktrackDb, visitId: string): Promise<{ rec: RecommendationRecord; title: LocalizedText | null }[]> {
  const list = await recommendationsOf(db, visitId);
  const campaigns = await db.campaigns.bulkGet([...new Set(list.map((r) => r.campaignId))]);
  const titles = new Map(campaigns.flatMap((c) => (c ? [[c.id, c.title] as const] : [])));
  return list.map((rec) => ({ rec, title: titles.get(rec.campaignId) ?? null }));
}

/** How many recommendations a visit has, read now (not from a live list that may lag a tap). */
export function recommendationCount(db: TalktrackDb, visitId: string): Promise<number> {
  return db.recommendations.where('visitId').equals(visitId).count();
}

/** Every campaign this tablet holds, whatever its state (for naming them in reports). */
export function campaignsOnTablet(db: TalktrackDb): Promise<Campaign[]> {
  return db.campaigns.toArray();
}

/** Records still waiting to be sent. */
export function waitingCount(db: TalktrackDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

export interface OutboxSummary {
  waiting: number;
  rejected: OutboxEntry[];
}

export async function outboxSummary(db: TalktrackDb): Promise<OutboxSummary> {
  const [waiting, rejected] = await Promise.all([
    waitingCount(db),
    db.outbox.where('status').equals('rejected').toArray(),
  ]);
  return { waiting, rejected };
}

/** The signed-in person's counts for today, in the hall's time zone, from this device's records; voided visits left out. */
export async function todayTallyOf(db: TalktrackDb, staffId: string, timeZone: string, now = new Date()): Promise<Tally> {
  const today = localDate(now, timeZone);
  const since = new Date(now.getTime() - 36 * 3600_000).toISOString();
  const visits = (await db.visits.where('[staffId+openedAt]').between([staffId, since], [staffId, '\uffff']).toArray()).filter(
    (v) => !v.voided && localDate(v.openedAt, timeZone) === today,
  );
  const recs = await db.recommendations.where('visitId').anyOf(visits.map((v) => v.id)).toArray();
  const categories = new Map((await db.campaigns.bulkGet([...new Set(recs.map((r) => r.campaignId))])).flatMap((c) => (c ? [[c.id, c.category] as const] : [])));
  return tally(
    visits,
    recs.map((r) => ({ ...r, category: categories.get(r.campaignId) ?? 'other' })),
  );
}
