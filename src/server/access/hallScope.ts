import type { Kysely } from 'kysely';
import type { Hall } from '../../shared/schemas/reference.ts';
import type { Schema } from '../db/schema.ts';
import { forbidden, HttpError } from '../errors.ts';
import type { ManageActor } from '../manage/actor.ts';
import { listHalls } from '../repos/halls.ts';

/**
 * Devices and sessions are a hall's business: a manager acts on their own hall only, an admin on
 * every hall. (Counter roles never get here: manageAuth refuses them first.)
 */

export const isAdmin = (actor: ManageActor): boolean => actor.role === 'admin';

/** 403 unless the actor may act on this hall; `what` says what was refused, in the words of the message. */
export function assertMayManageHall(actor: ManageActor, hallId: string, what: string): void {
  if (isAdmin(actor) || hallId === actor.hallId) return;
  throw forbidden(`a manager may ${what} of their own hall only (${actor.hall.name.zh}); ask an admin for another hall`);
}

/** The halls a list covers: a manager's own (another named: 403), an admin's named one, or every hall. */
export async function hallsInView(db: Kysely<Schema>, actor: ManageActor, hallId: string | undefined): Promise<Hall[]> {
  if (!isAdmin(actor)) {
    if (hallId !== undefined && hallId !== actor.hallId) {
      throw forbidden(`you see your own hall only (${actor.hall.name.zh}); leave hallId out or choose your own hall`);
    }
    return [actor.hall];
  }
  if (hallId === undefined) return listHalls(db);
  const halls = await listHalls(db, [hallId]);
  if (halls.length === 0) throw new HttpError(400, 'unknown_hall', `there is no hall ${hallId}; reload the page and choose from the list of halls`, { hallId });
  return halls;
}
