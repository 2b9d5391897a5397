import type { Kysely, Selectable } from 'kysely';
import { credentialOf } from '../../shared/credential.ts';
import { Password, Pin } from '../../shared/schemas/common.ts';
import { PersonAdmin } from '../../shared/schemas/people.ts';
import { PinVerifier, StaffMember, type StaffRole } from '../../shared/schemas/reference.ts';
import { hashPin } from '../auth/pin.ts';
import { bool, isTrue } from '../db/json.ts';
import { writeWithRev } from '../db/rev.ts';
import type { Schema, StaffTable } from '../db/schema.ts';

export type StaffRow = Selectable<StaffTable>;

/**
 * A new staff member: the shared shape, with the secret in clear (hashed here, never stored): the
 * PIN of a counter role, the password of a manager or admin (credential.ts). Null: none set yet.
 * `demoSecret`: the secret is the demo hall's published one (the seed only).
 */
export type NewStaff = StaffMember & { secret: string | null; demoSecret?: boolean };

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
    nameEn: row.name_en,
    staffNo: row.staff_no,
    role: row.role,
    active: isTrue(row.active),
    mustChangePin: isTrue(row.must_change_pin),
  });
}

/** The person as the office pages show them: never their secret, only whether there is one. */
export function personFromRow(row: StaffRow, now = new Date()): PersonAdmin {
  const locked = row.locked_until !== null && row.locked_until > now.toISOString();
  return PersonAdmin.parse({
    id: row.id,
    hallId: row.hall_id,
    name: row.name,
    nameEn: row.name_en,
    staffNo: row.staff_no,
    role: row.role,
    active: isTrue(row.active),
    hasSecret: row.pin_hash !== null,
    mustChangePin: isTrue(row.must_change_pin),
    lockedUntil: locked ? row.locked_until : null,
    createdAt: row.created_at,
  });
}

export function pinColumns(verifier: PinVerifier | null) {
  return {
    pin_algorithm: verifier?.algorithm ?? null,
    pin_iterations: verifier?.iterations ?? null,
    pin_salt: verifier?.salt ?? null,
    pin_hash: verifier?.hash ?? null,
  };
}

/** Refuses a secret of the wrong kind for the role before anything is hashed or stored. */
export function checkSecretKind(role: StaffRole, secret: string): void {
  (credentialOf(role) === 'password' ? Password : Pin).parse(secret);
}

/**
 * Inserts a person. PBKDF2 is slow: pass `verifier` hashed beforehand when inserting inside a
 * transaction that holds the rev counter (a roster import), or `secret` to have it hashed here.
 */
export async function insertStaff(db: Kysely<Schema>, staff: NewStaff, verifier?: PinVerifier | null): Promise<void> {
  const member = StaffMember.parse(staff);
  if (staff.secret !== null) checkSecretKind(member.role, staff.secret);
  // Hash before the transaction: PBKDF2 is slow and must not hold the rev counter lock.
  const stored = verifier !== undefined ? verifier : staff.secret === null ? null : await hashPin(staff.secret);
  // Columns of later versions only when set: the migration tests insert into older schemas.
  const later = {
    ...(member.nameEn == null ? {} : { name_en: member.nameEn }),
    ...(member.staffNo == null ? {} : { staff_no: member.staffNo }),
    ...(member.mustChangePin === true ? { must_change_pin: 1 } : {}),
    ...(staff.demoSecret === true ? { demo_secret: 1 } : {}),
  };
  await writeWithRev(db, (trx, rev) =>
    trx
      .insertInto('staff')
      .values({
        id: member.id,
        hall_id: member.hallId,
        name: member.name,
        role: member.role,
        active: bool(member.active),
        ...pinColumns(stored),
        locked_until: null,
        rev,
        created_at: new Date().toISOString(),
        ...later,
      })
      .execute(),
  );
}

export interface SecretChange {
  /** Set by a manager: the person chooses their own at the next sign-in. */
  mustChange?: boolean;
  /** The demo hall's published secret (the seed's refresh only): the UI shows "Demo". */
  demo?: boolean;
  /** A secret someone was given or chose: the wrong-attempt count and lock start again. */
  clearLockout?: boolean;
}

/**
 * A new PIN or password (by the person's role), hashed, or none (null). Any change of a secret
 * ends the demo mark, unless it is the demo's own. Tablets never learn it: each keeps the person's
 * signing key wrapped under the PIN of their last online sign-in there.
 */
export async function setStaffSecret(
  db: Kysely<Schema>,
  staffId: string,
  role: StaffRole,
  secret: string | null,
  change: SecretChange = {},
): Promise<void> {
  if (secret !== null) checkSecretKind(role, secret);
  const verifier = secret === null ? null : await hashPin(secret);
  await writeStaffSecret(db, staffId, verifier, change);
}

/** setStaffSecret with the hash already made (outside the transaction this may run in). */
export async function writeStaffSecret(
  db: Kysely<Schema>,
  staffId: string,
  verifier: PinVerifier | null,
  change: SecretChange = {},
): Promise<void> {
  await writeWithRev(db, (trx, rev) =>
    trx
      .updateTable('staff')
      .set({
        ...pinColumns(verifier),
        must_change_pin: bool(change.mustChange === true),
        demo_secret: bool(change.demo === true),
        ...(change.clearLockout === true ? { failed_pin_count: 0, locked_until: null } : {}),
        rev,
      })
      .where('id', '=', staffId)
      .execute(),
  );
}

export async function getStaffRow(db: Kysely<Schema>, staffId: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', staffId).executeTakeFirst();
}

/**
 * Active staff of a hall changed after `sinceRev`. Someone deactivated or moved away leaves the
 * hall's tablets through a removal marker (referenceRemovals.ts), not as a row.
 */
export async function listStaffForHall(db: Kysely<Schema>, hallId: string, sinceRev: number): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('staff')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('active', '=', 1)
    .where('rev', '>', sinceRev)
    .orderBy('name')
    .execute();
  // No PIN or password hash goes to a tablet: it signs in offline with the signing key it was
  // given, wrapped under the PIN, at an online sign-in (src/client/auth/signingKeyStore.ts).
  return rows.map(staffFromRow);
}

/** Whether some active person of the hall still has the demo's published secret. */
export async function hallHasDemoSecret(db: Kysely<Schema>, hallId: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where('hall_id', '=', hallId)
    .where('active', '=', 1)
    .where('demo_secret', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
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
