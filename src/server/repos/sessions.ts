import { type ExpressionBuilder, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Engine } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';

export const STAFF_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export async function createStaffSession(
  db: Kysely<Schema>,
  options: { staffId: string; deviceId: string; now: Date },
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = new Date(options.now.getTime() + STAFF_SESSION_TTL_MS).toISOString();
  await db
    .insertInto('staff_sessions')
    .values({
      id: uuidv7(),
      token_hash: hashToken(token),
      staff_id: options.staffId,
      device_id: options.deviceId,
      expires_at: expiresAt,
      revoked_at: null,
      created_at: options.now.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/**
 * A session counts only if it was created (its sign-in began) after the person's last "sign out
 * everywhere": a sign-in in flight when their sessions were ended cannot outlive it.
 */
const startedAfterSignOut = (eb: ExpressionBuilder<Schema, 'staff' | 'staff_sessions'>) =>
  eb.or([eb('staff.sessions_valid_after', 'is', null), eb('staff_sessions.created_at', '>', eb.ref('staff.sessions_valid_after'))]);

/**
 * The live session behind a token on this device, with its staff member's id, hall and role. The
 * person must still be active and of the device's hall: a session of someone moved away ends with
 * the move, whatever else happened.
 */
export async function findActiveStaffSession(
  db: Kysely<Schema>,
  options: { token: string; deviceId: string; now: Date },
) {
  return db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .innerJoin('devices', 'devices.id', 'staff_sessions.device_id')
    .whereRef('staff.hall_id', '=', 'devices.hall_id')
    .select([
      'staff_sessions.id as sessionId',
      'staff_sessions.expires_at as expiresAt',
      'staff.id as staffId',
      'staff.hall_id as hallId',
      'staff.role as role',
    ])
    .where('staff_sessions.token_hash', '=', hashToken(options.token))
    .where('staff_sessions.device_id', '=', options.deviceId)
    .where('staff_sessions.revoked_at', 'is', null)
    .where('staff_sessions.expires_at', '>', options.now.toISOString())
    .where('staff.active', '=', 1)
    .where(startedAfterSignOut)
    .executeTakeFirst();
}

/** Who has a live session on this device (revoking it would end theirs), with their role. */
export async function liveSessionsOnDevice(db: Kysely<Schema>, deviceId: string, now: Date): Promise<{ staffId: string; name: string; role: string }[]> {
  return db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .innerJoin('devices', 'devices.id', 'staff_sessions.device_id')
    .whereRef('staff.hall_id', '=', 'devices.hall_id')
    .select(['staff.id as staffId', 'staff.name as name', 'staff.role as role'])
    .where('staff_sessions.device_id', '=', deviceId)
    .where('staff_sessions.revoked_at', 'is', null)
    .where('staff_sessions.expires_at', '>', now.toISOString())
    .where('staff.active', '=', 1)
    .where(startedAfterSignOut)
    .execute();
}

/**
 * The person's row read again inside a sign-in's transaction, to see whether anything changed
 * since the sign-in began; on PostgreSQL the row is locked, so a "sign out everywhere" or PIN
 * reset running at the same moment waits for the sign-in and then ends the session it made.
 */
export async function staffAtSignIn(trx: Kysely<Schema>, engine: Engine, staffId: string) {
  const query = trx.selectFrom('staff').selectAll().where('id', '=', staffId);
  return (engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/** Revokes the session; 'unknown' when this device never held that token. Repeating is harmless. */
export async function revokeStaffSession(
  db: Kysely<Schema>,
  options: { token: string; deviceId: string; now: Date },
): Promise<'revoked' | 'unknown'> {
  const row = await db
    .selectFrom('staff_sessions')
    .select(['id', 'revoked_at'])
    .where('token_hash', '=', hashToken(options.token))
    .where('device_id', '=', options.deviceId)
    .executeTakeFirst();
  if (row === undefined) return 'unknown';
  if (row.revoked_at === null) {
    await db
      .updateTable('staff_sessions')
      .set({ revoked_at: options.now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return 'revoked';
}

/**
 * Ends every live session of one person, on every device; answers how many were live. From now
 * on no session created before `now` counts, including one whose sign-in is still in flight.
 */
export async function revokeSessionsOfStaff(db: Kysely<Schema>, staffId: string, now: Date): Promise<number> {
  await db.updateTable('staff').set({ sessions_valid_after: now.toISOString() }).where('id', '=', staffId).execute();
  const result = await db
    .updateTable('staff_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
