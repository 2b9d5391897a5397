import type { Kysely } from 'kysely';
import type { StaffRole } from '../../shared/schemas/reference.ts';
import { bool } from '../db/json.ts';
import { writeWithRev } from '../db/rev.ts';
import type { Schema } from '../db/schema.ts';
import { insertRemoval } from './referenceRemovals.ts';
import { type StaffRow } from './staff.ts';

/**
 * Changes to a person the office pages make: details, hall, active or not, lockout. Each change a
 * tablet must learn of takes a new rev; a person leaving a hall leaves a removal marker there.
 */

export interface StaffDetails {
  name?: string;
  nameEn?: string | null;
  staffNo?: string | null;
  role?: StaffRole;
}

export async function updateStaffDetails(db: Kysely<Schema>, staffId: string, details: StaffDetails): Promise<void> {
  await writeWithRev(db, (trx, rev) =>
    trx
      .updateTable('staff')
      .set({
        ...(details.name === undefined ? {} : { name: details.name }),
        ...(details.nameEn === undefined ? {} : { name_en: details.nameEn }),
        ...(details.staffNo === undefined ? {} : { staff_no: details.staffNo }),
        ...(details.role === undefined ? {} : { role: details.role }),
        rev,
      })
      .where('id', '=', staffId)
      .execute(),
  );
}

/** The person joins another hall and leaves the old hall's tablets. */
export async function moveStaff(db: Kysely<Schema>, staff: Pick<StaffRow, 'id' | 'hall_id'>, toHallId: string, now: Date): Promise<void> {
  await writeWithRev(db, async (trx, rev) => {
    await trx.updateTable('staff').set({ hall_id: toHallId, rev }).where('id', '=', staff.id).execute();
    await insertRemoval(trx, { kind: 'staff', rowId: staff.id, hallId: staff.hall_id, rev, now });
  });
}

/** Deactivated, the person leaves the hall's tablets; reactivated, they come back at the next pull. */
export async function setStaffActive(db: Kysely<Schema>, staffId: string, active: boolean, now = new Date()): Promise<void> {
  await writeWithRev(db, async (trx, rev) => {
    const row = await trx
      .updateTable('staff')
      .set({ active: bool(active), rev })
      .where('id', '=', staffId)
      .returning('hall_id')
      .executeTakeFirst();
    if (!active && row !== undefined) await insertRemoval(trx, { kind: 'staff', rowId: staffId, hallId: row.hall_id, rev, now });
  });
}

/** The wrong-attempt count and the lock cleared (not reference data: tablets keep their own count). */
export async function unlockStaff(db: Kysely<Schema>, staffId: string): Promise<void> {
  await db.updateTable('staff').set({ failed_pin_count: 0, locked_until: null }).where('id', '=', staffId).execute();
}

/** Who already has each of these staff numbers (compared as stored: trimmed, case kept). */
export async function staffByNumbers(db: Kysely<Schema>, staffNos: readonly string[]): Promise<Map<string, StaffRow>> {
  if (staffNos.length === 0) return new Map();
  const rows = await db.selectFrom('staff').selectAll().where('staff_no', 'in', [...staffNos]).execute();
  return new Map(rows.map((r) => [r.staff_no ?? '', r]));
}

/** People of these halls, active first then by name; inactive ones only when asked for. */
export async function listPeople(db: Kysely<Schema>, hallIds: readonly string[], includeInactive: boolean): Promise<StaffRow[]> {
  if (hallIds.length === 0) return [];
  let query = db.selectFrom('staff').selectAll().where('hall_id', 'in', [...hallIds]);
  if (!includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('active', 'desc').orderBy('name').orderBy('id').execute();
}
