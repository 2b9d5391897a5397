import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { PersonRef } from './manage.ts';
import { Hall } from './reference.ts';

/**
 * The device pages of a manager (own hall) or admin (every hall): the enrolled browsers and
 * tablets, revoking a lost one, and what revoked or expired devices still hold that the server
 * never received.
 */

/** `expired`: unused for longer than the token lifetime; like `revoked`, it must be enrolled again. */
export const DeviceState = z.enum(['active', 'revoked', 'expired']);
export type DeviceState = z.infer<typeof DeviceState>;

/** Why the server refused a device that still had records to send. */
export const RefusalReason = z.enum(['revoked', 'expired']);
export type RefusalReason = z.infer<typeof RefusalReason>;

const Seq = z.number().int().nonnegative();

export const DeviceSummary = z.object({
  id: Id,
  hallId: Id,
  label: z.string().nullable(),
  enrolledAt: Instant,
  lastSeenAt: Instant.nullable(),
  lastPushAt: Instant.nullable(),
  /** Highest sequence the server holds from it with no gap: everything up to here arrived. */
  ackedSeq: Seq,
  state: DeviceState,
  revokedAt: Instant.nullable(),
  revokedBy: PersonRef.nullable(),
  /** When its token expires if it is not used again (null once revoked). */
  expiresAt: Instant.nullable(),
  /** Highest sequence it was seen offering, in a push or a refused push; null before it ever pushed. */
  highestOfferedSeq: Seq.nullable(),
  /** Records known to be missing: what it offered or said it holds after being refused (0 while active). */
  missing: Seq,
  /** The device this request came from: it cannot revoke itself. */
  thisDevice: z.boolean(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** Leave hallId out for one's own hall (a manager) or every hall (an admin). */
export const HallQuery = z.object({ hallId: Id.optional() });
export type HallQuery = z.infer<typeof HallQuery>;

export const DeviceListResponse = z.object({
  devices: z.array(DeviceSummary),
  /** The halls the list covers, to name them and tell their time zones. */
  halls: z.array(Hall),
});
export type DeviceListResponse = z.infer<typeof DeviceListResponse>;

export const RevokeDeviceResponse = z.object({ device: DeviceSummary });
export type RevokeDeviceResponse = z.infer<typeof RevokeDeviceResponse>;

/**
 * One per refused device: the latest push it was refused, merged with the earlier ones. The server
 * cannot know records it never received; this is what the device itself said it held.
 */
export const LostRecordsReport = z.object({
  deviceId: Id,
  hallId: Id,
  deviceLabel: z.string().nullable(),
  reason: RefusalReason,
  firstReportedAt: Instant,
  lastReportedAt: Instant,
  /** Refused pushes counted into this report. */
  attempts: z.number().int().positive(),
  ackedSeq: Seq,
  /** Entries above ackedSeq in the latest refused push. */
  offered: Seq,
  firstSeq: Seq,
  lastSeq: Seq,
  /** What the device said it still holds unsent (null: an older app that does not say). */
  pending: Seq.nullable(),
  /** The number to act on: pending when the device said it, else offered. */
  missing: Seq,
  /** Kinds of the latest offered records, counted: { visit: 3, recommendation: 2 }. */
  kinds: z.record(z.string(), Seq),
  /** Whose records they are: the staff named in every refused push. */
  staff: z.array(PersonRef),
});
export type LostRecordsReport = z.infer<typeof LostRecordsReport>;

export const LostRecordsResponse = z.object({
  reports: z.array(LostRecordsReport),
  halls: z.array(Hall),
});
export type LostRecordsResponse = z.infer<typeof LostRecordsResponse>;

export const RevokeSessionsResponse = z.object({
  staffId: Id,
  /** Sessions that were live and are now ended (0 when the person had none). */
  revoked: z.number().int().nonnegative(),
});
export type RevokeSessionsResponse = z.infer<typeof RevokeSessionsResponse>;
