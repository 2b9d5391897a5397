import type { StaffMember } from '../../shared/schemas/reference.ts';
import type { TalktrackDb } from './db.ts';

/** Reads of the hall's people as this tablet last pulled them. */

/** One person, or null once read and absent (so undefined in a live query only means "not read yet"). */
export async function staffMemberOf(db: TalktrackDb, staffId: string): Promise<StaffMember | null> {
  return (await db.staff.get(staffId)) ?? null;
}

/** The hall's active people, in the order given, or as stored. */
export async function activeStaffOf(db: TalktrackDb, hallId: string, order?: (a: StaffMember, b: StaffMember) => number): Promise<StaffMember[]> {
  const active = (await db.staff.where('hallId').equals(hallId).toArray()).filter((s) => s.active);
  return order ? active.sort(order) : active;
}

/** Who has a signing key on this tablet: those an online sign-in left here, who may sign in offline. */
export async function staffWithKeysHere(db: TalktrackDb): Promise<Set<string>> {
  return new Set(await db.signingKeys.toCollection().primaryKeys());
}
