import type { PushResponse, RejectedEntry } from '../../shared/schemas/sync.ts';
import { SENT_RETENTION_DAYS } from '../../shared/outboxRetention.ts';
import type { OutboxEntry } from '../db/db.ts';

/**
 * The sync rules as pure functions: what to send next, and what an acknowledgement means.
 * I/O lives in engine.ts and db/outbox.ts; these are tested as tables and as properties.
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

/** Sequence numbers from..through, both included. */
export interface SeqRange {
  from: number;
  through: number;
}

export interface AckEffect {
  /** Entries the server now holds: kept as sent for the retention period, no longer waiting. */
  held: number[];
  /** Entries the server refused: kept, with the reason, and no longer sent. */
  reject: RejectedEntry[];
  /** The server's number, which becomes the device's own, even when lower (see resend). */
  ackedThrough: number;
  /** False when the answer settled no entry of the batch (the server is missing an earlier one). */
  progressed: boolean;
  /** Entries to send again because the server no longer holds them (see serverWentBack). */
  resend: SeqRange | null;
}

/**
 * What an acknowledgement means for the batch that was sent. Only entries at or below the
 * acknowledged sequence are touched; anything above stays pending and is sent again.
 */
export function applyAck(batch: readonly OutboxEntry[], ownAck: number, response: PushResponse): AckEffect {
  const rejectedBySeq = new Map(response.rejected.map((r) => [r.seq, r]));
  const held: number[] = [];
  const reject: RejectedEntry[] = [];
  for (const entry of batch) {
    if (entry.seq > response.ackedThrough) continue;
    const refusal = rejectedBySeq.get(entry.seq);
    if (refusal) reject.push(refusal);
    else held.push(entry.seq);
  }
  return {
    held,
    reject,
    ackedThrough: response.ackedThrough,
    progressed: held.length + reject.length > 0,
    resend: serverWentBack(ownAck, response.ackedThrough),
  };
}

/**
 * The server's acknowledged number only grows, unless its database was restored from a backup
 * made before it acknowledged the rest: then it holds none of the entries above its number. Those
 * the device still keeps (sent within the retention period, and refused ones, whose refusal the
 * server no longer has either) go back to pending and are sent again with the same ids and
 * sequence numbers, so the server stores each once and its sequence has no gap.
 */
export function serverWentBack(ownAck: number, serverAck: number): SeqRange | null {
  return serverAck < ownAck ? { from: serverAck + 1, through: ownAck } : null;
}

/** Sent entries acknowledged before this instant are past the retention period and are deleted. */
export function retentionCutoff(now: Date, days: number = SENT_RETENTION_DAYS): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
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
