import type { PushResponse, RejectedEntry } from '../../shared/schemas/sync.ts';
import type { OutboxEntry } from '../db/db.ts';

/**
 * The sync rules as pure functions: what to send next, and what an acknowledgement means.
 * I/O lives in engine.ts; these are tested as tables and as properties.
 */

export const PUSH_BATCH_SIZE = 500;

/**
 * The next batch: the lowest pending entries in sequence order. An entry at or below what the
 * server acknowledged is still sent when it is pending: its answer (held, or refused and why)
 * only comes back for entries inside the batch, and the server answers it without storing twice.
 */
export function nextBatch(pending: readonly OutboxEntry[], max = PUSH_BATCH_SIZE): OutboxEntry[] {
  return pending
    .filter((e) => e.status === 'pending')
    .sort((a, b) => a.seq - b.seq)
    .slice(0, max);
}

export interface AckEffect {
  /** Entries the server now holds: safe to drop from the outbox. */
  remove: number[];
  /** Entries the server refused: kept, with the reason, and no longer sent. */
  reject: RejectedEntry[];
  ackedThrough: number;
  /** False when the answer settled no entry of the batch (the server is missing an earlier one). */
  progressed: boolean;
}

/**
 * What an acknowledgement means for the batch that was sent. Only entries at or below the
 * acknowledged sequence are touched; anything above stays pending and is sent again.
 */
export function applyAck(batch: readonly OutboxEntry[], previousAck: number, response: PushResponse): AckEffect {
  const rejectedBySeq = new Map(response.rejected.map((r) => [r.seq, r]));
  const remove: number[] = [];
  const reject: RejectedEntry[] = [];
  for (const entry of batch) {
    if (entry.seq > response.ackedThrough) continue;
    const refusal = rejectedBySeq.get(entry.seq);
    if (refusal) reject.push(refusal);
    else remove.push(entry.seq);
  }
  return {
    remove,
    reject,
    ackedThrough: Math.max(previousAck, response.ackedThrough),
    progressed: remove.length + reject.length > 0,
  };
}

/** Delay before the next attempt after `failures` failures in a row: 2 s doubling to 5 min, with jitter. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const base = Math.min(300_000, 2_000 * 2 ** Math.min(failures - 1, 8));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** When to try again after a failed sync: the backoff, and never sooner than the server asked (Retry-After). */
export function retryDelay(failures: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  return Math.max(backoffDelay(failures, random), retryAfterMs ?? 0);
}

/** Sorted sequence numbers grouped into runs of consecutive ones, so each run is one range delete. */
export function consecutiveRuns(seqs: readonly number[]): Array<[number, number]> {
  const sorted = [...seqs].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const seq of sorted) {
    const last = runs[runs.length - 1];
    if (last && seq === last[1] + 1) last[1] = seq;
    else if (!last || seq !== last[1]) runs.push([seq, seq]);
  }
  return runs;
}
