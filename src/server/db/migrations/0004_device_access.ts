import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * Device access: device tokens expire when unused (last_seen_at starts the clock), the device list
 * shows when a device last called and pushed, revoked or expired devices' unsent records are
 * reported as lost, and revocations are audited.
 */
export async function up(db: Kysely<Schema>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('devices').addColumn('last_push_at', 'text').execute();
  await db.schema.alterTable('devices').addColumn('max_offered_seq', 'integer').execute();
  // Devices enrolled before tokens expired start their clock now: a tablet in daily use since long
  // before this upgrade must not be locked out by it.
  await db
    .updateTable('devices')
    .set({ last_seen_at: new Date().toISOString() })
    .where('revoked_at', 'is', null)
    .execute();

  await db.schema
    .createTable('lost_record_reports')
    .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('first_reported_at', 'text', (c) => c.notNull())
    .addColumn('last_reported_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('offered', 'integer', (c) => c.notNull())
    .addColumn('first_seq', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('pending', 'integer')
    .addColumn('pending_last_seq', 'integer')
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('staff_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lost_record_reports_hall').on('lost_record_reports').column('hall_id').execute();

  // Revoking devices and sessions; no foreign keys, so the entry outlives what it names.
  await db.schema
    .createTable('access_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_audit_target').on('access_audit').columns(['target_id', 'action']).execute();
  await db.schema.createIndex('access_audit_at').on('access_audit').column('at').execute();
}
