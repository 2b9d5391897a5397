import Dexie, { type EntityTable } from 'dexie';
import type { RecordSig } from '../../shared/recordSignature.ts';
import type { FieldRecord, RecommendationRecord, VisitRecord } from '../../shared/schemas/fieldRecords.ts';
import type { Campaign, Hall, StaffMember, TalkTrackVersion } from '../../shared/schemas/reference.ts';

/**
 * The one place that declares the device's IndexedDB: every table, every version, every upgrade.
 * The UI never touches these tables directly; it goes through the store modules beside this file.
 */

/** A visit as the device keeps it: the record it sent, plus when it was closed (and voided) here. */
export interface LocalVisit extends VisitRecord {
  closedAt: string | null;
  /**
   * Set by the person's own void (a VisitVoidRecord). Not indexed, so adding it needed no new
   * schema version: visits stored before it read as not voided, which they are.
   */
  voided?: LocalVoid;
}

export interface LocalVoid {
  at: string;
  reason: string;
}

export interface OutboxEntry {
  /** Per-device sequence number, 1, 2, 3, … allocated in the same transaction as the record. */
  seq: number;
  record: FieldRecord;
  /**
   * `pending`: waiting to be sent (the only ones counted as waiting).
   * `sent`: the server acknowledged it; kept for SENT_RETENTION_DAYS, to be sent again should the
   * server be restored from a backup made before it arrived.
   * `rejected`: the server refused it; kept, shown with the reason, and no longer sent.
   */
  status: 'pending' | 'sent' | 'rejected';
  error: string | null;
  message: string | null;
  createdAt: string;
  /** When the server acknowledged it; only on `sent` entries (so the index holds only those). */
  ackedAt?: string;
  /**
   * The record's signature with the maker's signing key (recordSignature.ts). Absent only on
   * entries written before signing, or made with no key at hand: sent unsigned, the server holds
   * them back where a manager sees them.
   */
  sig?: RecordSig;
}

export interface Enrolment {
  deviceId: string;
  deviceToken: string;
  hall: Hall;
  enrolledAt: string;
  /** The hall still opens with the demo's published PINs and passwords (from the last pull). */
  demo?: boolean;
}

export interface SyncState {
  /** Next sequence number to allocate. */
  nextSeq: number;
  /** Highest sequence the server has acknowledged. */
  ackedThrough: number;
  cursor: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

export interface SignedIn {
  staffId: string;
  signedInAt: string;
  /** Present when the sign-in reached the server; absent for an offline sign-in. */
  sessionToken: string | null;
  /**
   * The key this person's records are signed with while signed in: a non-extractable HMAC
   * CryptoKey, which IndexedDB keeps by structured clone (the secret cannot be read back out).
   */
  signingKey?: { id: string; key: CryptoKey };
}

/**
 * A person's signing key kept for offline sign-in, wrapped (AES-GCM) under a key derived from their
 * PIN (auth/signingKeyStore.ts). One per person, replaced at each online sign-in. All base64url.
 */
export interface WrappedSigningKey {
  staffId: string;
  keyId: string;
  salt: string;
  iv: string;
  iterations: number;
  wrapped: string;
  createdAt: string;
}

export interface PinFailures {
  staffId: string;
  count: number;
  lockedUntil: string | null;
}

interface MetaRows {
  enrolment: Enrolment;
  sync: SyncState;
  signedIn: SignedIn;
}
export type MetaKey = keyof MetaRows;
export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K;
  value: MetaRows[K];
}

export class TalktrackDb extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  staff!: EntityTable<StaffMember, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  talkTracks!: EntityTable<TalkTrackVersion, 'id'>;
  visits!: EntityTable<LocalVisit, 'id'>;
  recommendations!: EntityTable<RecommendationRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  pinFailures!: EntityTable<PinFailures, 'staffId'>;
  signingKeys!: EntityTable<WrappedSigningKey, 'staffId'>;

  constructor(name = 'talktrack') {
    super(name);
    this.version(1).stores({
      meta: 'key',
      staff: 'id, hallId',
      campaigns: 'id, status',
      talkTracks: 'id, campaignId',
      visits: 'id, staffId, openedAt, [staffId+openedAt]',
      recommendations: 'id, visitId, staffId, recordedAt',
      outbox: 'seq, status',
      pinFailures: 'staffId',
    });
    // Acknowledged entries are kept (status `sent`); ackedAt finds the ones past retention.
    this.version(2).stores({ outbox: 'seq, status, ackedAt' });
    // Offline sign-in unwraps a signing key with the PIN; the PIN verifiers pulled before are
    // wiped, and a person signed in without a signing key signs in again (their records must be
    // signed, and only a sign-in gives a key).
    this.version(3)
      .stores({ signingKeys: 'staffId' })
      .upgrade(async (tx) => {
        await tx
          .table('staff')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            delete row['pinVerifier'];
          });
        const signedIn = (await tx.table('meta').get('signedIn')) as MetaRow<'signedIn'> | undefined;
        if (signedIn && !signedIn.value.signingKey) await tx.table('meta').delete('signedIn');
      });
  }
}

export const INITIAL_SYNC_STATE: SyncState = {
  nextSeq: 1,
  ackedThrough: 0,
  cursor: null,
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
};

export async function readMeta<K extends MetaKey>(db: TalktrackDb, key: K): Promise<MetaRows[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaRows[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: TalktrackDb, key: K, value: MetaRows[K]): Promise<void> {
  await db.meta.put({ key, value } as MetaRow);
}
