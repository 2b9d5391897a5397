import type { PinFailures } from '../db/db.ts';

/** Same rule as the server: 5 wrong PINs lock the person for 15 minutes. */
export const MAX_PIN_FAILURES = 5;
export const LOCK_MINUTES = 15;

export function isLocked(f: PinFailures | undefined, now: Date): boolean {
  return !!f?.lockedUntil && new Date(f.lockedUntil) > now;
}

export function afterFailure(staffId: string, f: PinFailures | undefined, now: Date): PinFailures {
  const count = (f && !f.lockedUntil ? f.count : f && isLocked(f, now) ? f.count : 0) + 1;
  const lockedUntil = count >= MAX_PIN_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
  return { staffId, count: lockedUntil ? 0 : count, lockedUntil };
}
