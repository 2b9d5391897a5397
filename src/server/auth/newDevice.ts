import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Schema } from '../db/schema.ts';
import { insertDevice } from '../repos/devices.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * A new device of a hall and its token, shown once (only the hash is stored). Run inside the
 * transaction that consumes the code it was enrolled with: a code refused half-way leaves no device.
 */
export async function createDevice(trx: Kysely<Schema>, options: { hallId: string; label: string | null }): Promise<{ deviceId: string; deviceToken: string }> {
  const deviceId = uuidv7();
  const deviceToken = newToken();
  await insertDevice(trx, { id: deviceId, hallId: options.hallId, label: options.label, tokenHash: hashToken(deviceToken) });
  return { deviceId, deviceToken };
}
