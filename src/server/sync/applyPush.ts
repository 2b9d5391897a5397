import type { Kysely } from 'kysely';
import { FieldRecord } from '../../shared/schemas/fieldRecords.ts';
import type { PushEntry, PushRequest, PushResponse } from '../../shared/schemas/sync.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { describeZodError, forbidden, unauthorized } from '../errors.ts';
import { lockDeviceForPush, setAckedSeq } from '../repos/devices.ts';
import { fieldRecordExists, insertFieldRecord } from '../repos/fieldRecords.ts';
import { insertReceipt, listRejected, type Receipt } from '../repos/pushReceipts.ts';
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

const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

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
      throw unauthorized('this device has been revoked; enrol it again with a new code from the manager');
    }
    const rules = new RecordRules(trx, device);
    const startHeld = row.acked_seq;
    let held = startHeld;
    for (const entry of entries) {
      if (entry.seq <= held) continue;
      if (entry.seq !== held + 1) break;
      const receipt = await processEntry(trx, rules, device.id, entry, receivedAt);
      await insertReceipt(trx, receipt, receivedAt);
      held = entry.seq;
    }
    if (held !== startHeld) await setAckedSeq(trx, device.id, held);
    const rejected = await listRejected(trx, device.id, firstSeq, Math.min(lastSeq, held));
    return { ackedThrough: held, rejected };
  });
}

async function processEntry(
  trx: Kysely<Schema>,
  rules: RecordRules,
  deviceId: string,
  entry: PushEntry,
  receivedAt: string,
): Promise<Receipt> {
  const base = {
    deviceId,
    seq: entry.seq,
    recordId: asString(field(entry.record, 'id')),
    kind: asString(field(entry.record, 'kind')),
  };
  const accepted = { ...base, status: 'accepted', error: null, message: null } as const;
  const duplicate = { ...base, status: 'duplicate', error: null, message: null } as const;
  const parsed = FieldRecord.safeParse(entry.record);
  if (!parsed.success) {
    return { ...base, status: 'rejected', error: 'invalid_record', message: describeZodError(parsed.error, 'record') };
  }
  // A record already stored (sent before under another seq) is a duplicate, whatever has changed
  // since (a staff member deactivated, a campaign retired): it was valid when it first came.
  if (await fieldRecordExists(trx, parsed.data.id)) return duplicate;
  const failure = await rules.check(parsed.data);
  if (failure !== null) return { ...base, status: 'rejected', ...failure };
  const stored = await insertFieldRecord(trx, parsed.data, { seq: entry.seq, receivedAt });
  return stored === 'inserted' ? accepted : duplicate;
}
