import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { Id } from '../../shared/schemas/common.ts';
import { type AuditAction, AuditEntry, CampaignAuditDetails } from '../../shared/schemas/manage.ts';
import type { StaffRole } from '../../shared/schemas/reference.ts';
import { fromJson, toJson } from '../db/json.ts';
import type { AuditLogTable, Schema } from '../db/schema.ts';

export interface AuditActor {
  staffId: string;
  name: string;
  role: StaffRole;
}

export interface AuditWrite {
  at: string;
  actor: AuditActor;
  action: AuditAction;
  campaignId: string;
  hallIds: readonly string[];
  summary: string;
  details: CampaignAuditDetails;
}

/** Called inside the write's own transaction: the change and its audit row commit or fail together. */
export async function insertAudit(trx: Kysely<Schema>, entry: AuditWrite): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      at: entry.at,
      actor_id: entry.actor.staffId,
      actor_name: entry.actor.name,
      actor_role: entry.actor.role,
      action: entry.action,
      campaign_id: entry.campaignId,
      hall_ids: toJson(entry.hallIds),
      summary: entry.summary,
      details: toJson(entry.details),
    })
    .execute();
}

function entryFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return AuditEntry.parse({
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role },
    action: row.action,
    campaignId: row.campaign_id,
    hallIds: fromJson(z.array(Id), row.hall_ids),
    summary: row.summary,
    details: row.details === null ? null : fromJson(CampaignAuditDetails, row.details),
  });
}

/**
 * Entries before an instant, newest first. The next page asks for entries before the last one's
 * time, so a page never ends inside a group of entries of the same instant (one import writes
 * several): such a group is completed even past `limit`, and nothing is skipped or repeated.
 */
export async function listAudit(db: Kysely<Schema>, options: { before?: string; limit: number }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc');
  if (options.before !== undefined) query = query.where('at', '<', new Date(options.before).toISOString());
  const rows = await query.limit(options.limit).execute();
  const last = rows[rows.length - 1];
  if (rows.length === options.limit && last !== undefined) {
    const rest = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('at', '=', last.at)
      .where('id', '<', last.id)
      .orderBy('id', 'desc')
      .execute();
    rows.push(...rest);
  }
  return rows.map(entryFromRow);
}
