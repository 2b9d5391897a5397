import type { Kysely, Selectable } from 'kysely';
import { ACCEPTABLE_HELD_REASONS, HeldReason, type HeldRecord, HeldStatus } from '../../shared/schemas/heldRecords.ts';
import type { HeldRecordsTable, Schema } from '../db/schema.ts';

export type HeldRow = Selectable<HeldRecordsTable>;

/** A refused record as the push keeps it: the record's canonical JSON, so equal content is equal text. */
export interface NewHeldRecord {
  id: string;
  hallId: string;
  deviceId: string;
  seq: number;
  recordId: string | null;
  kind: string | null;
  staffId: string | null;
  recordTime: string | null;
  reason: HeldReason;
  message: string;
  record: string;
  sig: string | null;
}

/** Multi-row inserts in the push's transaction: a batch of 500 refusals costs three statements. */
export async function insertHeldRecords(trx: Kysely<Schema>, rows: readonly NewHeldRecord[], receivedAt: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('held_records')
      .values(
        rows.slice(i, i + 200).map((r) => ({
          id: r.id,
          hall_id: r.hallId,
          device_id: r.deviceId,
          seq: r.seq,
          record_id: r.recordId,
          kind: r.kind,
          staff_id: r.staffId,
          record_time: r.recordTime,
          reason: r.reason,
          message: r.message,
          record: r.record,
          sig: r.sig,
          received_at: receivedAt,
          status: 'held' as const,
          decided_by: null,
          decided_at: null,
          decision_note: null,
        })),
      )
      .execute();
  }
}

/** The contents already held under each of these seqs of a device: a conflict is kept once per distinct content. */
export async function heldContents(db: Kysely<Schema>, deviceId: string, seqs: readonly number[]): Promise<Map<number, Set<string>>> {
  const found = new Map<number, Set<string>>();
  if (seqs.length === 0) return found;
  const rows = await db
    .selectFrom('held_records')
    .select(['seq', 'record'])
    .where('device_id', '=', deviceId)
    .where('seq', 'in', [...new Set(seqs)])
    .execute();
  for (const r of rows) {
    const set = found.get(r.seq) ?? new Set<string>();
    set.add(r.record);
    found.set(r.seq, set);
  }
  return found;
}

export async function getHeldRow(db: Kysely<Schema>, id: string, lock = false): Promise<HeldRow | undefined> {
  const query = db.selectFrom('held_records').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** A manager's decision; only a row still held is changed (false: someone decided first). */
export async function decideHeldRecord(
  trx: Kysely<Schema>,
  id: string,
  decision: { status: 'accepted' | 'discarded'; by: string; at: string; note: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('held_records')
    .set({ status: decision.status, decided_by: decision.by, decided_at: decision.at, decision_note: decision.note })
    .where('id', '=', id)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const MAX_LISTED = 1000;

/** Held records of one hall (or every hall), newest first, with the tablet's label and the names. */
export async function listHeldRecords(
  db: Kysely<Schema>,
  filter: { hallIds?: readonly string[]; status: HeldStatus | 'all'; id?: string },
): Promise<HeldRecord[]> {
  let query = db
    .selectFrom('held_records as h')
    .leftJoin('devices as d', 'd.id', 'h.device_id')
    .leftJoin('staff as s', 's.id', 'h.staff_id')
    .leftJoin('staff as b', 'b.id', 'h.decided_by')
    .select([
      'h.id',
      'h.hall_id',
      'h.device_id',
      'd.label as device_label',
      'h.seq',
      'h.record_id',
      'h.kind',
      'h.staff_id',
      's.name as staff_name',
      'h.record_time',
      'h.reason',
      'h.message',
      'h.received_at',
      'h.status',
      'h.decided_by',
      'b.name as decided_by_name',
      'h.decided_at',
      'h.decision_note',
    ]);
  if (filter.id !== undefined) query = query.where('h.id', '=', filter.id);
  if (filter.hallIds !== undefined) {
    if (filter.hallIds.length === 0) return [];
    query = query.where('h.hall_id', 'in', [...filter.hallIds]);
  }
  if (filter.status !== 'all') query = query.where('h.status', '=', filter.status);
  const rows = await query.orderBy('h.received_at', 'desc').orderBy('h.id', 'desc').limit(MAX_LISTED).execute();
  return rows.map((r) => {
    const reason = HeldReason.parse(r.reason);
    const status = HeldStatus.parse(r.status);
    return {
      id: r.id,
      hallId: r.hall_id,
      deviceId: r.device_id,
      deviceLabel: r.device_label ?? null,
      seq: r.seq,
      recordId: r.record_id,
      kind: r.kind,
      // A staff id a refused record named that is no one: shown without a person.
      staff: r.staff_id !== null && r.staff_name !== null ? { id: r.staff_id, name: r.staff_name } : null,
      recordTime: r.record_time,
      reason,
      message: r.message,
      receivedAt: r.received_at,
      status,
      acceptable: status === 'held' && ACCEPTABLE_HELD_REASONS.includes(reason),
      decidedBy: r.decided_by !== null ? { id: r.decided_by, name: r.decided_by_name ?? r.decided_by } : null,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
    };
  });
}
