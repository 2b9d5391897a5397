import type { Kysely, Selectable } from 'kysely';
import { credentialOf } from '../../shared/credential.ts';
import { Password, Pin } from '../../shared/schemas/common.ts';
import { PinVerifier, StaffMember } from '../../shared/schemas/reference.ts';
import { hashPin } from '../auth/pin.ts';
import { bool, isTrue } from '../db/json.ts';
import { writeWithRev } from '../db/rev.ts';
import type { Schema, StaffTable } from '../db/schema.ts';

export type StaffRow = Selectable<StaffTable>;

/**
 * A new staff member: the shared shape, with the secret in clear (hashed here, never stored): the
 * PIN of a counter role, the password of a manager or admin (credential.ts). Null: none set yet.
 */
export type NewStaff = Omit<StaffMember, 'pinVerifier'> & { secret: string | null };

export function pinVerifierOf(row: StaffRow): PinVerifier | null {
  if (row.pin_hash === null) return null;
  return PinVerifier.parse({
    algorithm: row.pin_algorithm,
    iterations: row.pin_iterations,
    salt: row.pin_salt,
    hash: row.pin_hash,
  });
}

export function staffFromRow(row: StaffRow): StaffMember {
  return StaffMember.parse({
    id: row.id,
    hallId: row.hall_id,
    name: row.name,
    role: row.role,
    active: isTrue(row.active),
    pinVerifier: pinVerifierOf(row),
  });
}

function pinColumns(verifier: PinVerifier | null) {
  return {
    pin_algorithm: verifier?.algorithm ?? null,
    pin_iterations: verifier?.iterations ?? null,
    pin_salt: verifier?.salt ?? null,
    pin_hash: verifier?.hash ?? null,
  };
}

export async function insertStaff(db: Kysely<Schema>, staff: NewStaff): Promise<void> {
  const member = StaffMember.omit({ pinVerifier: true }).parse(staff);
  if (staff.secret !== null) (credentialOf(member.role) === 'password' ? Password : Pin).parse(staff.secret);
  // Hash before the transaction: PBKDF2 is slow and must not hold the rev counter lock.
  const verifier = staff.secret === null ? null : await hashPin(staff.secret);
  await writeWithRev(db, (trx, rev) =>
    trx
      .insertInto('staff')
      .values({
        id: member.id,
        hall_id: member.hallId,
        name: member.name,
        // Only when given: the migration tests seed staff into databases older than these columns.
        ...(member.nameEn != null ? { name_en: member.nameEn } : {}),
        ...(member.staffNo != null ? { staff_no: member.staffNo } : {}),
        role: member.role,
        active: bool(member.active),
        ...pinColumns(verifier),
        locked_until: null,
        rev,
        created_at: new Date().toISOString(),
      })
      .execute(),
  );
}

/** A new PIN or password (by the person's role), hashed. The lockout is left as it is. */
export async function setStaffSecret(db: Kysely<Schema>, staffId: string, role: StaffMember['role'], secret: string): Promise<void> {
  (credentialOf(role) === 'password' ? Password : Pin).parse(secret);
  const verifier = await hashPin(secret);
  await writeWithRev(db, (trx, rev) =>
    trx
      .updateTable('staff')
      .set({ ...pinColumns(verifier), rev })
      .where('id', '=', staffId)
      .execute(),
  );
}

export async function setStaffActive(db: Kysely<Schema>, staffId: string, active: boolean): Promise<void> {
  await writeWithRev(db, (trx, rev) =>
    trx.updateTable('staff').set({ active: bool(active), rev }).where('id', '=', staffId).execute(),
  );
}

export async function getStaffRow(db: Kysely<Schema>, staffId: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', staffId).executeTakeFirst();
}

/** Staff of a hall changed after `sinceRev` (inactive ones too, so devices learn of them). */
export async function listStaffForHall(db: Kysely<Schema>, hallId: string, sinceRev: number): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('staff')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('rev', '>', sinceRev)
    .orderBy('name')
    .execute();
  // Tablets check PINs offline; a manager's or admin's password hash never leaves the server, where
  // the lockout guards it (they sign in online only).
  return rows.map(staffFromRow).map((s) => (credentialOf(s.role) === 'password' ? { ...s, pinVerifier: null } : s));
}


/** Everyone the database knows, active or not: a database with none is a fresh deployment. */
export async function countStaff(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active people of these roles in every hall, the earliest added first. */
export async function listActiveStaff(db: Kysely<Schema>, roles: readonly StaffMember['role'][]): Promise<StaffRow[]> {
  if (roles.length === 0) return [];
  return db
    .selectFrom('staff')
    .selectAll()
    .where('active', '=', 1)
    .where('role', 'in', [...roles])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
