import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { localDate } from '../../shared/localDate.ts';
import { FieldRecord } from '../../shared/schemas/fieldRecords.ts';
import type { HeldReason } from '../../shared/schemas/heldRecords.ts';
import type { PushEntry, PushRequest, PushResponse, RejectedEntry } from '../../shared/schemas/sync.ts';
import { deviceRevoked } from '../auth/deviceAuth.ts';
import type { Database, Engine } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { describeZodError, forbidden } from '../errors.ts';
import { lockDeviceForPush, markPushed, setAckedSeq } from '../repos/devices.ts';
import { existingFieldRecordHashes, insertFieldRecords, loadKnownVisits, type StoredRecord } from '../repos/fieldRecords.ts';
import { hallTimeZone } from '../repos/halls.ts';
import { heldContents, insertHeldRecords, type NewHeldRecord } from '../repos/heldRecords.ts';
import { insertReceipts, listRejected, receiptHashes, type Receipt } from '../repos/pushReceipts.ts';
import { loadSigningKeys } from '../repos/signingKeys.ts';
import { nulPath } from '../validate.ts';
import { RecordRules, type RuleFailure } from './recordRules.ts';
import { checkClock, checkSignature, clockWindowFromEnv, contentHash, payloadOf, recordTimeOf } from './recordTrust.ts';

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

export interface PushOptions {
  /** The server's receipt time (tests fix it). */
  now?: Date;
  /** How old a device time may be on arrival; CLOCK_WINDOW_DAYS when not given. */
  clockWindowMs?: number;
}

/**
 * Stores the next gap-free entries of a device's outbox in one transaction and answers with the
 * highest seq now held. Entries already held are skipped (or answered `conflict` when their content
 * differs from what was held), a gap stops the batch, a record that cannot be stored is refused
 * with its reason and kept in held_records for a manager: repeating any push changes nothing and
 * gets the same answer.
 */
export async function applyPush(
  database: Database,
  device: PushingDevice,
  request: PushRequest,
  options: PushOptions = {},
): Promise<PushResponse> {
  const now = options.now ?? new Date();
  const clockWindowMs = options.clockWindowMs ?? clockWindowFromEnv();
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
    const resent: PushEntry[] = [];
    let held = startHeld;
    for (const entry of entries) {
      if (entry.seq <= startHeld) {
        resent.push(entry);
        continue;
      }
      if (entry.seq !== held + 1) break;
      fresh.push(entry);
      held = entry.seq;
    }
    const conflicts = await resentConflicts(trx, device, resent);
    const judged = await judge(trx, database.engine, device, fresh, { receivedAt: now, clockWindowMs });
    await insertFieldRecords(trx, judged.stored, receivedAt);
    await insertReceipts(trx, judged.all, receivedAt);
    await insertHeldRecords(trx, [...conflicts.held, ...judged.held], receivedAt);
    if (held !== startHeld) await setAckedSeq(trx, device.id, held);
    // For the manager's device list: when, and the highest seq offered. In the push's transaction,
    // so an answer is never lost to bookkeeping after the records committed.
    await markPushed(trx, device.id, lastSeq, now);
    const listed = await listRejected(trx, device.id, firstSeq, Math.min(lastSeq, held));
    // A resent seq whose content differs is answered `conflict`, whatever its first receipt said.
    const bySeq = new Map<number, RejectedEntry>(listed.map((r) => [r.seq, r]));
    for (const c of conflicts.rejected) bySeq.set(c.seq, c);
    const rejected = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    return { ackedThrough: held, rejected };
  });
}

/**
 * Entries under a seq the server already holds: the same content (or a receipt from before hashes)
 * is a plain resend; other content is a conflict, kept once per distinct content so that
 * repeating the push adds nothing.
 */
async function resentConflicts(
  trx: Kysely<Schema>,
  device: PushingDevice,
  resent: readonly PushEntry[],
): Promise<{ rejected: RejectedEntry[]; held: NewHeldRecord[] }> {
  if (resent.length === 0) return { rejected: [], held: [] };
  const hashes = await receiptHashes(trx, device.id, resent.map((e) => e.seq));
  const differing = resent.flatMap((entry) => {
    const stored = hashes.get(entry.seq);
    if (stored === undefined || stored === null) return [];
    const payload = payloadOf(entry.record);
    return contentHash(payload) === stored ? [] : [{ entry, payload }];
  });
  if (differing.length === 0) return { rejected: [], held: [] };
  const already = await heldContents(trx, device.id, differing.map((d) => d.entry.seq));
  const rejected: RejectedEntry[] = [];
  const held: NewHeldRecord[] = [];
  for (const { entry, payload } of differing) {
    const message = `seq ${entry.seq} is already held by the server with another record; this one is kept aside for a manager. The tablet must not reuse a sequence number`;
    rejected.push({ seq: entry.seq, error: 'conflict', message });
    const seen = already.get(entry.seq) ?? new Set<string>();
    if (seen.has(payload)) continue;
    seen.add(payload);
    already.set(entry.seq, seen);
    held.push(heldOf(device, entry, payload, 'conflict', message));
  }
  return { rejected, held };
}

