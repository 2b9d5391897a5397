import type { Kysely } from 'kysely';
import type { RejectedEntry } from '../../shared/schemas/sync.ts';
import type { PushReceiptsTable, Schema } from '../db/schema.ts';

export interface Receipt {
  deviceId: string;
  seq: number;
  recordId: string | null;
  kind: string | null;
  status: PushReceiptsTable['status'];
  error: string | null;
  message: string | null;
  /** sha256 of the record's canonical JSON as offered; null when it had none (not an object). */
  recordHash: string | null;
}

/** Plain inserts: (device_id, seq) is the primary key, so a second receipt for a seq fails loudly. */
export async function insertReceipts(trx: Kysely<Schema>, receipts: readonly Receipt[], now: string): Promise<void> {
  for (let i = 0; i < receipts.length; i += 200) {
    await trx
      .insertInto('push_receipts')
      .values(
        receipts.slice(i, i + 200).map((receipt) => ({
          device_id: receipt.deviceId,
          seq: receipt.seq,
          record_id: receipt.recordId,
          kind: receipt.kind,
          status: receipt.status,
          error: receipt.error,
          message: receipt.message,
          created_at: now,
          record_hash: receipt.recordHash,
        })),
      )
      .execute();
  }
}

/** Rejections of a device within [fromSeq, toSeq]: the same answer however often a batch is sent. */
export async function listRejected(
  db: Kysely<Schema>,
  deviceId: string,
  fromSeq: number,
  toSeq: number,
): Promise<RejectedEntry[]> {
  if (toSeq < fromSeq) return [];
  const rows = await db
    .selectFrom('push_receipts')
    .select(['seq', 'error', 'message'])
    .where('device_id', '=', deviceId)
    .where('status', '=', 'rejected')
    .where('seq', '>=', fromSeq)
    .where('seq', '<=', toSeq)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ seq: r.seq, error: r.error ?? 'rejected', message: r.message ?? 'rejected' }));
}

/** The content hash offered under each of these seqs (null: a receipt from before hashes). */
export async function receiptHashes(db: Kysely<Schema>, deviceId: string, seqs: readonly number[]): Promise<Map<number, string | null>> {
  const found = new Map<number, string | null>();
  if (seqs.length === 0) return found;
  // A range on the (device_id, seq) key, then filtered: seqs of a resend are mostly consecutive.
  const rows = await db
    .selectFrom('push_receipts')
    .select(['seq', 'record_hash'])
    .where('device_id', '=', deviceId)
    .where('seq', '>=', Math.min(...seqs))
    .where('seq', '<=', Math.max(...seqs))
    .execute();
  const wanted = new Set(seqs);
  for (const r of rows) if (wanted.has(r.seq)) found.set(r.seq, r.record_hash);
  return found;
}
