import type { Kysely } from 'kysely';
import { assertMayManageHall } from '../access/hallScope.ts';
import { assertMayActOnPerson } from '../access/rolePolicy.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { ManageActor } from '../manage/actor.ts';
import { getStaffRow, type StaffRow } from '../repos/staff.ts';
import { staffByNumbers } from '../repos/staffChanges.ts';

/**
 * Who may change whom: a manager the people of their own hall, an admin anyone; nobody touches
 * someone above their own role (access/rolePolicy.ts) or makes one; and nobody takes away their
 * own access (deactivating, moving or demoting themselves).
 */

export async function requirePerson(db: Kysely<Schema>, staffId: string): Promise<StaffRow> {
  const row = await getStaffRow(db, staffId);
  if (row === undefined) throw new HttpError(404, 'not_found', `there is no person ${staffId}; reload the list of people`);
  return row;
}

/** 403 unless the actor may change this person; `what` names the change ("reset the PINs"). */
export function assertMayManagePerson(actor: ManageActor, person: StaffRow, what: string): void {
  assertMayManageHall(actor, person.hall_id, what);
  assertMayActOnPerson(actor, person, what);
}

/** 409 `own_account`: the change would take away the actor's own access half-way through. */
export function assertNotSelf(actor: ManageActor, person: StaffRow, what: string): void {
  if (person.id !== actor.staffId) return;
  throw new HttpError(409, 'own_account', `you cannot ${what} yourself; ask another manager or an admin to do it`);
}

export function staffNoTaken(staffNo: string): HttpError {
  return new HttpError(409, 'staff_no_taken', `the staff number ${staffNo} belongs to someone else already; check the number, or find that person in the list`);
}

/** 409 `staff_no_taken` when someone other than `exceptId` has the number. */
export async function assertStaffNoFree(db: Kysely<Schema>, staffNo: string | null | undefined, exceptId?: string): Promise<void> {
  if (staffNo == null) return;
  const holder = (await staffByNumbers(db, [staffNo])).get(staffNo);
  if (holder !== undefined && holder.id !== exceptId) throw staffNoTaken(staffNo);
}

export function staffInactive(name: string): HttpError {
  return new HttpError(409, 'staff_inactive', `${name} is deactivated; reactivate them first`, { name });
}