function heldOf(device: PushingDevice, entry: PushEntry, payload: string, reason: HeldReason, message: string): NewHeldRecord {
  return {
    id: uuidv7(),
    hallId: device.hallId,
    deviceId: device.id,
    seq: entry.seq,
    recordId: plausible(field(entry.record, 'id')),
    kind: plausible(field(entry.record, 'kind')),
    staffId: plausible(field(entry.record, 'staffId')),
    recordTime: recordTimeOf(entry.record),
    reason,
    message,
    record: payload,
    sig: entry.sig === undefined ? null : JSON.stringify(entry.sig),
  };
}

export interface JudgeOptions {
  receivedAt: Date;
  /** null: the clock bounds are not checked (a manager accepting a held record). */
  clockWindowMs: number | null;
}

export interface Judged {
  all: Receipt[];
  stored: StoredRecord[];
  held: NewHeldRecord[];
}

/**
 * What becomes of each new entry, in sequence order: stored, a duplicate of a record already held
 * (sent before under another seq), or refused with its reason (and kept in held_records). The
 * lookups are made once for the whole batch, so a batch of 500 costs a handful of queries, not
 * thousands. Order of the checks: shape, whose record (tablet, hall), its signature, whether it is
 * known already, its clock, then what it refers to.
 */
export async function judge(
  trx: Kysely<Schema>,
  engine: Engine,
  device: PushingDevice,
  fresh: readonly PushEntry[],
  options: JudgeOptions,
): Promise<Judged> {
  const parsed = fresh.map((entry) => {
    const result = FieldRecord.safeParse(entry.record);
    // Text PostgreSQL cannot store (NUL): this record is refused, the rest of the batch goes on.
    return { entry, result, nul: result.success ? nulPath(result.data) : null, payload: payloadOf(entry.record) };
  });
  const valid = parsed.flatMap((p) => (p.result.success && p.nul === null ? [p.result.data] : []));
  const existing = await existingFieldRecordHashes(trx, valid.map((r) => r.id));
  const keys = await loadSigningKeys(trx, fresh.flatMap((e) => (e.sig === undefined ? [] : [e.sig.keyId])));
  const named = valid.flatMap((r) => (r.kind === 'recommendation' || r.kind === 'visit_close' ? [r.visitId] : []));
  const voided = valid.flatMap((r) => (r.kind === 'visit_void' ? [r.visitId] : []));
  const knownVisits = await loadKnownVisits(trx, device.hallId, named);
  // Visits to void are read locked (PostgreSQL), so that a concurrent void of one waits for this one.
  const toVoid = await loadKnownVisits(trx, device.hallId, voided, engine === 'postgres');
  for (const [id, visit] of toVoid) knownVisits.set(id, visit);
  const timeZone = await hallTimeZone(trx, device.hallId);
  const receivedAt = options.receivedAt.toISOString();
  const rules = new RecordRules(trx, device, knownVisits, (instant) => localDate(instant, timeZone), receivedAt);
  const all: Receipt[] = [];
  const stored: StoredRecord[] = [];
  const held: NewHeldRecord[] = [];
  for (const { entry, result, nul, payload } of parsed) {
    const hash = contentHash(payload);
    const base = {
      deviceId: device.id,
      seq: entry.seq,
      recordId: plausible(field(entry.record, 'id')),
      kind: plausible(field(entry.record, 'kind')),
      recordHash: hash,
    };
    const refuse = (failure: RuleFailure) => {
      all.push({ ...base, status: 'rejected', error: failure.error, message: failure.message });
      held.push(heldOf(device, entry, payload, failure.error, failure.message));
    };
    if (!result.success) {
      refuse({ error: 'invalid_record', message: describeZodError(result.error, 'record') });
      continue;
    }
    if (nul !== null) {
      refuse({ error: 'invalid_record', message: `${nul}: text must not contain the NUL character (U+0000)` });
      continue;
    }
    const record = result.data;
    const owner = await rules.checkOwner(record);
    if (owner !== null) {
      refuse(owner);
      continue;
    }
    const signature = checkSignature(entry, record, payload, keys, device.id);
    if (signature !== null) {
      refuse(signature);
      continue;
    }
    // A record already stored is a duplicate, whatever has changed since (a campaign retired):
    // it was valid when it first came. Other content under its id is a conflict.
    if (existing.has(record.id)) {
      const storedHash = existing.get(record.id);
      if (storedHash === null || storedHash === hash) {
        all.push({ ...base, status: 'duplicate', error: null, message: null });
      } else {
        refuse({
          error: 'conflict',
          message: `record ${record.id} is already stored with other content; this version is kept aside for a manager. A record, once sent, is never changed`,
        });
      }
      continue;
    }
    if (options.clockWindowMs !== null) {
      const clock = checkClock(record, options.receivedAt, options.clockWindowMs);
      if (clock !== null) {
        refuse(clock);
        continue;
      }
    }
    const failure = await rules.check(record);
    if (failure !== null) {
      refuse(failure);
      continue;
    }
    existing.set(record.id, hash);
    rules.accepted(record);
    stored.push({ record, seq: entry.seq, localDay: rules.localDay(record), contentHash: hash });
    all.push({ ...base, status: 'accepted', error: null, message: null });
  }
  return { all, stored, held };
}
