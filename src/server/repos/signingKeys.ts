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
