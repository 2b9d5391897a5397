import type { Kysely, Selectable } from 'kysely';
import { LocalizedText } from '../../shared/schemas/common.ts';
import { HallAdmin } from '../../shared/schemas/people.ts';
import { Hall } from '../../shared/schemas/reference.ts';
import { bool, fromJson, isTrue, toJson } from '../db/json.ts';
import { writeWithRev } from '../db/rev.ts';
import type { HallsTable, Schema } from '../db/schema.ts';

export type HallRow = Selectable<HallsTable>;

export function hallFromRow(row: Pick<HallsTable, 'id' | 'name' | 'time_zone'>): Hall {
  return Hall.parse({ id: row.id, name: fromJson(LocalizedText, row.name), timeZone: row.time_zone });
}

/** A hall as the office pages show it, with its active people and devices counted. */
export function hallAdminFromRow(row: HallRow, counts: { people: number; devices: number }): HallAdmin {
  return HallAdmin.parse({
    ...hallFromRow(row),
    address: row.address,
    active: isTrue(row.active),
    people: counts.people,
    devices: counts.devices,
    createdAt: row.created_at,
  });
}

export async function insertHall(db: Kysely<Schema>, hall: Hall, options: { address?: string | null } = {}): Promise<void> {
  const valid = Hall.parse(hall);
  await writeWithRev(db, (trx, rev) =>
    trx
      .insertInto('halls')
      .values({
        id: valid.id,
        name: toJson(valid.name),
        time_zone: valid.timeZone,
        rev,
        created_at: new Date().toISOString(),
        // Only when given: the migration tests insert halls into schemas older than the address.
        ...(options.address == null ? {} : { address: options.address }),
      })
      .execute(),
  );
}

/** A rename takes a new rev: the hall's tablets pull its new name. */
export async function updateHall(
  db: Kysely<Schema>,
  hallId: string,
  change: { name?: LocalizedText; address?: string | null; active?: boolean },
): Promise<void> {
  await writeWithRev(db, (trx, rev) =>
    trx
      .updateTable('halls')
      .set({
        ...(change.name === undefined ? {} : { name: toJson(change.name) }),
        ...(change.address === undefined ? {} : { address: change.address }),
        ...(change.active === undefined ? {} : { active: bool(change.active) }),
        rev,
      })
      .where('id', '=', hallId)
      .execute(),
  );
}

export async function getHall(db: Kysely<Schema>, id: string): Promise<Hall | undefined> {
  const row = await db.selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : hallFromRow(row);
}

export async function getHallRow(db: Kysely<Schema>, id: string): Promise<HallRow | undefined> {
  return db.selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();
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
  return (await listHallRows(db, ids)).map(hallFromRow);
}

export async function listHallRows(db: Kysely<Schema>, ids?: readonly string[]): Promise<HallRow[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = db.selectFrom('halls').selectAll().orderBy('created_at').orderBy('id');
  if (ids !== undefined) query = query.where('id', 'in', [...ids]);
  return query.execute();
}

/**
 * Active people, and devices neither revoked nor expired (unused since `activeSince`), per hall:
 * a hall is deactivated only when both are 0.
 */
export async function countHallMembers(
  db: Kysely<Schema>,
  hallIds: readonly string[],
  activeSince: Date,
): Promise<Map<string, { people: number; devices: number }>> {
  const counts = new Map(hallIds.map((id) => [id, { people: 0, devices: 0 }]));
  if (hallIds.length === 0) return counts;
  const people = await db
    .selectFrom('staff')
    .select((eb) => ['hall_id', eb.fn.countAll<number>().as('n')])
    .where('hall_id', 'in', [...hallIds])
    .where('active', '=', 1)
    .groupBy('hall_id')
    .execute();
  const since = activeSince.toISOString();
  const devices = await db
    .selectFrom('devices')
    .select((eb) => ['hall_id', eb.fn.countAll<number>().as('n')])
    .where('hall_id', 'in', [...hallIds])
    .where('revoked_at', 'is', null)
    .where((eb) => eb(eb.fn.coalesce('last_seen_at', 'created_at'), '>', since))
    .groupBy('hall_id')
    .execute();
  for (const p of people) counts.get(p.hall_id)!.people = Number(p.n);
  for (const d of devices) counts.get(d.hall_id)!.devices = Number(d.n);
  return counts;
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
