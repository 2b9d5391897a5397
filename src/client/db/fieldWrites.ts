import type { MustSayKey } from '../../shared/mustSay.ts';
import { macOf, type RecordSig } from '../../shared/recordSignature.ts';
import type {
  DeclineReason,
  FieldRecord,
  Outcome,
  RecommendationRecord,
  VisitBusiness,
  VisitCloseRecord,
  VisitRecord,
  VisitSource,
  VisitVoidRecord,
} from '../../shared/schemas/fieldRecords.ts';
import { INITIAL_SYNC_STATE, type LocalVisit, type TalktrackDb, readMeta, writeMeta } from './db.ts';
import { StoreWriteError, classifyStoreFailure } from './errors.ts';
import { newId } from './uuid.ts';
import { voidReasonOf, voidRefusal, type VoidRefusal } from './voidRules.ts';

/**
 * Every field record is written together with its outbox entry in one transaction, so a record
 * exists locally if and only if it is queued to be sent. Each write makes its id once; replaying
 * the same call makes a new record, so the UI calls each exactly once per tap.
 */

export interface Actor {
  hallId: string;
  deviceId: string;
  staffId: string;
}

/**
 * The record's signature with the signed-in person's key, made before the write's transaction
 * (WebCrypto is asynchronous and would end an IndexedDB transaction waiting on it).
 *
 * Undefined when no key is at hand for the record's maker (a sign-in from before signing, which the
 * database upgrade ends, so it should not happen while someone is signed in). The record is still
 * stored and sent unsigned rather than refused here: the tap happened, and the server holds an
 * unsigned record back where the manager sees it, whereas one refused here would be lost unseen.
 */
async function signatureOf(db: TalktrackDb, record: FieldRecord): Promise<RecordSig | undefined> {
  const signedIn = await readMeta(db, 'signedIn');
  if (!signedIn?.signingKey || signedIn.staffId !== record.staffId) return undefined;
  return { keyId: signedIn.signingKey.id, mac: await macOf(signedIn.signingKey.key, record) };
}

async function enqueue(db: TalktrackDb, record: FieldRecord, sig: RecordSig | undefined, now: Date): Promise<number> {
  const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
  const seq = sync.nextSeq;
  await db.outbox.add({ seq, record, status: 'pending', error: null, message: null, createdAt: now.toISOString(), ...(sig ? { sig } : {}) });
  await writeMeta(db, 'sync', { ...sync, nextSeq: seq + 1 });
  return seq;
}

async function write<T>(db: TalktrackDb, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', [db.meta, db.outbox, db.visits, db.recommendations], work);
  } catch (cause) {
    if (cause instanceof StoreWriteError) throw cause;
    if (cause instanceof VisitStateError) throw cause;
    if (cause instanceof VoidRefusedError) throw cause;
    throw new StoreWriteError(classifyStoreFailure(cause), cause);
  }
}

/** The visit asked for is not open for this person (closed already, or someone else's). */
export class VisitStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VisitStateError';
  }
}

export interface OpenVisitInput {
  source: VisitSource;
  business: VisitBusiness;
  segment?: string | null;
}

export async function openVisit(db: TalktrackDb, actor: Actor, input: OpenVisitInput, now = new Date()): Promise<LocalVisit> {
  const record: VisitRecord = {
    kind: 'visit',
    v: 1,
    id: newId(),
    ...actor,
    openedAt: now.toISOString(),
    source: input.source,
    business: input.business,
    segment: input.segment ?? null,
  };
  const local: LocalVisit = { ...record, closedAt: null };
  const sig = await signatureOf(db, record);
  await write(db, async () => {
    await db.visits.add(local);
    await enqueue(db, record, sig, now);
  });
  return local;
}

export interface RecommendationInput {
  visitId: string;
  campaignId: string;
  talkTrackVersionId: string;
  elementsSaid: readonly MustSayKey[];
  demoDeviceUsed: boolean;
  outcome: Outcome;
  declineReason: DeclineReason | null;
}

