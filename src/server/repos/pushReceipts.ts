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
}

/** A plain insert: (device_id, seq) is the primary key, so a second receipt for a seq fails loudly. */
export async function insertReceipt(trx: Kysely<Schema>, receipt: Receipt, now: string): Promise<void> {
  await trx
    .insertInto('push_receipts')
    .values({
      device_id: receipt.deviceId,
      seq: receipt.seq,
      record_id: receipt.recordId,
      kind: receipt.kind,
      status: receipt.status,
      error: receipt.error,
      message: receipt.message,
      created_at: now,
    })
    .execute();
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
