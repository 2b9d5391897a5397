import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * Records the server can trust: every field record is signed with a key the server gave one person
 * on one tablet at an online sign-in; a record's content is remembered by its hash (a resend that
 * differs is a conflict, not a duplicate); what the server cannot store is kept with its reason
 * for a manager to accept or discard; a campaign's retirement has a time; "sign out everywhere"
 * has a time that sessions and keys begin after.
 */
export async function up(db: Kysely<Schema>): Promise<void> {
  await db.schema
    .createTable('signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    // base64url of 32 random bytes: the HMAC-SHA256 key (the server must hold it to check a MAC).
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('signing_keys_staff').on('signing_keys').columns(['staff_id', 'device_id']).execute();

  // sha256 of the record's canonical JSON (shared/recordSignature.ts); null for rows stored before.
  await db.schema.alterTable('field_records').addColumn('content_hash', 'text').execute();
  await db.schema.alterTable('push_receipts').addColumn('record_hash', 'text').execute();

  await db.schema
    .createTable('held_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('kind', 'text')
    .addColumn('staff_id', 'text')
    // When the record says it happened (its opened/recorded/closed/voided time), as sent.
    .addColumn('record_time', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    // The record as the tablet sent it (JSON), so a manager can accept it later.
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('sig', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    // held | accepted | discarded
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('held_records_hall').on('held_records').columns(['hall_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('held_records_device_seq').on('held_records').columns(['device_id', 'seq']).execute();

  await db.schema.alterTable('campaigns').addColumn('retired_at', 'text').execute();
  // Campaigns retired before this version: their last edit is when it happened (retiring is an edit).
  await db
    .updateTable('campaigns')
    .set((eb) => ({ retired_at: eb.fn.coalesce('edited_at', 'created_at') }))
    .where('status', '=', 'retired')
    .execute();

  // "Sign out everywhere": sessions created (sign-ins begun) before it no longer count.
  await db.schema.alterTable('staff').addColumn('sessions_valid_after', 'text').execute();
}
