import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { FieldRecord, Outcome } from '../../shared/schemas/fieldRecords.ts';
import type { StaffMember } from '../../shared/schemas/reference.ts';
import type { LocalVisit, OutboxEntry, TalktrackDb } from './db.ts';

/** Who is looking: a person sees their own refused records; a manager sees everyone's on this tablet. */
export interface RefusedViewer {
  staffId: string;
  seesAll: boolean;
}

/** A record the server did not store, with what a person needs to recognise it: the visit, the person, the offer. */
export interface RefusedRecord {
  entry: OutboxEntry;
  visit: LocalVisit | null;
  staff: StaffMember | null;
  campaign: { title: LocalizedText; outcome: Outcome } | null;
}

/** The visit a record belongs to: a visit is its own, every other kind names it. */
export const visitIdOf = (record: FieldRecord): string => (record.kind === 'visit' ? record.id : record.visitId);

async function refusedEntries(db: TalktrackDb, viewer: RefusedViewer): Promise<OutboxEntry[]> {
  const all = await db.outbox.where('status').equals('rejected').toArray();
  return viewer.seesAll ? all : all.filter((e) => e.record.staffId === viewer.staffId);
}

/** Refused records this viewer may see, oldest first, each with its visit, person and (for a recommendation) offer. */
export async function refusedRecordsFor(db: TalktrackDb, viewer: RefusedViewer): Promise<RefusedRecord[]> {
  const entries = await refusedEntries(db, viewer);
  const [visits, staff] = await Promise.all([
    db.visits.bulkGet(entries.map((e) => visitIdOf(e.record))),
    db.staff.bulkGet(entries.map((e) => e.record.staffId)),
  ]);
  const recs = entries.flatMap((e) => (e.record.kind === 'recommendation' ? [e.record] : []));
  const campaigns = new Map(
    (await db.campaigns.bulkGet([...new Set(recs.map((r) => r.campaignId))])).flatMap((c) => (c ? [[c.id, c.title] as const] : [])),
  );
  return entries.map((entry, i) => {
    const { record } = entry;
    const title = record.kind === 'recommendation' ? campaigns.get(record.campaignId) : undefined;
    return {
      entry,
      visit: visits[i] ?? null,
      staff: staff[i] ?? null,
      campaign: record.kind === 'recommendation' && title ? { title, outcome: record.outcome } : null,
    };
  });
}

/** The visits of this person with a record the server did not store, for marking them in "Today's visits". */
export async function refusedVisitIdsOf(db: TalktrackDb, staffId: string): Promise<Set<string>> {
  const entries = await refusedEntries(db, { staffId, seesAll: false });
  return new Set(entries.map((e) => visitIdOf(e.record)));
}
