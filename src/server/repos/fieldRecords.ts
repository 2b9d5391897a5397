import type { Kysely } from 'kysely';
import type { FieldRecord, FieldRecordKind } from '../../shared/schemas/fieldRecords.ts';
import { bool, toJson } from '../db/json.ts';
import type { Schema } from '../db/schema.ts';

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Which of these record ids are stored already (one query per chunk, not one per record). */
export async function existingFieldRecordIds(db: Kysely<Schema>, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('field_records').select('id').where('id', 'in', part).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Which of these visit ids are stored for the hall. */
export async function existingVisitIds(db: Kysely<Schema>, hallId: string, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    // By primary key only: with the hall in the WHERE clause SQLite picks the hall index and
    // scans every visit of the hall on each push.
    const rows = await db.selectFrom('visits').select(['id', 'hall_id']).where('id', 'in', part).execute();
    for (const r of rows) if (r.hall_id === hallId) found.add(r.id);
  }
  return found;
}

export interface StoredRecord {
  record: FieldRecord;
  seq: number;
}

/**
 * Stores validated, new records in multi-row inserts, parents first (visits before the
 * recommendations and closes that name them). Ids are unique in field_records: a record that
 * some concurrent push stored first is skipped there and in its own table, never doubled.
 */
export async function insertFieldRecords(trx: Kysely<Schema>, stored: readonly StoredRecord[], receivedAt: string): Promise<void> {
  if (stored.length === 0) return;
  for (const part of chunks(stored)) {
    await trx
      .insertInto('field_records')
      .values(
        part.map(({ record, seq }) => ({
          id: record.id,
          kind: record.kind,
          hall_id: record.hallId,
          device_id: record.deviceId,
          seq,
          received_at: receivedAt,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const base = (r: FieldRecord) => ({ id: r.id, hall_id: r.hallId, device_id: r.deviceId, staff_id: r.staffId });
  const visits = stored.flatMap(({ record: r }) =>
    r.kind === 'visit' ? [{ ...base(r), opened_at: r.openedAt, source: r.source, business: r.business, segment: r.segment }] : [],
  );
  const recommendations = stored.flatMap(({ record: r }) =>
    r.kind === 'recommendation'
      ? [
          {
            ...base(r),
            visit_id: r.visitId,
            campaign_id: r.campaignId,
            talk_track_version_id: r.talkTrackVersionId,
            elements_said: toJson(r.elementsSaid),
            demo_device_used: bool(r.demoDeviceUsed),
            outcome: r.outcome,
            decline_reason: r.declineReason,
            recorded_at: r.recordedAt,
          },
        ]
      : [],
  );
  const closes = stored.flatMap(({ record: r }) =>
    r.kind === 'visit_close'
      ? [{ ...base(r), visit_id: r.visitId, closed_at: r.closedAt, no_recommendation_confirmed: bool(r.noRecommendationConfirmed) }]
      : [],
  );
  for (const part of chunks(visits)) await trx.insertInto('visits').values(part).onConflict((oc) => oc.column('id').doNothing()).execute();
  for (const part of chunks(recommendations)) {
    await trx.insertInto('recommendations').values(part).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
  for (const part of chunks(closes)) await trx.insertInto('visit_closes').values(part).onConflict((oc) => oc.column('id').doNothing()).execute();
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
