import { CASES, type Case, type Role, type Where } from './accessWorld.ts';

/** The access matrix's expectations, written compactly: a status per caller, per own or other hall. */

/** A status, or a success that must write nothing (signing out a session of another device). */
export type Outcome = number | { status: number; writes: false };
export type Expect = Outcome | { own: Outcome; other: Outcome };

export const ownOnly = (ok: Outcome): Expect => ({ own: ok, other: 403 });
export const everyone = (status: number): Record<Case, Expect> =>
  Object.fromEntries(CASES.map((c) => [c, status])) as Record<Case, Expect>;
/** Device-token routes: any signed-in state will do, but a missing, revoked or expired device is 401. */
export const deviceRoute = (ok: Expect): Record<Case, Expect> => ({
  consultant: ok,
  floor_marketer: ok,
  manager: ok,
  admin: ok,
  no_session: ok,
  expired_session: ok,
  no_device: 401,
  revoked_device: 401,
  expired_device: 401,
});
/** Staff-session routes: the roles as given, every failed identity 401. */
export const staffRoute = (roles: Record<Role, Expect>): Record<Case, Expect> => ({
  ...roles,
  no_device: 401,
  revoked_device: 401,
  expired_device: 401,
  no_session: 401,
  expired_session: 401,
});

/** The status a cell must answer, and whether it must leave the database as it was (every refusal must). */
export function outcomeOf(expectation: Expect, where: Where): { status: number; mustNotWrite: boolean } {
  const o = typeof expectation === 'object' && 'own' in expectation ? expectation[where] : expectation;
  if (typeof o === 'number') return { status: o, mustNotWrite: o >= 400 };
  return { status: o.status, mustNotWrite: true };
}

/** Tables whose snapshot differs. */
export function changedTables(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));
}
