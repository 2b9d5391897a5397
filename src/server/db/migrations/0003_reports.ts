import type { Kysely } from 'kysely';
import { localDate } from '../../../shared/localDate.ts';
import type { Schema } from '../schema.ts';

/**
 * Reports: every visit and recommendation carries its hall-local day, so the daily tallies are an
 * index range scan and a GROUP BY in the database; a recommendation carries how many elements were
 * said, so SQL need not parse JSON; voids take a visit out of every measure. The days of rows
 * stored before this migration are computed here, in JS with each hall's time zone (the engines
 * disagree on time-zone SQL), a batch at a time.
 */

const BATCH = 1000;

export async function up(db: Kysely<Schema>): Promise<void> {
  // The defaults exist only so that ALTER TABLE can add NOT NULL columns to filled tables (SQLite
  // requires one); the backfill below overwrites them, and ingest always writes the real values.
  await db.schema.alterTable('visits').addColumn('local_day', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('visits').addColumn('voided_at', 'text').execute();
  await db.schema.alterTable('visits').addColumn('void_reason', 'text').execute();
  await db.schema.alterTable('recommendations').addColumn('local_day', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema
    .alterTable('recommendations')
    .addColumn('elements_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('visit_voids')
    .addColumn('id', 'text', (c) => c.primaryKey().references('field_records.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    // Unique: a visit is voided once; a second void of it is refused on push (already_voided).
    .addColumn('visit_id', 'text', (c) => c.notNull().unique().references('visits.id'))
    .addColumn('voided_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();

  await backfillVisitDays(db);
  await backfillRecommendations(db);

  // After the backfill: filling an indexed column would update the index row by row as well.
  await db.schema.createIndex('visits_hall_day').on('visits').columns(['hall_id', 'local_day']).execute();
  await db.schema.createIndex('recommendations_hall_day').on('recommendations').columns(['hall_id', 'local_day']).execute();
}

/** ids grouped by the value they get: one UPDATE per distinct value in a batch, not one per row. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}

function dayIn(timeZone: string, hallId: string): (instant: string) => string {
  try {
    localDate(new Date(0), timeZone);
  } catch {
    throw new Error(
      `hall ${hallId} has the time zone "${timeZone}", which this server does not know; set halls.time_zone to an IANA zone (e.g. Asia/Shanghai) and start the server again`,
    );
  }
  return (instant) => localDate(instant, timeZone);
}

async function backfillVisitDays(db: Kysely<Schema>): Promise<void> {
  const halls = await db.selectFrom('halls').select(['id', 'time_zone']).execute();
  for (const hall of halls) {
    const dayOf = dayIn(hall.time_zone, hall.id);
    let after = '';
    for (;;) {
      const rows = await db
        .selectFrom('visits')
        .select(['id', 'opened_at'])
        .where('hall_id', '=', hall.id)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      for (const [day, group] of groupBy(rows, (r) => dayOf(r.opened_at))) {
        await db.updateTable('visits').set({ local_day: day }).where('id', 'in', group.map((r) => r.id)).execute();
      }
      after = rows[rows.length - 1]!.id;
    }
  }
}

async function backfillRecommendations(db: Kysely<Schema>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('recommendations as r')
      .innerJoin('visits as v', 'v.id', 'r.visit_id')
      .select(['r.id', 'r.elements_said', 'v.local_day'])
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const counted = rows.map((r) => ({ id: r.id, day: r.local_day, count: (JSON.parse(r.elements_said) as unknown[]).length }));
    for (const group of groupBy(counted, (r) => `${r.day}|${r.count}`).values()) {
      const { day, count } = group[0]!;
      await db
        .updateTable('recommendations')
        .set({ local_day: day, elements_count: count })
        .where('id', 'in', group.map((r) => r.id))
        .execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}
