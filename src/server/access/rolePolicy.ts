import type { StaffRole } from '../../shared/schemas/reference.ts';
import { forbidden, HttpError } from '../errors.ts';
import type { ManageActor } from '../manage/actor.ts';

/**
 * The one rule for acting on other people's access: nobody ends, changes or takes away the access
 * of someone above their own role. An admin answers for every hall, so only an admin touches an
 * admin: their details, PIN or password, hall, activity, their sessions ("sign out everywhere"),
 * and the tablet they are signed in on (revoking it would end their session as surely).
 * Managers and counter staff are peers of a manager here, as before.
 */

const RANK: Record<StaffRole, number> = { consultant: 0, floor_marketer: 0, manager: 1, admin: 2 };

/** true when `role` is above the actor's own. */
export const isAbove = (role: StaffRole | string, actor: Pick<ManageActor, 'role'>): boolean =>
  (RANK[role as StaffRole] ?? RANK.admin) > RANK[actor.role];

/** 403 when the person is above the actor; `what` names the change ("reset the PINs"). */
export function assertMayActOnPerson(actor: Pick<ManageActor, 'role'>, person: { role: string }, what: string): void {
  if (isAbove(person.role, actor)) throw forbidden(`only an admin may ${what} of an admin`);
}

/** 403 when the actor would make someone of a role above their own (a manager an admin). */
export function assertMayGiveRole(actor: Pick<ManageActor, 'role'>, role: StaffRole): void {
  if (isAbove(role, actor)) throw forbidden('only an admin may make someone an admin');
}

/**
 * 403 `ask_an_admin` when someone above the actor has a live session on the tablet: revoking it
 * would end that session, which the actor may not do (see above). They sign out first, or an admin revokes it.
 */
export function assertMayRevokeDeviceOf(
  actor: Pick<ManageActor, 'role'>,
  liveSessions: readonly { name: string; role: string }[],
): void {
  const above = liveSessions.filter((s) => isAbove(s.role, actor));
  if (above.length === 0) return;
  const names = [...new Set(above.map((s) => s.name))].join(', ');
  throw new HttpError(
    403,
    'ask_an_admin',
    `an admin (${names}) is signed in on this device, and only an admin may end an admin's session; ask an admin to revoke it, or ask ${names} to sign out on it first`,
    { names },
  );
}
