import { API } from '../../shared/apiPaths.ts';
import { PullResponse, type PushRequest, PushResponse } from '../../shared/schemas/sync.ts';
import { ApiFailure, type ApiClient, NetworkFailure } from '../api/http.ts';
import { INITIAL_SYNC_STATE, type OutboxEntry, type SyncState, type TalktrackDb, readMeta, writeMeta } from '../db/db.ts';
import { classifyStoreFailure } from '../db/errors.ts';
import { markRejected, markSent, pendingEntries, purgeSent, purgeSentBefore, removeHeld, resend, waitingSummary } from '../db/outbox.ts';
import { applyPull } from '../db/referenceStore.ts';
import { type AckEffect, applyAck, nextBatch, PUSH_BATCH_SIZE, retentionCutoff, serverWentBack } from './rules.ts';
import { withExclusiveLock } from './lock.ts';

export type SyncOutcome =
  | { kind: 'done'; pushed: number; rejected: number }
  | { kind: 'busy' }
  | { kind: 'not_enrolled' }
  | { kind: 'failed'; failure: SyncFailure; retryAfterMs?: number };

/**
 * Why a sync failed, as a code the UI turns into words and an action. `device_revoked` and
 * `device_expired`: the server no longer accepts this tablet; its records stay here, unsent.
 * `rate_limited`: the server asked this tablet to slow down; the next try waits as long as it said.
 */
export type SyncFailure = 'offline' | 'device_revoked' | 'device_expired' | 'rate_limited' | 'server_behind' | 'server_error' | 'storage_full';

export interface SyncEngineOptions {
  db: TalktrackDb;
  api: ApiClient;
  batchSize?: number;
  now?: () => Date;
}

/** IndexedDB refused a write for lack of room (QuotaExceededError). */
const isStorageFull = (cause: unknown): boolean => classifyStoreFailure(cause) === 'quota';

/**
 * Sync bookkeeping (when it last tried, why it failed, when it last succeeded). With the storage
 * full it cannot be written, and that must never stop the records leaving the tablet: sending them
 * is how room is made again.
 */
async function updateSyncState(db: TalktrackDb, change: (s: SyncState) => SyncState): Promise<'stored' | 'storage_full'> {
  try {
    await db.transaction('rw', db.meta, async () => {
      const current = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
      await writeMeta(db, 'sync', change(current));
    });
    return 'stored';
  } catch (cause) {
    if (!isStorageFull(cause)) throw cause;
    return 'storage_full';
  }
}

/**
 * Storage full: the kept copies of entries the server holds go first. Only those at or below the
 * number the server has just answered: above it, a restored server may be missing them, and they
 * are the only copies. That is why this happens here, with the server's answer in hand, and never
 * on the word of the device's own count.
 */
async function makeRoom(db: TalktrackDb, serverAck: number): Promise<void> {
  await purgeSent(db, serverAck);
}

/** Applies a pull; storage full, it makes room and tries once more. */
async function applyPullMakingRoom(db: TalktrackDb, pull: PullResponse): Promise<void> {
  try {
    await applyPull(db, pull);
  } catch (cause) {
    if (!isStorageFull(cause)) throw cause;
    await makeRoom(db, pull.ackedThrough);
    await applyPull(db, pull);
  }
}

type PushTotals = { pushed: number; rejected: number };
type PushOutcome = ({ kind: 'pushed' } & PushTotals) | Extract<SyncOutcome, { kind: 'failed' }>;

/**
 * Stores what an answer means, all or nothing: held entries kept as sent, refusals noted, and if
 * the server went back (restored from a backup), the entries it no longer holds made pending again.
 * Returns how many entries wait to be sent again.
 */
async function commitAck(db: TalktrackDb, batch: readonly OutboxEntry[], effect: AckEffect, ackedAt: string): Promise<number> {
  return db.transaction('rw', [db.meta, db.outbox], async () => {
    const held = new Set(effect.held);
    await markSent(db, batch.filter((e) => held.has(e.seq)), ackedAt);
    await markRejected(db, effect.reject);
    const resent = effect.resend === null ? 0 : await resend(db, effect.resend);
    const current = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
    await writeMeta(db, 'sync', { ...current, ackedThrough: effect.ackedThrough });
    return resent;
  });
}

