import type { Kysely } from 'kysely';
import { localDate } from '../../shared/localDate.ts';
import { FOCUS_LIMIT, type FocusWarning } from '../../shared/schemas/manage.ts';
import type { Hall } from '../../shared/schemas/reference.ts';
import type { Schema } from '../db/schema.ts';
import { type StoredCampaign, loadCampaigns, specFromRow } from '../repos/campaignAuthoring.ts';
import { getHall, listHalls } from '../repos/halls.ts';
import type { ManageActor } from './actor.ts';

/** The halls a person manages: their own for a manager, every hall for an admin. */
export async function hallsInScope(db: Kysely<Schema>, actor: ManageActor): Promise<Hall[]> {
  if (actor.role === 'admin') return listHalls(db);
  const own = await getHall(db, actor.hallId);
  return own === undefined ? [] : [own];
}

/** What the next publish makes live: the draft when there is one, else the live columns. */
function planned(stored: StoredCampaign): { focus: boolean; endDate: string; hallIds: readonly string[] } {
  if (stored.draft !== null) return { ...stored.draft.campaign, hallIds: stored.draft.hallIds };
  return { ...specFromRow(stored.row), hallIds: stored.hallIds };
}

/**
 * Halls with more than FOCUS_LIMIT focus campaigns that are not retired and have not ended by the
 * hall's own today: a hall whose staff are told everything is a priority has no priority.
 */
export async function focusWarnings(db: Kysely<Schema>, halls: readonly Hall[], now = new Date()): Promise<FocusWarning[]> {
  if (halls.length === 0) return [];
  const campaigns = (await loadCampaigns(db, { notRetired: true })).map(planned);
  return halls.flatMap((hall) => {
    const today = localDate(now, hall.timeZone);
    const count = campaigns.filter((c) => c.focus && c.endDate >= today && c.hallIds.includes(hall.id)).length;
    return count > FOCUS_LIMIT ? [{ hallId: hall.id, count }] : [];
  });
}
