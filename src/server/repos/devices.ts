import type { Kysely, Selectable } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { DevicesTable, Schema } from '../db/schema.ts';

export type DeviceRow = Selectable<DevicesTable>;

export async function insertDevice(
  db: Kysely<Schema>,
  device: { id: string; hallId: string; label: string | null; tokenHash: string },
): Promise<void> {
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

/** The enrolled, not revoked device holding this token hash. */
export async function findActiveDeviceByTokenHash(
  db: Kysely<Schema>,
  tokenHash: string,
): Promise<DeviceRow | undefined> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeDevice(db: Kysely<Schema>, deviceId: string, now = new Date()): Promise<void> {
  await db
    .updateTable('devices')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .execute();
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