/** Sends every pending entry in sequence order, in batches. */
async function pushAll(db: TalktrackDb, api: ApiClient, deviceToken: string, batchSize: number, now: () => Date): Promise<PushOutcome> {
  let pushed = 0;
  let rejected = 0;
  for (;;) {
    const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
    const batch = nextBatch(await pendingEntries(db, batchSize), batchSize);
    if (batch.length === 0) return { kind: 'pushed', pushed, rejected };
    const request: PushRequest = {
      entries: batch.map((e) => (e.sig ? { seq: e.seq, record: e.record, sig: e.sig } : { seq: e.seq, record: e.record })),
      // Everything still waiting, not just this batch: if this tablet was revoked, the server
      // tells the manager how much never arrived.
      outbox: await waitingSummary(db),
    };
    const response = await api.request(API.push, PushResponse, { body: request, deviceToken });
    const effect = applyAck(batch, sync.ackedThrough, response);
    const ackedAt = now().toISOString();
    // Commit first, then move on: the outbox changes only after the server's answer is stored.
    let resent: number;
    try {
      resent = await commitAck(db, batch, effect, ackedAt);
    } catch (cause) {
      if (!isStorageFull(cause)) throw cause;
      await makeRoom(db, response.ackedThrough);
      try {
        resent = await commitAck(db, batch, effect, ackedAt);
      } catch (again) {
        if (!isStorageFull(again)) throw again;
        // Still full: the entries the server holds are deleted rather than kept, which frees
        // room (they lose their kept copy, not their place on the server). Refusals cannot be
        // noted now: those entries stay pending and are sent again later (the server answers the
        // same). Nothing unsent is lost either way.
        await removeHeld(db, effect.held);
        pushed += effect.held.length;
        if (effect.held.length === 0 || effect.reject.length > 0) return { kind: 'failed', failure: 'storage_full' };
        continue;
      }
    }
    pushed += effect.held.length;
    rejected += effect.reject.length;
    if (!effect.progressed && resent === 0) {
      await updateSyncState(db, (s) => ({ ...s, lastError: 'server_behind' }));
      return { kind: 'failed', failure: 'server_behind' };
    }
  }
}

/**
 * After a pull, the server's number becomes the device's: if the server went back, the entries
 * above it wait again (returns how many); if it is ahead (an answer was lost), the device catches up.
 */
async function adoptServerAck(db: TalktrackDb, serverAck: number): Promise<number> {
  return db.transaction('rw', [db.meta, db.outbox], async () => {
    const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
    if (sync.ackedThrough === serverAck) return 0;
    const range = serverWentBack(sync.ackedThrough, serverAck);
    const resent = range === null ? 0 : await resend(db, range);
    await writeMeta(db, 'sync', { ...sync, ackedThrough: serverAck });
    return resent;
  });
}

/** Push every waiting entry in sequence order, then pull reference data. Safe to call at any time. */
export async function syncOnce({ db, api, batchSize = PUSH_BATCH_SIZE, now = () => new Date() }: SyncEngineOptions): Promise<SyncOutcome> {
  const result = await withExclusiveLock(`talktrack-sync:${db.name}`, async (): Promise<SyncOutcome> => {
    const enrolment = await readMeta(db, 'enrolment');
    if (!enrolment) return { kind: 'not_enrolled' };
    // A first small write: when even this fails, the storage is full, and room is made below.
    const attempt = await updateSyncState(db, (s) => ({ ...s, lastAttemptAt: now().toISOString() }));
    try {
      const first = await pushAll(db, api, enrolment.deviceToken, batchSize, now);
      if (first.kind === 'failed') return first;
      const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
      const query = sync.cursor ? `?since=${encodeURIComponent(sync.cursor)}` : '';
      const pull = await api.request(API.pull + query, PullResponse, { deviceToken: enrolment.deviceToken });
      if (attempt === 'storage_full') await makeRoom(db, pull.ackedThrough);
      await applyPullMakingRoom(db, pull);
      // With nothing waiting no push showed it: the pull says what the server holds too.
      let totals: PushTotals = first;
      if ((await adoptServerAck(db, pull.ackedThrough)) > 0) {
        const again = await pushAll(db, api, enrolment.deviceToken, batchSize, now);
        if (again.kind === 'failed') return again;
        totals = { pushed: first.pushed + again.pushed, rejected: first.rejected + again.rejected };
      }
      // Only now, the server's number confirmed and anything it lost queued again, do copies past
      // the retention period go: a tablet offline for weeks keeps them until it has heard back.
      await purgeSentBefore(db, retentionCutoff(now()));
      await updateSyncState(db, (s) => ({ ...s, lastSuccessAt: now().toISOString(), lastError: null }));
      return { kind: 'done', pushed: totals.pushed, rejected: totals.rejected };
    } catch (cause) {
      const failure = classify(cause);
      await updateSyncState(db, (s) => ({ ...s, lastError: failure }));
      const retryAfterMs = cause instanceof ApiFailure ? cause.retryAfterMs : null;
      return retryAfterMs === null ? { kind: 'failed', failure } : { kind: 'failed', failure, retryAfterMs };
    }
  });
  return result === 'busy' ? { kind: 'busy' } : result;
}

/**
 * A 401 stops the sync before anything in the outbox is touched: the entries stay pending, and
 * are offered again at the next try (the server notes them as lost records for the manager).
 */
function classify(cause: unknown): SyncFailure {
  if (cause instanceof NetworkFailure) return 'offline';
  if (isStorageFull(cause)) return 'storage_full';
  if (cause instanceof ApiFailure && cause.status === 401) return cause.error === 'device_expired' ? 'device_expired' : 'device_revoked';
  if (cause instanceof ApiFailure && cause.status === 429) return 'rate_limited';
  if (cause instanceof ApiFailure) return 'server_error';
  throw cause;
}
