import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { credentialOf } from '../../shared/credential.ts';
import type { PersonCreateRequest, PersonResponse, PersonUpdateRequest } from '../../shared/schemas/people.ts';
import { StaffRole } from '../../shared/schemas/reference.ts';
import { requireActiveHall, requireHall } from '../access/activeHall.ts';
import { assertMayManageHall } from '../access/hallScope.ts';
import { assertMayGiveRole } from '../access/rolePolicy.ts';
import type { Schema } from '../db/schema.ts';
import { isUniqueViolation } from '../db/uniqueViolation.ts';
import { HttpError } from '../errors.ts';
import type { ManageActor } from '../manage/actor.ts';
import { type AuditDetails, insertAccessAudit } from '../repos/accessAudit.ts';
import { hallFromRow } from '../repos/halls.ts';
import { revokeSessionsOfStaff } from '../repos/sessions.ts';
import { revokeSigningKeys } from '../repos/signingKeys.ts';
import { getStaffRow, insertStaff, personFromRow, type StaffRow } from '../repos/staff.ts';
import { moveStaff, setStaffActive, unlockStaff, updateStaffDetails } from '../repos/staffChanges.ts';
import { type GivenSecret, giveSecret, type PreparedSecret, prepareSecret } from './firstSecret.ts';
import {
  assertMayManagePerson,
  assertNotSelf,
  assertStaffNoFree,
  requirePerson,
  staffInactive,
  staffNoTaken,
} from './personRules.ts';

/**
 * What a manager (own hall) or admin (any) does to a person. Each change, its sessions ending and
 * its audit row commit in one transaction; a PIN or code is made before it and shown once.
 */

const NO_SECRET: GivenSecret = { pin: null, passwordCode: null };

async function answer(db: Kysely<Schema>, staffId: string, given: GivenSecret, sessionsEnded: number): Promise<PersonResponse> {
  const row = await getStaffRow(db, staffId);
  if (row === undefined) throw new Error(`person ${staffId} vanished right after a change`);
  return { person: personFromRow(row), ...given, sessionsEnded };
}

/** A staff number taken between the check and the write (a race) is the same 409 as the check's. */
async function guardStaffNo<T>(staffNo: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (staffNo != null && isUniqueViolation(error, 'staff_no')) throw staffNoTaken(staffNo);
    throw error;
  }
}

const personDetails = (p: { name: string; nameEn?: string | null; staffNo?: string | null; role: string }): AuditDetails => ({
  name: p.name,
  nameEn: p.nameEn ?? null,
  staffNo: p.staffNo ?? null,
  role: p.role,
});

export interface NewPerson {
  hallId: string;
  name: string;
  nameEn: string | null;
  staffNo: string | null;
  role: StaffRole;
}

/** Inside the caller's transaction: the person, their first PIN or code, and the audit row. */
export async function addPerson(
  trx: Kysely<Schema>,
  options: { actor: ManageActor; person: NewPerson; prepared: PreparedSecret; hallName: string; now: Date; via?: string },
): Promise<{ staffId: string; given: GivenSecret }> {
  const { actor, person, now } = options;
  const staffId = uuidv7();
  await insertStaff(trx, { id: staffId, ...person, active: true, secret: null });
  const given = await giveSecret(trx, { staffId, prepared: options.prepared, createdBy: actor.staffId, now });
  await insertAccessAudit(trx, {
    at: now.toISOString(),
    actor,
    action: 'create_person',
    hallId: person.hallId,
    targetId: staffId,
    summary: `added ${person.name} (${person.role}) to ${options.hallName}`,
    details: { ...personDetails(person), ...(options.via === undefined ? {} : { via: options.via }) },
  });
  return { staffId, given };
}

export async function createPerson(db: Kysely<Schema>, actor: ManageActor, body: PersonCreateRequest): Promise<PersonResponse> {
  assertMayManageHall(actor, body.hallId, 'add people');
  assertMayGiveRole(actor, body.role);
  const hall = await requireActiveHall(db, body.hallId);
  await assertStaffNoFree(db, body.staffNo);
  const prepared = await prepareSecret(body.role);
  const now = new Date();
  const person: NewPerson = { hallId: body.hallId, name: body.name, nameEn: body.nameEn ?? null, staffNo: body.staffNo ?? null, role: body.role };
  const added = await guardStaffNo(body.staffNo, () =>
    db.transaction().execute((trx) => addPerson(trx, { actor, person, prepared, hallName: hallFromRow(hall).name.zh, now })),
  );
  return answer(db, added.staffId, added.given, 0);
}

