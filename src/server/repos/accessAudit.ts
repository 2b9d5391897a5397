import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { PersonRef } from '../../shared/schemas/manage.ts';
import { toJson } from '../db/json.ts';
import type { Schema } from '../db/schema.ts';
import type { AuditActor } from './auditLog.ts';

/**
 * Who revoked which device or whose sessions, who issued or cancelled which enrolment code, and
 * the setup of the first hall. A table of its own: the campaign audit log names a campaign in
 * every row, these name a device, a person or a code.
 */
export type AccessAction = 'revoke_device' | 'revoke_sessions' | 'issue_enrolment_code' | 'cancel_enrolment_code' | 'setup';

/** The action's parameters (names, counts), never a code, PIN or password. */
export type AccessAuditDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface AccessAuditWrite {
  at: string;
  actor: AuditActor;
  action: AccessAction;
  hallId: string;
  targetId: string;
  summary: string;
  details?: AccessAuditDetails;
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
