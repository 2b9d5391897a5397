import { importSigningKey, macOf } from '../../src/shared/recordSignature.ts';
import type { FieldRecord } from '../../src/shared/schemas/fieldRecords.ts';
import type { OutboxEntry } from '../../src/client/db/db.ts';
import type { Database } from '../../src/server/db/database.ts';
import { issueSigningKey } from '../../src/server/repos/signingKeys.ts';

/**
 * Outbox entries as a tablet writes them once its person signed in online: each record signed with
 * the key the server issued that person on that tablet. For tests that fill an outbox directly;
 * one key per (database, tablet, person), issued on first use.
 */
const keys = new WeakMap<Database, Map<string, Promise<{ id: string; key: CryptoKey }>>>();

function keyFor(database: Database, deviceId: string, staffId: string): Promise<{ id: string; key: CryptoKey }> {
  let byPair = keys.get(database);
  if (!byPair) keys.set(database, (byPair = new Map()));
  const name = `${deviceId}:${staffId}`;
  let found = byPair.get(name);
  if (!found) {
    found = issueSigningKey(database.db, { staffId, deviceId, now: new Date() }).then(async (k) => ({ id: k.id, key: await importSigningKey(k.secret) }));
    byPair.set(name, found);
  }
  return found;
}

export async function signedEntry(database: Database, seq: number, record: FieldRecord): Promise<OutboxEntry> {
  const { id, key } = await keyFor(database, record.deviceId, record.staffId);
  return { seq, record, status: 'pending', error: null, message: null, createdAt: new Date().toISOString(), sig: { keyId: id, mac: await macOf(key, record) } };
}
