import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../shared/recordSignature.ts';
import type { FieldRecord } from '../../shared/schemas/fieldRecords.ts';
import type { PushEntry } from '../../shared/schemas/sync.ts';
import type { StoredSigningKey } from '../repos/signingKeys.ts';
import type { RuleFailure } from './recordRules.ts';

/**
 * What a record's sender must prove beyond its shape: that the person it names signed it on this
 * tablet, and that its clock is believable. Pure functions over what the push loaded once.
 */

/** How far ahead of the server's clock a tablet's may run. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const DEFAULT_CLOCK_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * CLOCK_WINDOW_DAYS: how old a record's device time may be when it arrives (a tablet offline for
 * longer is out of bounds: its records are held for a manager). Default 7 days.
 */
export function clockWindowFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CLOCK_WINDOW_DAYS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_CLOCK_WINDOW_DAYS * DAY_MS;
  const days = Number(raw);
  if (!Number.isFinite(days) || days <= 0) {
    throw new Error(`CLOCK_WINDOW_DAYS must be a positive number of days (got "${raw}"); leave it unset for ${DEFAULT_CLOCK_WINDOW_DAYS}`);
  }
  return days * DAY_MS;
}

/** The record as signed and hashed: its canonical JSON exactly as the tablet sent it. */
export function payloadOf(record: unknown): string {
  if (record === undefined) return 'null';
  try {
    return canonicalJson(record);
  } catch (error) {
    // Nested thousands deep (never a field record, which is three levels at most): kept as a marker.
    if (error instanceof RangeError) return JSON.stringify({ unreadable: 'the record was nested too deeply to keep' });
    throw error;
  }
}

export function contentHash(payload: string): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** The device times a record carries, by field name. */
export function deviceTimes(record: FieldRecord): Array<[string, string]> {
  switch (record.kind) {
    case 'visit':
      return [['openedAt', record.openedAt]];
    case 'recommendation':
      return [['recordedAt', record.recordedAt]];
    case 'visit_close':
      return [['closedAt', record.closedAt]];
    case 'visit_void':
      return [['voidedAt', record.voidedAt]];
  }
}

/** When the record says it happened, if it says it in the field its kind uses (for a refused record too). */
export function recordTimeOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Record<string, unknown>;
  for (const key of ['openedAt', 'recordedAt', 'closedAt', 'voidedAt']) {
    const value = r[key];
    if (typeof value === 'string' && value.length <= 64 && !value.includes('\u0000')) return value;
  }
  return null;
}

/** Signed with a live key of this person on this tablet, over exactly this content. */
export function checkSignature(
  entry: PushEntry,
  record: FieldRecord,
  payload: string,
  keys: ReadonlyMap<string, StoredSigningKey>,
  deviceId: string,
): RuleFailure | null {
  const sig = entry.sig;
  if (sig === undefined) {
    return {
      error: 'unsigned',
      message: `record ${record.id} carries no signature: nothing shows that staff ${record.staffId} made it on this tablet. They must sign in on this tablet (online once) so their records are signed; this one is held for a manager`,
    };
  }
  const key = keys.get(sig.keyId);
  if (key === undefined || key.staffId !== record.staffId || key.deviceId !== deviceId) {
    return {
      error: 'bad_signature',
      message: `record ${record.id} is signed with key ${sig.keyId}, which is not a key of staff ${record.staffId} on this tablet; they must sign in on this tablet again`,
    };
  }
  const [, time] = deviceTimes(record)[0]!;
  if (key.revokedAt !== null && Date.parse(time) >= Date.parse(key.revokedAt)) {
    return {
      error: 'bad_signature',
      message: `record ${record.id} (${time}) is signed with a key that was ended at ${key.revokedAt} (tablet revoked, person moved or deactivated, PIN reset or signed out everywhere); records made after that need a new sign-in`,
    };
  }
  const expected = createHmac('sha256', Buffer.from(key.secret, 'base64url')).update(payload).digest();
  const given = Buffer.from(sig.mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      error: 'bad_signature',
      message: `record ${record.id} does not match its signature: it was changed after it was signed; send the record as it was made`,
    };
  }
  return null;
}

/**
 * Every device time lies in [receipt − window, receipt + skew] and in the years 2000–2100.
 * The year is read from the text: an offset must not move 2100-12-31T23:00-02:00 into 2101.
 */
export function checkClock(record: FieldRecord, receivedAt: Date, windowMs: number): RuleFailure | null {
  const received = receivedAt.getTime();
  for (const [name, time] of deviceTimes(record)) {
    const year = Number(time.slice(0, 4));
    const at = Date.parse(time);
    const ahead = at - received;
    let why: string | null = null;
    if (!Number.isFinite(at) || year < FIRST_YEAR || year > LAST_YEAR) why = `its year is outside ${FIRST_YEAR}–${LAST_YEAR}`;
    else if (ahead > CLOCK_SKEW_MS) why = `it is ${Math.round(ahead / 60_000)} minutes after the server received it`;
    else if (-ahead > windowMs) why = `it is more than ${Math.round(windowMs / DAY_MS)} days before the server received it`;
    if (why !== null) {
      return {
        error: 'clock_out_of_range',
        message: `${record.kind} ${record.id}: ${name} ${time} is out of bounds (${why}, at ${receivedAt.toISOString()}); check the tablet's date and time. It is held; a manager can accept it on the devices page`,
      };
    }
  }
  return null;
}
