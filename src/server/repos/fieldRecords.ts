import type { Kysely } from 'kysely';
import type { FieldRecord, FieldRecordKind } from '../../shared/schemas/fieldRecords.ts';
import { bool, toJson } from '../db/json.ts';
import type { Schema } from '../db/schema.ts';

export async function fieldRecordExists(db: Kysely<Schema>, id: string): Promise<boolean> {
  const row = await db.selectFrom('field_records').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function visitExistsInHall(db: Kysely<Schema>, visitId: string, hallId: string): Promise<boolean> {
  const row = await db
    .selectFrom('visits')
    .select('id')
    .where('id', '=', visitId)
    .where('hall_id', '=', hallId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores a validated record once. The id is claimed in field_records with insert-or-ignore: when
 * another push (or device) already holds it, nothing is written and 'duplicate' is answered.
 */
export async function insertFieldRecord(
  trx: Kysely<Schema>,
  record: FieldRecord,
  meta: { seq: number; receivedAt: string },
): Promise<'inserted' | 'duplicate'> {
  const claim = await trx
    .insertInto('field_records')
    .values({
      id: record.id,
      kind: record.kind,
      hall_id: record.hallId,
      device_id: record.deviceId,
      seq: meta.seq,
      received_at: meta.receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(claim.numInsertedOrUpdatedRows ?? 0n) !== 1) return 'duplicate';

  const base = { id: record.id, hall_id: record.hallId, device_id: record.deviceId, staff_id: record.staffId };
  switch (record.kind) {
    case 'visit':
      await trx
        .insertInto('visits')
        .values({
          ...base,
          opened_at: record.openedAt,
          source: record.source,
          business: record.business,
          segment: record.segment,
        })
        .execute();
      break;
    case 'recommendation':
      await trx
        .insertInto('recommendations')
        .values({
          ...base,
          visit_id: record.visitId,
          campaign_id: record.campaignId,
          talk_track_version_id: record.talkTrackVersionId,
          elements_said: toJson(record.elementsSaid),
          demo_device_used: bool(record.demoDeviceUsed),
          outcome: record.outcome,
          decline_reason: record.declineReason,
          recorded_at: record.recordedAt,
        })
        .execute();
      break;
    case 'visit_close':
      await trx
        .insertInto('visit_closes')
        .values({
          ...base,
          visit_id: record.visitId,
          closed_at: record.closedAt,
          no_recommendation_confirmed: bool(record.noRecommendationConfirmed),
        })
        .execute();
      break;
  }
  return 'inserted';
}

const KIND_TABLES = { visit: 'visits', recommendation: 'recommendations', visit_close: 'visit_closes' } as const;

/** Ids of the stored records of one kind, optionally of one device (for reports and tests). */
export async function listFieldRecordIds(
  db: Kysely<Schema>,
  kind: FieldRecordKind,
  deviceId?: string,
): Promise<string[]> {
  let query = db.selectFrom(KIND_TABLES[kind]).select('id');
  if (deviceId !== undefined) query = query.where('device_id', '=', deviceId);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => r.id);
}
