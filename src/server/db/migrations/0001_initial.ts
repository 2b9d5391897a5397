import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * The first schema. Only the kysely schema builder and plain SQL both engines accept:
 * text/integer/bigint columns, 0/1 integers for booleans, ISO text for times.
 */
export async function up(db: Kysely<Schema>): Promise<void> {
  // A single-row global counter; every reference row carries the value it had when last changed.
  await db.schema
    .createTable('rev_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into rev_counter (id, value) values (1, 0)`.execute(db);

  await db.schema
    .createTable('halls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('rev', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('pin_algorithm', 'text')
    .addColumn('pin_iterations', 'integer')
    .addColumn('pin_salt', 'text')
    .addColumn('pin_hash', 'text')
    .addColumn('failed_pin_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('rev', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_hall_rev').on('staff').columns(['hall_id', 'rev']).execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('label', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('acked_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('enrolment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by_device', 'text', (c) => c.references('devices.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('offer_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('focus', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('segment_note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // No foreign key: campaign and version point at each other; the repo keeps them consistent.
    .addColumn('current_version_id', 'text')
    .addColumn('rev', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaign_halls')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addPrimaryKeyConstraint('campaign_halls_pk', ['campaign_id', 'hall_id'])
    .execute();
  await db.schema.createIndex('campaign_halls_hall').on('campaign_halls').column('hall_id').execute();

  await db.schema
    .createTable('talk_track_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('elements', 'text', (c) => c.notNull())
    .addColumn('opening', 'text', (c) => c.notNull())
    .addColumn('pitch', 'text', (c) => c.notNull())
    .addColumn('objections', 'text', (c) => c.notNull())
    .addColumn('closing', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('rev', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('talk_track_versions_campaign_version', ['campaign_id', 'version'])
    .execute();

  await createFieldTables(db);
}

async function createFieldTables(db: Kysely<Schema>): Promise<void> {
  // Registry of every field record id, whatever its kind: the unique key that stops doubles.
  await db.schema
    .createTable('field_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_records_device').on('field_records').columns(['device_id', 'seq']).execute();

  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey().references('field_records.id'))
      .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'));

  await base('visits')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('business', 'text', (c) => c.notNull())
    .addColumn('segment', 'text')
    .execute();
  await db.schema.createIndex('visits_hall').on('visits').column('hall_id').execute();
  await db.schema.createIndex('visits_staff').on('visits').column('staff_id').execute();

  await base('recommendations')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('talk_track_version_id', 'text', (c) => c.notNull().references('talk_track_versions.id'))
    .addColumn('elements_said', 'text', (c) => c.notNull())
    .addColumn('demo_device_used', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendations_hall').on('recommendations').column('hall_id').execute();
  await db.schema.createIndex('recommendations_visit').on('recommendations').column('visit_id').execute();
  await db.schema.createIndex('recommendations_staff').on('recommendations').column('staff_id').execute();

  await base('visit_closes')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('no_recommendation_confirmed', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_closes_visit').on('visit_closes').column('visit_id').execute();

  await db.schema
    .createTable('push_receipts')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('kind', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_receipts_pk', ['device_id', 'seq'])
    .execute();
}