/**
 * Names, staff number, role. A role that signs in with the other kind of secret (PIN ↔ password)
 * clears the old one, gives a new one and ends the person's sessions.
 */
export async function updatePerson(
  db: Kysely<Schema>,
  actor: ManageActor,
  staffId: string,
  body: PersonUpdateRequest,
): Promise<PersonResponse> {
  const row = await requirePerson(db, staffId);
  assertMayManagePerson(actor, row, 'change the people');
  const oldRole = StaffRole.parse(row.role);
  const role = body.role ?? oldRole;
  if (role !== oldRole) {
    assertMayGiveRole(actor, role);
    assertNotSelf(actor, row, 'change the role of');
  }
  await assertStaffNoFree(db, body.staffNo, staffId);
  const kindChanges = credentialOf(role) !== credentialOf(oldRole);
  const prepared = kindChanges ? await prepareSecret(role) : null;
  const now = new Date();
  const result = await guardStaffNo(body.staffNo, () =>
    db.transaction().execute(async (trx) => {
      await updateStaffDetails(trx, staffId, body);
      const given = prepared === null ? NO_SECRET : await giveSecret(trx, { staffId, prepared, createdBy: actor.staffId, now });
      const ended = prepared === null ? 0 : await revokeSessionsOfStaff(trx, staffId, now);
      // A new kind of secret: the keys the old one unlocked on tablets sign nothing from now on.
      if (prepared !== null) await revokeSigningKeys(trx, { staffId }, now);
      const changed = Object.entries(body).filter(([, v]) => v !== undefined).map(([k]) => k);
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'update_person',
        hallId: row.hall_id,
        targetId: staffId,
        summary: `changed ${changed.join(', ')} of ${row.name}${role !== oldRole ? ` (role ${oldRole} → ${role})` : ''}`,
        details: {
          ...personDetails({ name: body.name ?? row.name, nameEn: body.nameEn === undefined ? row.name_en : body.nameEn, staffNo: body.staffNo === undefined ? row.staff_no : body.staffNo, role }),
          previousRole: oldRole,
          previousName: row.name,
          sessionsEnded: ended,
        },
      });
      return { given, ended };
    }),
  );
  return answer(db, staffId, result.given, result.ended);
}

function wrongKind(row: StaffRow, wanted: 'pin' | 'password'): HttpError {
  return wanted === 'pin'
    ? new HttpError(409, 'wrong_credential_kind', `${row.name} is a ${row.role} and signs in with a password, not a PIN; send them a set-password code instead`, {
        name: row.name,
      })
    : new HttpError(409, 'wrong_credential_kind', `${row.name} is a ${row.role} and signs in with a PIN, not a password; give them a new PIN instead`, { name: row.name });
}

/**
 * A new one-time PIN (counter roles) or set-password code (managers and admins): the old secret
 * stops working, the lock is lifted, and the person's sessions end.
 */
export async function resetSecret(
  db: Kysely<Schema>,
  actor: ManageActor,
  staffId: string,
  kind: 'pin' | 'password',
): Promise<PersonResponse> {
  const row = await requirePerson(db, staffId);
  assertMayManagePerson(actor, row, kind === 'pin' ? 'reset the PINs' : 'send set-password codes');
  const role = StaffRole.parse(row.role);
  if (credentialOf(role) !== kind) throw wrongKind(row, kind);
  if (kind === 'password') assertNotSelf(actor, row, 'send a set-password code to');
  if (row.active === 0) throw staffInactive(row.name);
  const prepared = await prepareSecret(role);
  const now = new Date();
  const result = await db.transaction().execute(async (trx) => {
    const given = await giveSecret(trx, { staffId, prepared, createdBy: actor.staffId, now });
    const ended = await revokeSessionsOfStaff(trx, staffId, now);
    // Whoever knew the old PIN or password can no longer sign records with the keys it unlocked.
    await revokeSigningKeys(trx, { staffId }, now);
    await insertAccessAudit(trx, {
      at: now.toISOString(),
      actor,
      action: kind === 'pin' ? 'reset_pin' : 'issue_password_code',
      hallId: row.hall_id,
      targetId: staffId,
      summary: `${kind === 'pin' ? 'gave a new one-time PIN to' : 'sent a set-password code to'} ${row.name}; ended ${ended} ${ended === 1 ? 'session' : 'sessions'}`,
      details: { name: row.name, sessionsEnded: ended, ...(given.passwordCode === null ? {} : { expiresAt: given.passwordCode.expiresAt }) },
    });
    return { given, ended };
  });
  return answer(db, staffId, result.given, result.ended);
}

