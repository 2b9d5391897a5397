import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { PersonRef } from '../../shared/schemas/manage.ts';
import { AccessAuditEntry } from '../../shared/schemas/people.ts';
import { fromJson, toJson } from '../db/json.ts';
import type { AccessAuditTable, Schema } from '../db/schema.ts';
import type { AuditActor } from './auditLog.ts';

/**
 * Who did what to devices, people, halls and codes, and the setup of the first hall. A table of
 * its own: the campaign audit log names a campaign in every row, these name a device, a person, a
 * hall, a code or a file.
 */
export type AccessAction =
  | 'revoke_device'
  | 'revoke_sessions'
  | 'issue_enrolment_code'
  | 'cancel_enrolment_code'
  | 'setup'
  | 'create_hall'
  | 'update_hall'
  | 'deactivate_hall'
  | 'reactivate_hall'
  | 'create_person'
  | 'update_person'
  | 'reset_pin'
  | 'issue_password_code'
  | 'move_person'
  | 'deactivate_person'
  | 'reactivate_person'
  | 'unlock_person'
  /** target: the file's SHA-256, so the same file is not imported into the hall twice. */
  | 'import_roster'
  /** By the person themself, with the code they were given. */
  | 'redeem_password_code'
  /** target: the held record; a record the server refused, stored after all or set aside for good. */
  | 'accept_held_record'
  | 'discard_held_record';

/** Names, counts and ids for showing the entry in either language; never a code, PIN or password. */
export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface AccessAuditWrite {
  at: string;
  actor: AuditActor;
  action: AccessAction;
  hallId: string;
  targetId: string;
  summary: string;
  details?: AuditDetails;
}

/** Called inside the write's own transaction: the change and its audit row commit or fail together. */
export async function insertAccessAudit(trx: Kysely<Schema>, entry: AccessAuditWrite): Promise<void> {
  await trx
    .insertInto('access_audit')
    .values({
      id: uuidv7(),
      at: entry.at,
      actor_id: entry.actor.staffId,
      actor_name: entry.actor.name,
      actor_role: entry.actor.role,
      action: entry.action,
      hall_id: entry.hallId,
      target_id: entry.targetId,
      summary: entry.summary,
      details: entry.details === undefined ? null : toJson(entry.details),
    })
    .execute();
}

const Details = AccessAuditEntry.shape.details.unwrap();

function entryFromRow(row: Selectable<AccessAuditTable>): AccessAuditEntry {
  return AccessAuditEntry.parse({
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role },
    action: row.action,
    hallId: row.hall_id,
    targetId: row.target_id,
    summary: row.summary,
    details: row.details === null ? null : fromJson(Details, row.details),
  });
}

/** Entries of these halls, newest first, at most `limit`. */
export async function listAccessAudit(db: Kysely<Schema>, hallIds: readonly string[], limit: number): Promise<AccessAuditEntry[]> {
  if (hallIds.length === 0) return [];
  const rows = await db
    .selectFrom('access_audit')
    .selectAll()
    .where('hall_id', 'in', [...hallIds])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(entryFromRow);
}

/** When this exact file (by its SHA-256) was imported into the hall, if it was. */
export async function rosterImportedAt(db: Kysely<Schema>, hallId: string, sha256: string): Promise<string | null> {
  const row = await db
    .selectFrom('access_audit')
    .select('at')
    .where('action', '=', 'import_roster')
    .where('hall_id', '=', hallId)
    .where('target_id', '=', sha256)
    .orderBy('at')
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Who revoked each of these devices (a device is revoked once, so one entry each at most). */
export async function deviceRevokers(db: Kysely<Schema>, deviceIds: readonly string[]): Promise<Map<string, PersonRef>> {
  if (deviceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('access_audit')
    .select(['target_id', 'actor_id', 'actor_name'])
    .where('action', '=', 'revoke_device')
    .where('target_id', 'in', [...deviceIds])
    .execute();
  return new Map(rows.map((r) => [r.target_id, { id: r.actor_id, name: r.actor_name }]));
}

