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

/**
 * Which of these record ids are stored already, with their content hash (null for a record stored
 * before hashes were kept); one query per chunk, not one per record.
 */
export async function existingFieldRecordHashes(db: Kysely<Schema>, ids: readonly string[]): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('field_records').select(['id', 'content_hash']).where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, r.content_hash);
  }
  return found;
}

/** What the push rules need to know of a visit a record names. */
export interface KnownVisit {
  staffId: string;
  /** Its hall-local day: its recommendations count on this day, and a void must come on it. */
  localDay: string;
  voided: boolean;
}

/**
 * The stored visits of the hall among these ids. `lock` (PostgreSQL) holds the rows until the push
 * commits, so two pushes voiding one visit at once run one after the other and the second sees the
 * first's void; FOR NO KEY UPDATE does not block other pushes' recommendations naming the visit.
 */
export async function loadKnownVisits(
  db: Kysely<Schema>,
  hallId: string,
  ids: readonly string[],
  lock = false,
): Promise<Map<string, KnownVisit>> {
  const found = new Map<string, KnownVisit>();
  for (const part of chunks([...new Set(ids)].sort())) {
    // By primary key only: with the hall in the WHERE clause SQLite picks the hall index and
    // scans every visit of the hall on each push.
    const query = db
      .selectFrom('visits')
      .select(['id', 'hall_id', 'staff_id', 'local_day', 'voided_at'])
      .where('id', 'in', part)
      .orderBy('id');
    const rows = await (lock ? query.forNoKeyUpdate() : query).execute();
    for (const r of rows) {
      if (r.hall_id === hallId) found.set(r.id, { staffId: r.staff_id, localDay: r.local_day, voided: r.voided_at !== null });
    }
  }
  return found;
}

export interface StoredRecord {
  record: FieldRecord;
  seq: number;
  /** The hall-local day of the record's visit (of the visit itself for a visit). */
  localDay: string;
  /** sha256 of the record's canonical JSON as the tablet sent it. */
  contentHash: string;
}

/**
 * Stores validated, new records in multi-row inserts, parents first (visits before the
 * recommendations, closes and voids that name them). Ids are unique in field_records: a record that
 * some concurrent push stored first is skipped there and in its own table, never doubled. A void
 * marks its visit in the same transaction, so no report ever sees one without the other.
 */
export async function insertFieldRecords(trx: Kysely<Schema>, stored: readonly StoredRecord[], receivedAt: string): Promise<void> {
  if (stored.length === 0) return;
  for (const part of chunks(stored)) {
    await trx
      .insertInto('field_records')
      .values(
        part.map(({ record, seq, contentHash }) => ({
          id: record.id,
          kind: record.kind,
          hall_id: record.hallId,
          device_id: record.deviceId,
          seq,
          received_at: receivedAt,
          content_hash: contentHash,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const base = (r: FieldRecord) => ({ id: r.id, hall_id: r.hallId, device_id: r.deviceId, staff_id: r.staffId });
  const visits = stored.flatMap(({ record: r, localDay }) =>
    r.kind === 'visit'
      ? [
          {
            ...base(r),
            opened_at: r.openedAt,
            source: r.source,
            business: r.business,
            segment: r.segment,
            local_day: localDay,
            voided_at: null,
            void_reason: null,
          },
        ]
      : [],
  );
  const recommendations = stored.flatMap(({ record: r, localDay }) =>
    r.kind === 'recommendation'
      ? [
          {
            ...base(r),
            local_day: localDay,
            elements_count: r.elementsSaid.length,
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
  for (const { record: r } of stored) {
    if (r.kind !== 'visit_void') continue;
    await trx
      .insertInto('visit_voids')
      .values({ ...base(r), visit_id: r.visitId, voided_at: r.voidedAt, reason: r.reason })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .updateTable('visits')
      .set({ voided_at: r.voidedAt, void_reason: r.reason })
      .where('id', '=', r.visitId)
      .where('voided_at', 'is', null)
      .execute();
  }
}

const KIND_TABLES = {
  visit: 'visits',
  recommendation: 'recommendations',
  visit_close: 'visit_closes',
  visit_void: 'visit_voids',
} as const;

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
