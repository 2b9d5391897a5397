import type { Kysely, Selectable } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { DevicesTable, Schema } from '../db/schema.ts';

export type DeviceRow = Selectable<DevicesTable>;

export async function insertDevice(
  db: Kysely<Schema>,
  device: { id: string; hallId: string; label: string | null; tokenHash: string },
): Promise<void> {
  // No last_seen_at: until its first request, a device's token lifetime counts from enrolment.
  await db
    .insertInto('devices')
    .values({
      id: device.id,
      hall_id: device.hallId,
      label: device.label,
      token_hash: device.tokenHash,
      revoked_at: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** The device holding this token hash, revoked or expired too: deviceAuth tells them apart. */
export async function findDeviceByTokenHash(db: Kysely<Schema>, tokenHash: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function getDevice(db: Kysely<Schema>, deviceId: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();
}

/** The devices of these halls, newest enrolment first. */
export async function listDevices(db: Kysely<Schema>, hallIds: readonly string[]): Promise<DeviceRow[]> {
  if (hallIds.length === 0) return [];
  return db
    .selectFrom('devices')
    .selectAll()
    .where('hall_id', 'in', [...hallIds])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Use refreshes the token's lifetime; the revoked_at check keeps a revocation that raced in. */
export async function touchDevice(db: Kysely<Schema>, deviceId: string, now: Date): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** After an accepted push: when, and the highest seq it has offered so far. */
export async function markPushed(db: Kysely<Schema>, deviceId: string, lastSeq: number, now: Date): Promise<void> {
  await db
    .updateTable('devices')
    .set((eb) => ({
      last_push_at: now.toISOString(),
      // Portable max(): SQLite's max(a, b) and PostgreSQL's greatest(a, b) differ.
      max_offered_seq: eb
        .case()
        .when('max_offered_seq', 'is', null)
        .then(lastSeq)
        .when('max_offered_seq', '<', lastSeq)
        .then(lastSeq)
        .else(eb.ref('max_offered_seq'))
        .end(),
    }))
    .where('id', '=', deviceId)
    .execute();
}

/**
 * Revokes the device and ends the staff sessions on it. Answers false when it was already
 * revoked (nothing changed, so nothing to audit).
 */
export async function revokeDevice(db: Kysely<Schema>, deviceId: string, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: at })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: at })
    .where('device_id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .execute();
  return true;
}

/**
 * Reads the device inside a push transaction. On PostgreSQL the row is locked (FOR UPDATE) so two
 * pushes of one device run one after the other; SQLite transactions are already serialised.
 */
export async function lockDeviceForPush(
  trx: Kysely<Schema>,
  engine: Engine,
  deviceId: string,
): Promise<DeviceRow | undefined> {
  const query = trx.selectFrom('devices').selectAll().where('id', '=', deviceId);
  return (engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

export async function setAckedSeq(trx: Kysely<Schema>, deviceId: string, ackedSeq: number): Promise<void> {
  await trx.updateTable('devices').set({ acked_seq: ackedSeq }).where('id', '=', deviceId).execute();
}