export async function addRecommendation(
  db: TalktrackDb,
  actor: Actor,
  input: RecommendationInput,
  now = new Date(),
): Promise<RecommendationRecord> {
  const record: RecommendationRecord = {
    kind: 'recommendation',
    v: 1,
    id: newId(),
    ...actor,
    visitId: input.visitId,
    campaignId: input.campaignId,
    talkTrackVersionId: input.talkTrackVersionId,
    elementsSaid: [...new Set(input.elementsSaid)],
    demoDeviceUsed: input.demoDeviceUsed,
    outcome: input.outcome,
    declineReason: input.outcome === 'declined' ? input.declineReason ?? 'other' : null,
    recordedAt: now.toISOString(),
  };
  const sig = await signatureOf(db, record);
  await write(db, async () => {
    const visit = await db.visits.get(input.visitId);
    if (!visit || visit.closedAt !== null || visit.staffId !== actor.staffId) {
      throw new VisitStateError('this visit is not open for you; start the next customer');
    }
    await db.recommendations.add(record);
    await enqueue(db, record, sig, now);
  });
  return record;
}

export async function closeVisit(
  db: TalktrackDb,
  actor: Actor,
  visitId: string,
  noRecommendationConfirmed: boolean,
  now = new Date(),
): Promise<VisitCloseRecord> {
  const record: VisitCloseRecord = {
    kind: 'visit_close',
    v: 1,
    id: newId(),
    ...actor,
    visitId,
    closedAt: now.toISOString(),
    noRecommendationConfirmed,
  };
  const sig = await signatureOf(db, record);
  await write(db, async () => {
    const visit = await db.visits.get(visitId);
    if (!visit || visit.closedAt !== null || visit.staffId !== actor.staffId) {
      throw new VisitStateError('this visit is not open for you');
    }
    await db.visits.update(visitId, { closedAt: record.closedAt });
    await enqueue(db, record, sig, now);
  });
  return record;
}

/** A void the rules refuse (voidRules.ts), or one without a usable reason; nothing was written. */
export class VoidRefusedError extends Error {
  constructor(readonly refusal: VoidRefusal | 'no_reason' | 'unknown_visit') {
    super(`this visit cannot be voided: ${refusal}`);
    this.name = 'VoidRefusedError';
  }
}

/**
 * Void the person's own visit of today, between customers, with a reason: the record, its outbox
 * entry and the mark on the local visit commit together or not at all.
 *
 * Safe to replay: the rules are checked inside the transaction against the stored visit, so a
 * second tap (or a retry after an unclear failure) finds it voided and writes nothing; the one
 * record that was written keeps its id and sequence number, which the server stores once however
 * often the push is repeated (and a second void of a visit it would refuse as already voided).
 */
export async function voidVisit(
  db: TalktrackDb,
  actor: Actor,
  input: { visitId: string; reason: string; timeZone: string },
  now = new Date(),
): Promise<VisitVoidRecord> {
  const reason = voidReasonOf(input.reason);
  if (reason === null) throw new VoidRefusedError('no_reason');
  const record: VisitVoidRecord = {
    kind: 'visit_void',
    v: 1,
    id: newId(),
    ...actor,
    visitId: input.visitId,
    voidedAt: now.toISOString(),
    reason,
  };
  const sig = await signatureOf(db, record);
  await write(db, async () => {
    const visit = await db.visits.get(input.visitId);
    if (!visit) throw new VoidRefusedError('unknown_visit');
    const open = await db.visits.where('staffId').equals(actor.staffId).filter((v) => v.closedAt === null).first();
    const refusal = voidRefusal(visit, { staffId: actor.staffId, openVisitId: open?.id ?? null, timeZone: input.timeZone, now });
    if (refusal !== null) throw new VoidRefusedError(refusal);
    await db.visits.update(visit.id, { voided: { at: record.voidedAt, reason } });
    await enqueue(db, record, sig, now);
  });
  return record;
}
