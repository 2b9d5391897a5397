import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * Campaign authoring: the unpublished draft and the optimistic edit counter live on the campaign
 * row; every manager write leaves an audit row. SQLite adds one column per ALTER TABLE, so each
 * column is its own statement (PostgreSQL accepts the same).
 */
export async function up(db: Kysely<Schema>): Promise<void> {
  // JSON of a CampaignDraft: what the next publish makes live; null when nothing is unpublished.
  await db.schema.alterTable('campaigns').addColumn('draft', 'text').execute();
  await db.schema
    .alterTable('campaigns')
    .addColumn('edit_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // No foreign key: a staff id, kept even if the person leaves (the audit log names them too).
  await db.schema.alterTable('campaigns').addColumn('edited_by', 'text').execute();
  await db.schema.alterTable('campaigns').addColumn('edited_at', 'text').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('hall_ids', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
