import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { Campaign, Hall, StaffMember, TalkTrackVersion } from './reference.ts';

export const MAX_PUSH_ENTRIES = 500;

/** Sequence numbers are stored as 32-bit integers on both engines; a tablet writing one a second takes 68 years to reach this. */
export const MAX_SEQ = 2_147_483_647;
const Seq = z.number().int().max(MAX_SEQ, `must be at most ${MAX_SEQ}`);

/**
 * One outbox entry as it travels. The record is checked on its own (FieldRecord) so that one
 * bad record is set aside with its reason while the rest of the batch goes on.
 */
export const RecordSig = z.object({
  keyId: Id,
  /** base64url HMAC-SHA256 of the record's canonical JSON (recordSignature.ts). */
  mac: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'mac must be 43 base64url characters'),
});

export const PushEntry = z.object({
  seq: Seq.positive(),
  record: z.unknown(),
  /**
   * Proof that the person the record names made it on this tablet. A record without one (a tablet
   * from before signing) or with one that does not check is held back for a manager, not stored.
   */
  sig: RecordSig.optional(),
});
export type PushEntry = z.infer<typeof PushEntry>;

/**
 * What the device still holds unsent, this batch included. The server stores nothing of it; when
 * the device has been revoked, it is what the manager is told is missing (not just this batch).
 */
export const OutboxSummary = z.object({
  pending: Seq.nonnegative(),
  lastSeq: Seq.nonnegative(),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

export const PushRequest = z
  .object({
    entries: z.array(PushEntry).min(1).max(MAX_PUSH_ENTRIES),
    outbox: OutboxSummary.optional(),
  })
  .refine((b) => new Set(b.entries.map((e) => e.seq)).size === b.entries.length, {
    message: 'entries must not repeat a seq',
    path: ['entries'],
  });
export type PushRequest = z.infer<typeof PushRequest>;

export const RejectedEntry = z.object({
  seq: z.number().int().positive(),
  error: z.string(),
  message: z.string(),
});
export type RejectedEntry = z.infer<typeof RejectedEntry>;

export const PushResponse = z.object({
  /** Highest sequence number the server holds for this device with no gap below it. */
  ackedThrough: z.number().int().nonnegative(),
  /** Entries of this batch, up to ackedThrough, that the server refused, with the reason. */
  rejected: z.array(RejectedEntry),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullQuery = z.object({
  since: z
    .string()
    .regex(/^\d+$/, 'since must be a cursor the server issued')
    .optional(),
});

export const PullResponse = z.object({
  cursor: z.string(),
  serverTime: Instant,
  /** The device's own hall. */
  hall: Hall,
  staff: z.array(StaffMember),
  campaigns: z.array(Campaign),
  talkTracks: z.array(TalkTrackVersion),
  /** Highest sequence the server holds for this device, so a reinstalled device never reuses one. */
  ackedThrough: z.number().int().nonnegative(),
  /**
   * Reference rows that left this hall since the cursor (a person moved or deactivated): the device
   * deletes them before storing the rows above. Never a field record.
   */
  removed: z.array(z.object({ kind: z.enum(['staff']), id: Id })),
  /** The hall still opens with the demo's published PINs and passwords: the UI shows "Demo". */
  demo: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const DeviceRef = z.object({ deviceId: Id });
