import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { SESSION_HEADER } from '../../shared/apiPaths.ts';
import { StaffRole } from '../../shared/schemas/reference.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError, unauthorized } from '../errors.ts';
import { findActiveStaffSession } from '../repos/sessions.ts';
import { requireDevice } from './deviceAuth.ts';

export function sessionToken(request: FastifyRequest): string | null {
  const value = request.headers[SESSION_HEADER];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export interface StaffActor {
  staffId: string;
  hallId: string;
  role: StaffRole;
  deviceId: string;
}

/**
 * For routes acting as a signed-in person (manager pages): the device (deviceAuth first) and a
 * live staff session on that same device, optionally of one of the given roles.
 */
export async function requireStaff(
  db: Kysely<Schema>,
  request: FastifyRequest,
  roles?: readonly StaffRole[],
): Promise<StaffActor> {
  const device = requireDevice(request);
  const token = sessionToken(request);
  if (token === null) throw unauthorized(`sign in first: send the staff session token in the ${SESSION_HEADER} header`);
  const session = await findActiveStaffSession(db, { token, deviceId: device.id, now: new Date() });
  if (session === undefined) {
    throw new HttpError(401, 'session_expired', 'the staff session has expired or was signed out; sign in again with your PIN');
  }
  const role = StaffRole.parse(session.role);
  if (roles !== undefined && !roles.includes(role)) {
    throw new HttpError(403, 'forbidden', `this needs one of the roles ${roles.join(', ')}; you are signed in as ${role}`);
  }
  return { staffId: session.staffId, hallId: session.hallId, role, deviceId: device.id };
}
