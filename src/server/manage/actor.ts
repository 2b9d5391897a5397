import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Hall, StaffRole } from '../../shared/schemas/reference.ts';
import { requireStaff } from '../auth/staffAuth.ts';
import type { Schema } from '../db/schema.ts';
import { unauthorized } from '../errors.ts';
import { getHall } from '../repos/halls.ts';
import { getStaffRow } from '../repos/staff.ts';

/** The signed-in manager or admin behind a manager-page request, with what the audit log names. */
export interface ManageActor {
  staffId: string;
  name: string;
  role: StaffRole;
  hallId: string;
  /** Their own hall: its time zone says what "today" and "14:35" mean to them. */
  hall: Hall;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the manageAuth hook. */
    manageActor: ManageActor | null;
  }
}

/**
 * An onRequest hook for after deviceAuth: the staff session and role are checked before fastify
 * reads the body, so a consultant's 3 MB import is refused unread.
 */
export function manageAuth(db: Kysely<Schema>, roles: readonly StaffRole[]): onRequestAsyncHookHandler {
  return async (request) => {
    const staff = await requireStaff(db, request, roles);
    const [row, hall] = await Promise.all([getStaffRow(db, staff.staffId), getHall(db, staff.hallId)]);
    if (row === undefined || hall === undefined) throw unauthorized('the signed-in staff member or their hall no longer exists; sign in again');
    request.manageActor = { staffId: staff.staffId, name: row.name, role: staff.role, hallId: staff.hallId, hall };
  };
}

/** The actor set by manageAuth; a route that forgot the hook fails closed. */
export function requireActor(request: FastifyRequest): ManageActor {
  if (request.manageActor === null) throw unauthorized('sign in as a manager or admin first');
  return request.manageActor;
}