/** To another active hall (a manager: from their own hall to any): sessions end, the old hall's tablets drop them. */
export async function movePerson(db: Kysely<Schema>, actor: ManageActor, staffId: string, toHallId: string): Promise<PersonResponse> {
  const row = await requirePerson(db, staffId);
  assertMayManagePerson(actor, row, 'move the people');
  assertNotSelf(actor, row, 'move');
  const [from, to] = [await requireHall(db, row.hall_id), await requireActiveHall(db, toHallId)];
  if (from.id === to.id) throw new HttpError(409, 'same_hall', `${row.name} is in ${hallFromRow(to).name.zh} already; choose another hall`, {
      name: row.name,
      hall: hallFromRow(to).name.zh,
    });
  const [fromName, toName] = [hallFromRow(from).name.zh, hallFromRow(to).name.zh];
  const now = new Date();
  const ended = await db.transaction().execute(async (trx) => {
    await moveStaff(trx, row, to.id, now);
    const count = await revokeSessionsOfStaff(trx, staffId, now);
    await revokeSigningKeys(trx, { staffId }, now);
    const details = { name: row.name, fromHallId: from.id, fromHall: fromName, toHallId: to.id, toHall: toName, sessionsEnded: count };
    // In the audit of both halls: each hall's manager sees who left and who came.
    for (const [hallId, summary] of [
      [from.id, `moved ${row.name} to ${toName}; ended ${count} ${count === 1 ? 'session' : 'sessions'}`],
      [to.id, `${row.name} moved here from ${fromName}`],
    ] as const) {
      await insertAccessAudit(trx, { at: now.toISOString(), actor, action: 'move_person', hallId, targetId: staffId, summary, details });
    }
    return count;
  });
  return answer(db, staffId, NO_SECRET, ended);
}

/** Sessions end at once and the hall's tablets drop the person; their records and figures stay. Repeating changes nothing. */
export async function deactivatePerson(db: Kysely<Schema>, actor: ManageActor, staffId: string): Promise<PersonResponse> {
  const row = await requirePerson(db, staffId);
  assertMayManagePerson(actor, row, 'deactivate the people');
  assertNotSelf(actor, row, 'deactivate');
  if (row.active === 0) return answer(db, staffId, NO_SECRET, 0);
  const now = new Date();
  const ended = await db.transaction().execute(async (trx) => {
    await setStaffActive(trx, staffId, false, now);
    const count = await revokeSessionsOfStaff(trx, staffId, now);
    await revokeSigningKeys(trx, { staffId }, now);
    await insertAccessAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'deactivate_person',
      hallId: row.hall_id,
      targetId: staffId,
      summary: `deactivated ${row.name}; ended ${count} ${count === 1 ? 'session' : 'sessions'}`,
      details: { name: row.name, sessionsEnded: count },
    });
    return count;
  });
  return answer(db, staffId, NO_SECRET, ended);
}

/** Back on the hall's tablets at their next pull, with the secret they had. Only into an active hall. */
export async function reactivatePerson(db: Kysely<Schema>, actor: ManageActor, staffId: string): Promise<PersonResponse> {
  const row = await requirePerson(db, staffId);
  assertMayManagePerson(actor, row, 'reactivate the people');
  if (row.active === 1) return answer(db, staffId, NO_SECRET, 0);
  await requireActiveHall(db, row.hall_id);
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await setStaffActive(trx, staffId, true, now);
    await insertAccessAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'reactivate_person',
      hallId: row.hall_id,
      targetId: staffId,
      summary: `reactivated ${row.name}`,
      details: { name: row.name },
    });
  });
  return answer(db, staffId, NO_SECRET, 0);
}

/** The wrong-attempt count and the lock cleared: the person may try again at once. */
export async function unlockPerson(db: Kysely<Schema>, actor: ManageActor, staffId: string): Promise<PersonResponse> {
  const row = await requirePerson(db, staffId);
  assertMayManagePerson(actor, row, 'unlock the people');
  const now = new Date();
  const wasLocked = row.locked_until !== null && row.locked_until > now.toISOString();
  await db.transaction().execute(async (trx) => {
    await unlockStaff(trx, staffId);
    await insertAccessAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'unlock_person',
      hallId: row.hall_id,
      targetId: staffId,
      summary: wasLocked ? `unlocked ${row.name}` : `cleared the wrong attempts of ${row.name} (not locked)`,
      details: { name: row.name, wasLocked, failedAttempts: row.failed_pin_count },
    });
  });
  return answer(db, staffId, NO_SECRET, 0);
}
