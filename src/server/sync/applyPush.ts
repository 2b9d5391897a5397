import type { Kysely } from 'kysely';
import { localDate } from '../../shared/localDate.ts';
import { FieldRecord } from '../../shared/schemas/fieldRecords.ts';
import type { PushEntry, PushRequest, PushResponse } from '../../shared/schemas/sync.ts';
import { deviceRevoked } from '../auth/deviceAuth.ts';
import type { Database, Engine } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { describeZodError, forbidden } from '../errors.ts';
import { lockDeviceForPush, markPushed, setAckedSeq } from '../repos/devices.ts';
import { existingFieldRecordIds, insertFieldRecords, loadKnownVisits, type StoredRecord } from '../repos/fieldRecords.ts';
import { hallTimeZone } from '../repos/halls.ts';
import { insertReceipts, listRejected, type Receipt } from '../repos/pushReceipts.ts';
import { nulPath } from '../validate.ts';
import { RecordRules } from './recordRules.ts';

export interface PushingDevice {
  id: string;
  hallId: string;
}

function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null && key in record
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

/** A refused record's id and kind are kept on its receipt only when they could be real: short, no NUL. */
const plausible = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= 64 && !value.includes('\u0000') ? value : null;

/**
 * A record naming another hall is not a mistake to set aside but a device acting outside its
 * hall: the whole request is refused before anything is written.
 */
function assertOwnHall(entries: readonly PushEntry[], hallId: string): void {
  for (const entry of entries) {
    const recordHall = field(entry.record, 'hallId');
    if (typeof recordHall === 'string' && recordHall !== hallId) {
      throw forbidden(
        `entry seq ${entry.seq} is for hall ${recordHall}, but this device belongs to hall ${hallId}; nothing was stored. A device sends only its own hall's records`,
      );
    }
  }
}

/**
 * Stores the next gap-free entries of a device's outbox in one transaction and answers with the
 * highest seq now held. Entries already held are skipped, a gap stops the batch, a bad record is
 * set aside with a rejected receipt: repeating any push changes nothing and gets the same answer.
 */
export async function applyPush(
  database: Database,
  device: PushingDevice,
  request: PushRequest,
  now: Date = new Date(),
): Promise<PushResponse> {
  const entries = [...request.entries].sort((a, b) => a.seq - b.seq);
  assertOwnHall(entries, device.hallId);
  const receivedAt = now.toISOString();
  const firstSeq = entries[0]?.seq ?? 1;
  const lastSeq = entries[entries.length - 1]?.seq ?? 0;

  return database.db.transaction().execute(async (trx) => {
    const row = await lockDeviceForPush(trx, database.engine, device.id);
    if (row === undefined || row.revoked_at !== null) {
      // Revoked between deviceAuth and this transaction: refused the same way.
      throw deviceRevoked();
    }
    const startHeld = row.acked_seq;
    // The new entries: right after what is held, up to the first gap.
    const fresh: PushEntry[] = [];
    let held = startHeld;
    for (const entry of entries) {
      if (entry.seq <= held) continue;
      if (entry.seq !== held + 1) break;
      fresh.push(entry);
      held = entry.seq;
    }
    const receipts = await decide(trx, database.engine, device, fresh);
    await insertFieldRecords(trx, receipts.stored, receivedAt);
    await insertReceipts(trx, receipts.all, receivedAt);
    if (held !== startHeld) await setAckedSeq(trx, device.id, held);
    // For the manager's device list: when, and the highest seq offered. In the push's transaction,
    // so an answer is never lost to bookkeeping after the records committed.
    await markPushed(trx, device.id, lastSeq, now);
    const rejected = await listRejected(trx, device.id, firstSeq, Math.min(lastSeq, held));
    return { ackedThrough: held, rejected };
  });
}

/**
 * What becomes of each new entry, in sequence order: stored, a duplicate of a record already held
 * (sent before under another seq), or refused with its reason. The lookups are made once for the
 * whole batch, so a batch of 500 costs a handful of queries, not thousands.
 */
async function decide(
  trx: Kysely<Schema>,
  engine: Engine,
  device: PushingDevice,
  fresh: readonly PushEntry[],
): Promise<{ all: Receipt[]; stored: StoredRecord[] }> {
  const parsed = fresh.map((entry) => {
    const result = FieldRecord.safeParse(entry.record);
    // Text PostgreSQL cannot store (NUL): this record is refused, the rest of the batch goes on.
    return { entry, result, nul: result.success ? nulPath(result.data) : null };
  });
  const valid = parsed.flatMap((p) => (p.result.success && p.nul === null ? [p.result.data] : []));
  const existing = await existingFieldRecordIds(trx, valid.map((r) => r.id));
  const named = valid.flatMap((r) => (r.kind === 'recommendation' || r.kind === 'visit_close' ? [r.visitId] : []));
  const voided = valid.flatMap((r) => (r.kind === 'visit_void' ? [r.visitId] : []));
  const knownVisits = await loadKnownVisits(trx, device.hallId, named);
  // Visits to void are read locked (PostgreSQL), so that a concurrent void of one waits for this one.
  const toVoid = await loadKnownVisits(trx, device.hallId, voided, engine === 'postgres');
  for (const [id, visit] of toVoid) knownVisits.set(id, visit);
  const timeZone = await hallTimeZone(trx, device.hallId);
  const rules = new RecordRules(trx, device, knownVisits, (instant) => localDate(instant, timeZone));
  const all: Receipt[] = [];
  const stored: StoredRecord[] = [];
  for (const { entry, result, nul } of parsed) {
    const base = {
      deviceId: device.id,
      seq: entry.seq,
      recordId: plausible(field(entry.record, 'id')),
      kind: plausible(field(entry.record, 'kind')),
    };
    if (!result.success) {
      all.push({ ...base, status: 'rejected', error: 'invalid_record', message: describeZodError(result.error, 'record') });
      continue;
    }
    if (nul !== null) {
      all.push({ ...base, status: 'rejected', error: 'invalid_record', message: `${nul}: text must not contain the NUL character (U+0000)` });
      continue;
    }
    const record = result.data;
    // A record already stored is a duplicate, whatever has changed since (a campaign retired):
    // it was valid when it first came.
    if (existing.has(record.id)) {
      all.push({ ...base, status: 'duplicate', error: null, message: null });
      continue;
    }
    const failure = await rules.check(record);
    if (failure !== null) {
      all.push({ ...base, status: 'rejected', ...failure });
      continue;
    }
    existing.add(record.id);
    rules.accepted(record);
    stored.push({ record, seq: entry.seq, localDay: rules.localDay(record) });
    all.push({ ...base, status: 'accepted', error: null, message: null });
  }
  return { all, stored };
}
