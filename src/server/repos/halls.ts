import type { Kysely } from 'kysely';
import { LocalizedText } from '../../shared/schemas/common.ts';
import { Hall } from '../../shared/schemas/reference.ts';
import { fromJson, isTrue, toJson } from '../db/json.ts';
import { writeWithRev } from '../db/rev.ts';
import type { HallsTable, Schema } from '../db/schema.ts';

export function hallFromRow(row: Pick<HallsTable, 'id' | 'name' | 'time_zone'>): Hall {
  return Hall.parse({ id: row.id, name: fromJson(LocalizedText, row.name), timeZone: row.time_zone });
}

export async function insertHall(db: Kysely<Schema>, hall: Hall & { address?: string | null }): Promise<void> {
  const valid = Hall.parse(hall);
  await writeWithRev(db, (trx, rev) =>
    trx
      .insertInto('halls')
      .values({
        id: valid.id,
        name: toJson(valid.name),
        time_zone: valid.timeZone,
        // Only when there is one: the migration tests seed halls into databases older than the column.
        ...(hall.address != null ? { address: hall.address } : {}),
        rev,
        created_at: new Date().toISOString(),
      })
      .execute(),
  );
}

export async function getHall(db: Kysely<Schema>, id: string): Promise<Hall | undefined> {
  const row = await db.selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : hallFromRow(row);
}

export async function countHalls(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('halls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every hall, or the ones named, in the order they were created. */
export async function listHalls(db: Kysely<Schema>, ids?: readonly string[]): Promise<Hall[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = db.selectFrom('halls').selectAll().orderBy('created_at').orderBy('id');
  if (ids !== undefined) query = query.where('id', 'in', [...ids]);
  const rows = await query.execute();
  return rows.map(hallFromRow);
}

/** The hall's IANA time zone: what "per day" means for its records. */
export async function hallTimeZone(db: Kysely<Schema>, hallId: string): Promise<string> {
  const row = await db.selectFrom('halls').select('time_zone').where('id', '=', hallId).executeTakeFirstOrThrow();
  return row.time_zone;
}

/** Whether the hall takes new devices (false once an admin deactivated it); undefined: no such hall. */
export async function hallIsActive(db: Kysely<Schema>, hallId: string): Promise<boolean | undefined> {
  const row = await db.selectFrom('halls').select('active').where('id', '=', hallId).executeTakeFirst();
  return row === undefined ? undefined : isTrue(row.active);
}
