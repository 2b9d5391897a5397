import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { Id } from '../../shared/schemas/common.ts';
import type { RefusalReason } from '../../shared/schemas/devices.ts';
import type { Database } from '../db/database.ts';
import { fromJson, toJson } from '../db/json.ts';
import type { LostRecordReportsTable, Schema } from '../db/schema.ts';

/** What one refused push offered: entries above what the server holds, summarised (never the records). */
export interface LostOffer {
  reason: RefusalReason;
  offered: number;
  firstSeq: number;
  lastSeq: number;
  pending: number | null;
  pendingLastSeq: number | null;
  kinds: Record<string, number>;
  staffIds: string[];
}

export type LostReportRow = Selectable<LostRecordReportsTable> & { label: string | null; acked_seq: number };

/** A device offering garbage must not grow its report without bound. */
export const MAX_REPORTED_STAFF = 100;

const StaffIds = z.array(Id);
export const Kinds = z.record(z.string(), z.number().int().nonnegative());

const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Records the offer as the device's report, merged with what it offered before: the seq range
 * and the staff grow, the latest offer's count and kinds replace the earlier ones (a refused
 * device never loses a record, so its latest offer covers the earlier ones). One row per device,
 * so a tablet retrying every few minutes for a week leaves one report, not thousands.
 */
export async function recordLostOffer(
  database: Database,
  device: { id: string; hallId: string },
  offer: LostOffer,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('lost_record_reports')
      .values({
        device_id: device.id,
        hall_id: device.hallId,
        reason: offer.reason,
        first_reported_at: at,
        last_reported_at: at,
        attempts: 1,
        offered: offer.offered,
        first_seq: offer.firstSeq,
        last_seq: offer.lastSeq,
        pending: offer.pending,
        pending_last_seq: offer.pendingLastSeq,
        kinds: toJson(offer.kinds),
        staff_ids: toJson(offer.staffIds.slice(0, MAX_REPORTED_STAFF)),
      })
      .onConflict((oc) => oc.column('device_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return;
    // Another process may be merging the same device's offer: PostgreSQL locks the row, SQLite
    // transactions are serialised already.
    const query = trx.selectFrom('lost_record_reports').selectAll().where('device_id', '=', device.id);
    const row = await (database.engine === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
    const staff = [...new Set([...fromJson(StaffIds, row.staff_ids), ...offer.staffIds])].slice(0, MAX_REPORTED_STAFF);
    await trx
      .updateTable('lost_record_reports')
      .set({
        reason: offer.reason,
        last_reported_at: at,
        attempts: row.attempts + 1,
        offered: offer.offered,
        first_seq: Math.min(row.first_seq, offer.firstSeq),
        last_seq: Math.max(row.last_seq, offer.lastSeq),
        pending: offer.pending ?? row.pending,
        pending_last_seq: maxOf(row.pending_last_seq, offer.pendingLastSeq),
        kinds: toJson(offer.kinds),
        staff_ids: toJson(staff),
      })
      .where('device_id', '=', device.id)
      .execute();
  });
}

/** Reports of these halls' devices, most recently reported first, with the device's label and acked seq. */
export async function listLostReports(db: Kysely<Schema>, hallIds: readonly string[]): Promise<LostReportRow[]> {
  if (hallIds.length === 0) return [];
  return db
    .selectFrom('lost_record_reports as r')
    .innerJoin('devices as d', 'd.id', 'r.device_id')
    .selectAll('r')
    .select(['d.label', 'd.acked_seq'])
    .where('r.hall_id', 'in', [...hallIds])
    .orderBy('r.last_reported_at', 'desc')
    .orderBy('r.device_id')
    .execute();
}

/** The reports of these devices, by device id (the device list shows what each is known to miss). */
export async function lostReportsOf(db: Kysely<Schema>, deviceIds: readonly string[]): Promise<Map<string, Selectable<LostRecordReportsTable>>> {
  if (deviceIds.length === 0) return new Map();
  const rows = await db.selectFrom('lost_record_reports').selectAll().where('device_id', 'in', [...deviceIds]).execute();
  return new Map(rows.map((r) => [r.device_id, r]));
}

export const staffIdsOf = (row: Pick<LostRecordReportsTable, 'staff_ids'>): string[] => fromJson(StaffIds, row.staff_ids);
