import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newEnrolmentCode, normalizeEnrolmentCode } from '../auth/tokens.ts';
import type { Schema } from '../db/schema.ts';

export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface IssuedCode {
  code: string;
  hallId: string;
  expiresAt: string;
}

/** A one-time code a manager hands to a new tablet; only its hash is stored. */
export async function issueEnrolmentCode(
  db: Kysely<Schema>,
  options: { hallId: string; ttlMs?: number; now?: Date },
): Promise<IssuedCode> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? ENROLMENT_CODE_TTL_MS)).toISOString();
  const code = newEnrolmentCode();
  await db
    .insertInto('enrolment_codes')
    .values({
      id: uuidv7(),
      code_hash: hashToken(normalizeEnrolmentCode(code)),
      hall_id: options.hallId,
      expires_at: expiresAt,
      used_at: null,
      used_by_device: null,
      created_at: now.toISOString(),
    })
    .execute();
  return { code, hallId: options.hallId, expiresAt };
}

export type CodeCheck =
  | { ok: true; hallId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' };

export async function checkEnrolmentCode(db: Kysely<Schema>, code: string, now: Date): Promise<CodeCheck> {
  const row = await db
    .selectFrom('enrolment_codes')
    .selectAll()
    .where('code_hash', '=', hashToken(normalizeEnrolmentCode(code)))
    .executeTakeFirst();
  if (row === undefined) return { ok: false, reason: 'unknown' };
  if (row.used_at !== null) return { ok: false, reason: 'used' };
  if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
  return { ok: true, hallId: row.hall_id };
}

/**
 * Marks the code used by this device, only if it is still unused and unexpired. The conditional
 * update is what makes the code single-use when two tablets race with it: one row changes, once.
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
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
