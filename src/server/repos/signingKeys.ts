import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { SIGNING_KEY_BYTES } from '../../shared/recordSignature.ts';
import type { SigningKey } from '../../shared/schemas/auth.ts';
import type { Schema } from '../db/schema.ts';

/** A new key for this person on this tablet (every online sign-in gets one; earlier ones still check the records they signed). */
export async function issueSigningKey(db: Kysely<Schema>, options: { staffId: string; deviceId: string; now: Date }): Promise<SigningKey> {
  const key = { id: uuidv7(), secret: randomBytes(SIGNING_KEY_BYTES).toString('base64url') };
  await db
    .insertInto('signing_keys')
    .values({ id: key.id, staff_id: options.staffId, device_id: options.deviceId, secret: key.secret, created_at: options.now.toISOString(), revoked_at: null })
    .execute();
  return key;
}

export interface StoredSigningKey {
  id: string;
  staffId: string;
  deviceId: string;
  secret: string;
  revokedAt: string | null;
}

/** The keys a push names, in one query per 200 ids (a batch is signed by a handful of keys). */
export async function loadSigningKeys(db: Kysely<Schema>, ids: readonly string[]): Promise<Map<string, StoredSigningKey>> {
  const found = new Map<string, StoredSigningKey>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 200) {
    const rows = await db
      .selectFrom('signing_keys')
      .select(['id', 'staff_id', 'device_id', 'secret', 'revoked_at'])
      .where('id', 'in', unique.slice(i, i + 200))
      .execute();
    for (const r of rows) found.set(r.id, { id: r.id, staffId: r.staff_id, deviceId: r.device_id, secret: r.secret, revokedAt: r.revoked_at });
  }
  return found;
}

/**
 * Ends the keys of a person (all their tablets), of a tablet (everyone on it), or of one person
 * on one tablet. A revoked key still checks records made before `now` (made offline, sent later),
 * never later ones. Called in the transaction of the change that ends them.
 */
export async function revokeSigningKeys(
  db: Kysely<Schema>,
  whose: { staffId?: string; deviceId?: string },
  now: Date,
): Promise<number> {
  if (whose.staffId === undefined && whose.deviceId === undefined) throw new Error('revokeSigningKeys: name a person or a tablet');
  let query = db.updateTable('signing_keys').set({ revoked_at: now.toISOString() }).where('revoked_at', 'is', null);
  if (whose.staffId !== undefined) query = query.where('staff_id', '=', whose.staffId);
  if (whose.deviceId !== undefined) query = query.where('device_id', '=', whose.deviceId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
