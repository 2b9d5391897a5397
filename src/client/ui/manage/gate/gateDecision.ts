import type { StaffMember } from '../../../../shared/schemas/reference.ts';
import type { Enrolment, SignedIn } from '../../../db/db.ts';

export interface GateInput {
  enrolment: Enrolment | undefined;
  signedIn: SignedIn | undefined;
  staff: StaffMember | undefined;
}

export type Gate =
  | { kind: 'loading' }
  | { kind: 'not_enrolled' }
  | { kind: 'signed_out' }
  | { kind: 'not_manager'; staff: StaffMember | undefined }
  | { kind: 'offline_session'; staff: StaffMember }
  | { kind: 'expired'; staff: StaffMember }
  | { kind: 'open'; enrolment: Enrolment; staff: StaffMember; sessionToken: string };

const MANAGER_ROLES: ReadonlySet<StaffMember['role']> = new Set(['manager', 'admin']);

/**
 * Who may open the manager pages: an enrolled browser (a desktop is enrolled like a tablet), a
 * person signed in whose role on this device is manager or admin, with a session the server
 * issued (an offline sign-in has none), which the server has not since refused as expired.
 * The server checks role and hall again on every request; this only spares a pointless trip.
 */
export function decideGate(input: GateInput | undefined, expiredToken: string | null): Gate {
  if (!input) return { kind: 'loading' };
  const { enrolment, signedIn, staff } = input;
  if (!enrolment) return { kind: 'not_enrolled' };
  if (!signedIn) return { kind: 'signed_out' };
  if (!staff || !MANAGER_ROLES.has(staff.role)) return { kind: 'not_manager', staff };
  if (signedIn.sessionToken === null) return { kind: 'offline_session', staff };
  if (signedIn.sessionToken === expiredToken) return { kind: 'expired', staff };
  return { kind: 'open', enrolment, staff, sessionToken: signedIn.sessionToken };
}
