import type { DeviceState } from '../../shared/schemas/devices.ts';
import type { DeviceRow } from '../repos/devices.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A device token expires after this long without use, and each use starts the count again: a
 * tablet at a counter never expires, one lost in a drawer does. Half a year covers a hall closed
 * for a season.
 */
export const DEFAULT_DEVICE_TOKEN_TTL_DAYS = 180;

/** DEVICE_TOKEN_TTL_DAYS from the environment, in ms; a value that is not a positive number stops the start. */
export function deviceTokenTtlFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DEVICE_TOKEN_TTL_DAYS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_DEVICE_TOKEN_TTL_DAYS * DAY_MS;
  const days = Number(raw);
  if (!Number.isFinite(days) || days <= 0) {
    throw new Error(`DEVICE_TOKEN_TTL_DAYS must be a positive number of days (got "${raw}"); leave it unset for ${DEFAULT_DEVICE_TOKEN_TTL_DAYS}`);
  }
  return days * DAY_MS;
}

/** Devices enrolled before tokens expired have no last_seen_at until their first call: counted from enrolment. */
const lastUse = (row: Pick<DeviceRow, 'last_seen_at' | 'created_at'>): string => row.last_seen_at ?? row.created_at;

/** When the token expires if unused from now on; null once revoked (it never works again anyway). */
export function tokenExpiresAt(row: Pick<DeviceRow, 'last_seen_at' | 'created_at' | 'revoked_at'>, ttlMs: number): string | null {
  if (row.revoked_at !== null) return null;
  return new Date(Date.parse(lastUse(row)) + ttlMs).toISOString();
}

export function deviceState(row: Pick<DeviceRow, 'last_seen_at' | 'created_at' | 'revoked_at'>, ttlMs: number, now: Date): DeviceState {
  if (row.revoked_at !== null) return 'revoked';
  return Date.parse(lastUse(row)) + ttlMs <= now.getTime() ? 'expired' : 'active';
}

/** Writing last_seen_at on every request would make every read a write; a minute is precise enough. */
export const SEEN_PRECISION_MS = 60_000;

export function needsTouch(row: Pick<DeviceRow, 'last_seen_at'>, now: Date): boolean {
  return row.last_seen_at === null || Date.parse(row.last_seen_at) + SEEN_PRECISION_MS <= now.getTime();
}
