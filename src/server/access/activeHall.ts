import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { getHallRow, hallFromRow, type HallRow } from '../repos/halls.ts';

/** A hall that exists, or 400 `unknown_hall`. */
export async function requireHall(db: Kysely<Schema>, hallId: string): Promise<HallRow> {
  const row = await getHallRow(db, hallId);
  if (row === undefined) throw new HttpError(400, 'unknown_hall', `there is no hall ${hallId}; reload the page and choose from the list of halls`, { hallId });
  return row;
}

/**
 * A hall that takes new people, people moved in and enrolment codes: it exists (400
 * `unknown_hall`) and is active (409 `hall_inactive`).
 */
export async function requireActiveHall(db: Kysely<Schema>, hallId: string): Promise<HallRow> {
  const row = await requireHall(db, hallId);
  if (row.active === 0) {
    throw new HttpError(
      409,
      'hall_inactive',
      `the hall ${hallFromRow(row).name.zh} is deactivated: it takes no new people, moves or enrolment codes; an admin can reactivate it`,
      { hall: hallFromRow(row).name.zh },
    );
  }
  return row;
}
