import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { verifyPin } from '../../auth/pin.ts';
import { DEMO_STAFF } from '../../seed/demo.ts';
import type { Schema } from '../schema.ts';

/**
 * A real hall without the demo: halls get an address and can be deactivated; people get an English
 * name, a staff number and a "choose a new PIN at the next sign-in" mark; enrolment codes get an id
 * (to list and cancel them), the name the tablet will carry and who issued them; one-time codes
 * with which a manager or admin sets their own password; markers that take a reference row off a
 * hall's tablets (a person moved or deactivated); structured details on access audit entries.
 */

export async function up(db: Kysely<Schema>): Promise<void> {
  await db.schema.alterTable('halls').addColumn('address', 'text').execute();
  await db.schema.alterTable('halls').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  await db.schema.alterTable('staff').addColumn('name_en', 'text').execute();
  await db.schema.alterTable('staff').addColumn('staff_no', 'text').execute();
  await db.schema.alterTable('staff').addColumn('must_change_pin', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('staff').addColumn('demo_secret', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // A staff number names one person across the organisation (the roster import matches on it).
  await db.schema.createIndex('staff_staff_no').on('staff').column('staff_no').unique().where(sql.ref('staff_no'), 'is not', null).execute();

  await db.schema.alterTable('enrolment_codes').addColumn('id', 'text').execute();
  await db.schema.alterTable('enrolment_codes').addColumn('device_name', 'text').execute();
  await db.schema.alterTable('enrolment_codes').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('enrolment_codes').addColumn('cancelled_at', 'text').execute();
  const codes = await db.selectFrom('enrolment_codes').select('code_hash').execute();
  for (const code of codes) {
    await db.updateTable('enrolment_codes').set({ id: uuidv7() }).where('code_hash', '=', code.code_hash).execute();
  }
  await db.schema.createIndex('enrolment_codes_id').on('enrolment_codes').column('id').unique().execute();
  await db.schema.createIndex('enrolment_codes_hall').on('enrolment_codes').columns(['hall_id', 'expires_at']).execute();

  await db.schema
    .createTable('password_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by_device', 'text', (c) => c.references('devices.id'))
    // Null: issued by `npm run setup` for the first admin.
    .addColumn('created_by', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_codes_staff').on('password_codes').column('staff_id').execute();

  await db.schema
    .createTable('reference_removals')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('rev', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_removals_pk', ['kind', 'row_id', 'hall_id'])
    .execute();
  await db.schema.createIndex('reference_removals_hall_rev').on('reference_removals').columns(['hall_id', 'rev']).execute();

  await db.schema.alterTable('access_audit').addColumn('details', 'text').execute();

  // A demo hall seeded before this version: mark the people whose published secret still opens them.
  for (const { id, secret } of DEMO_STAFF) {
    const row = await db
      .selectFrom('staff')
      .select(['pin_algorithm', 'pin_iterations', 'pin_salt', 'pin_hash'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row?.pin_hash == null || row.pin_salt === null || row.pin_iterations === null || row.pin_algorithm !== 'pbkdf2-sha256') continue;
    const verifier = { algorithm: 'pbkdf2-sha256' as const, iterations: row.pin_iterations, salt: row.pin_salt, hash: row.pin_hash };
    if (await verifyPin(secret, verifier)) await db.updateTable('staff').set({ demo_secret: 1 }).where('id', '=', id).execute();
  }
}
