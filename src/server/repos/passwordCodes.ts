import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newEnrolmentCode, normalizeEnrolmentCode } from '../auth/tokens.ts';
import type { Schema } from '../db/schema.ts';

export const PASSWORD_CODE_TTL_MS = 24 * 60 * 60 * 1000;

/** Longer than an enrolment code: it opens a manager's or admin's account. */
const PASSWORD_CODE_LENGTH = 12;

export interface IssuedPasswordCode {
  id: string;
  code: string;
  staffId: string;
  expiresAt: string;
}

/**
 * A one-time code with which a manager or admin sets their own password; only its hash is stored.
 * Issuing one cancels the person's earlier unused codes: only the newest works.
 */
export async function issuePasswordCode(
  db: Kysely<Schema>,
  options: { staffId: string; createdBy: string | null; now?: Date; ttlMs?: number },
): Promise<IssuedPasswordCode> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? PASSWORD_CODE_TTL_MS)).toISOString();
  const code = newEnrolmentCode(PASSWORD_CODE_LENGTH);
  const id = uuidv7();
  await db
    .updateTable('password_codes')
    .set({ cancelled_at: now.toISOString() })
    .where('staff_id', '=', options.staffId)
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
  await db
    .insertInto('password_codes')
    .values({
      id,
      code_hash: hashToken(normalizeEnrolmentCode(code)),
      staff_id: options.staffId,
      expires_at: expiresAt,
      used_at: null,
      used_by_device: null,
      created_by: options.createdBy,
      cancelled_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return { id, code, staffId: options.staffId, expiresAt };
}

export type PasswordCodeCheck =
  | { ok: true; id: string; staffId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** A cancelled code reads as unknown: whoever holds it learns nothing more than "it does not work". */
export async function checkPasswordCode(db: Kysely<Schema>, code: string, now: Date): Promise<PasswordCodeCheck> {
  const row = await db
    .selectFrom('password_codes')
    .selectAll()
    .where('code_hash', '=', hashToken(normalizeEnrolmentCode(code)))
    .executeTakeFirst();
  if (row === undefined || row.cancelled_at !== null) return { ok: false, reason: 'unknown' };
  if (row.used_at !== null) return { ok: false, reason: 'used' };
  if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
  return { ok: true, id: row.id, staffId: row.staff_id };
}

/** Marks the code used, only if still unused, uncancelled and unexpired: the one row that changes makes it single-use. */
export async function consumePasswordCode(
  trx: Kysely<Schema>,
  options: { id: string; deviceId: string | null; now: Date },
): Promise<boolean> {
  const at = options.now.toISOString();
  const result = await trx
    .updateTable('password_codes')
    .set({ used_at: at, used_by_device: options.deviceId })
    .where('id', '=', options.id)
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The person's unused codes stop working (their role no longer signs in with a password). */
export async function cancelPasswordCodes(trx: Kysely<Schema>, staffId: string, now: Date): Promise<void> {
  await trx
    .updateTable('password_codes')
    .set({ cancelled_at: now.toISOString() })
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}
