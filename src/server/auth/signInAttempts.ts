import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Wrong PINs or passwords before the person is locked, and for how long. */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_LOCK_MS = 15 * 60 * 1000;

export type Claim = { attempt: number } | { lockedUntil: string };

/**
 * Counts an attempt before its secret is checked, in one conditional update: at most five checks
 * can ever be under way or done for a person between two locks, however many tablets or server
 * processes try at once. A refused claim means locked, or five attempts already taken (then the
 * lock starts now). Lockout state is not reference data: it does not bump rev.
 */
export async function claimSignInAttempt(db: Kysely<Schema>, staffId: string, now: Date): Promise<Claim> {
  const at = now.toISOString();
  const claimed = await db
    .updateTable('staff')
    .set((eb) => ({ failed_pin_count: eb('failed_pin_count', '+', 1), locked_until: null }))
    .where('id', '=', staffId)
    .where('failed_pin_count', '<', SIGN_IN_ATTEMPTS)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .returning('failed_pin_count')
    .executeTakeFirst();
  if (claimed !== undefined) return { attempt: claimed.failed_pin_count };
  return { lockedUntil: await lock(db, staffId, now) };
}

/** A claimed attempt whose secret was wrong: the fifth locks the person. Answers the lock, if any. */
export async function settleWrongAttempt(db: Kysely<Schema>, staffId: string, attempt: number, now: Date): Promise<string | null> {
  return attempt >= SIGN_IN_ATTEMPTS ? lock(db, staffId, now) : null;
}

/** A right secret: the count starts again. */
export async function clearSignInAttempts(db: Kysely<Schema>, staffId: string): Promise<void> {
  await db.updateTable('staff').set({ failed_pin_count: 0, locked_until: null }).where('id', '=', staffId).execute();
}

/** Locks from now, unless a lock still running was set meanwhile; answers the lock in force. */
async function lock(db: Kysely<Schema>, staffId: string, now: Date): Promise<string> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + SIGN_IN_LOCK_MS).toISOString();
  await db
    .updateTable('staff')
    .set({ failed_pin_count: 0, locked_until: until })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .execute();
  const row = await db.selectFrom('staff').select('locked_until').where('id', '=', staffId).executeTakeFirstOrThrow();
  return row.locked_until ?? until;
}
