import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, LOCK_MINUTES, MAX_PIN_FAILURES } from '../../../src/client/auth/lockout.ts';
import type { PinFailures } from '../../../src/client/db/db.ts';

const NOW = new Date('2026-03-01T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString();
const failures = (count: number, lockedUntil: string | null = null): PinFailures => ({ staffId: 's', count, lockedUntil });

/** The tablet counts wrong PINs itself, so that going offline never gives anyone more guesses than the server does. */
describe('PIN lockout on the tablet', () => {
  it('is the server’s rule: 5 wrong PINs, 15 minutes', () => {
    expect([MAX_PIN_FAILURES, LOCK_MINUTES]).toEqual([5, 15]);
  });

  it.each([
    { name: 'first wrong PIN', before: undefined, want: failures(1) },
    { name: 'fourth wrong PIN', before: failures(3), want: failures(4) },
    { name: 'fifth wrong PIN locks for 15 minutes', before: failures(4), want: failures(0, minutes(15)) },
    { name: 'after a lock has run out, counting starts again', before: failures(0, minutes(-1)), want: failures(1) },
  ])('$name', ({ before, want }) => {
    expect(afterFailure('s', before, NOW)).toEqual(want);
  });

  it.each([
    { name: 'no failures', f: undefined, locked: false },
    { name: 'some failures, no lock', f: failures(4), locked: false },
    { name: 'locked until later', f: failures(0, minutes(14)), locked: true },
    { name: 'lock run out', f: failures(0, minutes(-1)), locked: false },
  ])('isLocked: $name', ({ f, locked }) => {
    expect(isLocked(f, NOW)).toBe(locked);
  });
});
