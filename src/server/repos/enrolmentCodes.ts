import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { PendingEnrolmentCode } from '../../shared/schemas/people.ts';
import { hashToken, newEnrolmentCode, normalizeEnrolmentCode } from '../auth/tokens.ts';
import type { EnrolmentCodesTable, Schema } from '../db/schema.ts';

export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export type EnrolmentCodeRow = Selectable<EnrolmentCodesTable>;

/** A new code: the code itself exists only in this answer, the database keeps its hash. */
export interface IssuedCode {
  id: string;
  code: string;
  hallId: string;
  deviceName: string | null;
  createdAt: string;
  expiresAt: string;
}

/**
 * A one-time code a manager hands to a new tablet, carrying the name the tablet will get;
 * createdBy is null for a code issued on the server (the demo hall at start, the recovery script).
 */
export async function issueEnrolmentCode(
  db: Kysely<Schema>,
  options: { hallId: string; deviceName?: string | null; createdBy?: string | null; ttlMs?: number; now?: Date },
): Promise<IssuedCode> {
  const now = options.now ?? new Date();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? ENROLMENT_CODE_TTL_MS)).toISOString();
  const code = newEnrolmentCode();
  const id = uuidv7();
  const deviceName = options.deviceName ?? null;
  await db
    .insertInto('enrolment_codes')
    .values({
      id,
      code_hash: hashToken(normalizeEnrolmentCode(code)),
      hall_id: options.hallId,
      device_name: deviceName,
      created_by: options.createdBy ?? null,
      cancelled_at: null,
      expires_at: expiresAt,
      used_at: null,
      used_by_device: null,
      created_at: createdAt,
    })
    .execute();
  return { id, code, hallId: options.hallId, deviceName, createdAt, expiresAt };
}

export type CodeCheck =
  | { ok: true; hallId: string; deviceName: string | null }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** A cancelled code reads as unknown: whoever holds it learns nothing more than "it does not work". */
export async function checkEnrolmentCode(db: Kysely<Schema>, code: string, now: Date): Promise<CodeCheck> {
  const row = await db
    .selectFrom('enrolment_codes')
    .selectAll()
    .where('code_hash', '=', hashToken(normalizeEnrolmentCode(code)))
    .executeTakeFirst();
  if (row === undefined || row.cancelled_at !== null) return { ok: false, reason: 'unknown' };
  if (row.used_at !== null) return { ok: false, reason: 'used' };
  if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
  return { ok: true, hallId: row.hall_id, deviceName: row.device_name };
}

/**
 * Marks the code used by this device, only if it is still unused, uncancelled and unexpired. The
 * conditional update is what makes the code single-use when two tablets race with it (or a
 * manager cancels it as a tablet uses it): one row changes, once.
 */
export async function consumeEnrolmentCode(
  trx: Kysely<Schema>,
  code: string,
  deviceId: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('enrolment_codes')
    .set({ used_at: now.toISOString(), used_by_device: deviceId })
    .where('code_hash', '=', hashToken(normalizeEnrolmentCode(code)))
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function getEnrolmentCode(db: Kysely<Schema>, id: string): Promise<EnrolmentCodeRow | undefined> {
  return db.selectFrom('enrolment_codes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Neither used, nor cancelled, nor expired: a code that would still enrol a tablet. */
export const isPending = (row: EnrolmentCodeRow, now: Date): boolean =>
  row.used_at === null && row.cancelled_at === null && row.expires_at > now.toISOString();

/** The pending codes of these halls, newest first, with who issued each. */
export async function listPendingEnrolmentCodes(
  db: Kysely<Schema>,
  hallIds: readonly string[],
  now: Date,
): Promise<PendingEnrolmentCode[]> {
  if (hallIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrolment_codes as e')
    .leftJoin('staff as s', 's.id', 'e.created_by')
    .select(['e.id', 'e.hall_id', 'e.device_name', 'e.created_at', 'e.expires_at', 'e.created_by', 's.name as created_by_name'])
    .where('e.hall_id', 'in', [...hallIds])
    .where('e.used_at', 'is', null)
    .where('e.cancelled_at', 'is', null)
    .where('e.expires_at', '>', now.toISOString())
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    hallId: r.hall_id,
    deviceName: r.device_name,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    // An issuer the server no longer knows is shown by id: the manager can still ask about it.
    createdBy: r.created_by === null ? null : { id: r.created_by, name: r.created_by_name ?? r.created_by },
  }));
}

/** Cancels the code if it is still pending; false when it was used, cancelled or expired meanwhile. */
export async function cancelEnrolmentCode(trx: Kysely<Schema>, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await trx
    .updateTable('enrolment_codes')
    .set({ cancelled_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
