import type { Kysely } from 'kysely';
import { isHeldReason } from '../../shared/errorCodes.ts';
import { ACCEPTABLE_HELD_REASONS, HeldReason, type HeldRecord } from '../../shared/schemas/heldRecords.ts';
import { PushEntry } from '../../shared/schemas/sync.ts';
import { assertMayManageHall } from '../access/hallScope.ts';
import type { Engine } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { ManageActor } from '../manage/actor.ts';
import { insertAccessAudit } from '../repos/accessAudit.ts';
import { insertFieldRecords } from '../repos/fieldRecords.ts';
import { decideHeldRecord, getHeldRow, type HeldRow, listHeldRecords } from '../repos/heldRecords.ts';
import { judge } from './applyPush.ts';

/**
 * A manager's decision on a record the server held back: accept one whose only fault was its clock
 * (or a visit that arrived later), or discard it. Each is audited in the decision's transaction.
 */

async function requireHeld(trx: Kysely<Schema>, engine: Engine, actor: ManageActor, heldId: string, what: string): Promise<HeldRow> {
  // Locked (PostgreSQL): two managers deciding at once are decided one after the other.
  const row = await getHeldRow(trx, heldId, engine === 'postgres');
  if (row === undefined) throw new HttpError(404, 'not_found', `there is no held record ${heldId}; reload the list`);
  assertMayManageHall(actor, row.hall_id, what);
  if (row.status !== 'held') {
    throw new HttpError(409, 'already_decided', `this record was already ${row.status} at ${row.decided_at ?? 'an earlier time'}; reload the list`);
  }
  return row;
}

async function answer(trx: Kysely<Schema>, heldId: string): Promise<HeldRecord> {
  const [record] = await listHeldRecords(trx, { id: heldId, status: 'all' });
  if (record === undefined) throw new Error(`held record ${heldId} vanished inside its own decision`);
  return record;
}

/** The person the record names and the tablet (the audit page shows the name), and what was decided. */
const auditDetails = (row: HeldRow, record: HeldRecord, note: string) => ({
  name: record.staff?.name ?? null,
  deviceName: record.deviceLabel,
  kind: row.kind,
  reason: row.reason,
  seq: row.seq,
  recordId: row.record_id,
  note,
});

const describe = (row: HeldRow) => `${row.kind ?? 'record'} ${row.record_id ?? '(no id)'} (seq ${row.seq}, ${row.reason})`;

/**
 * Stores the held record after all, with its seq, when the push rules (all but the clock bounds)
 * allow it now; 409 with the reason when they do not.
 */
export async function acceptHeldRecord(
  db: Kysely<Schema>,
  engine: Engine,
  actor: ManageActor,
  heldId: string,
  note: string,
  now = new Date(),
): Promise<HeldRecord> {
  return db.transaction().execute(async (trx) => {
    const row = await requireHeld(trx, engine, actor, heldId, 'accept the held records');
    const reason = HeldReason.parse(row.reason);
    if (!ACCEPTABLE_HELD_REASONS.includes(reason)) {
      throw new HttpError(
        409,
        'not_acceptable',
        `a record held as ${reason} cannot be accepted (only ${ACCEPTABLE_HELD_REASONS.join(', ')}): it is not shown to be the person's own or it differs from what was stored; discard it`,
      );
    }
    const entry = PushEntry.parse({
      seq: row.seq,
      record: JSON.parse(row.record) as unknown,
      ...(row.sig === null ? {} : { sig: JSON.parse(row.sig) as unknown }),
    });
    const device = { id: row.device_id, hallId: row.hall_id };
    // Judged as if it arrived when it did (a void's day), but without the clock bounds.
    const judged = await judge(trx, engine, device, [entry], { receivedAt: new Date(row.received_at), clockWindowMs: null });
    const [receipt] = judged.all;
    if (receipt === undefined) throw new Error('judge answered nothing for one entry');
    if (receipt.status === 'duplicate') {
      throw new HttpError(409, 'already_stored', `record ${row.record_id ?? ''} is stored already (sent again since); discard this copy`);
    }
    if (receipt.status === 'rejected') {
      const code = receipt.error !== null && isHeldReason(receipt.error) ? receipt.error : 'not_acceptable';
      throw new HttpError(409, code, `it still cannot be stored: ${receipt.message ?? 'refused by the push rules'}`);
    }
    await insertFieldRecords(trx, judged.stored, now.toISOString());
    return decide(trx, actor, row, heldId, { status: 'accepted', note, now });
  });
}

/** Writes the decision and its audit entry, in the caller's transaction, and answers the record as it now stands. */
async function decide(
  trx: Kysely<Schema>,
  actor: ManageActor,
  row: HeldRow,
  heldId: string,
  decision: { status: 'accepted' | 'discarded'; note: string; now: Date },
): Promise<HeldRecord> {
  const at = decision.now.toISOString();
  await decideHeldRecord(trx, heldId, { status: decision.status, by: actor.staffId, at, note: decision.note });
  const record = await answer(trx, heldId);
  await insertAccessAudit(trx, {
    at,
    actor,
    action: decision.status === 'accepted' ? 'accept_held_record' : 'discard_held_record',
    hallId: row.hall_id,
    targetId: heldId,
    summary: `${decision.status} held ${describe(row)}: ${decision.note}`,
    details: auditDetails(row, record, decision.note),
  });
  return record;
}

/** Sets the held record aside for good: it is never stored, and stays listed as discarded. */
export async function discardHeldRecord(
  db: Kysely<Schema>,
  engine: Engine,
  actor: ManageActor,
  heldId: string,
  note: string,
  now = new Date(),
): Promise<HeldRecord> {
  return db.transaction().execute(async (trx) => {
    const row = await requireHeld(trx, engine, actor, heldId, 'discard the held records');
    return decide(trx, actor, row, heldId, { status: 'discarded', note, now });
  });
}
