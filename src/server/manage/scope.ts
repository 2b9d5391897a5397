import type { Kysely } from 'kysely';
import { CampaignStatus } from '../../shared/schemas/reference.ts';
import { type CampaignDraft, ManagedCampaign } from '../../shared/schemas/manage.ts';
import type { Schema } from '../db/schema.ts';
import { forbidden, HttpError } from '../errors.ts';
import { loadCampaign, specFromRow, type StoredCampaign } from '../repos/campaignAuthoring.ts';
import { listHalls } from '../repos/halls.ts';
import type { ManageActor } from './actor.ts';
import { hallRemovedError, retiredError } from './words.ts';

/**
 * Who sees and writes what: a manager sees the campaigns of their own hall and writes only those
 * for their hall alone; an admin sees and writes every hall's.
 */

const isAdmin = (actor: ManageActor) => actor.role === 'admin';
const onlyOwnHall = (actor: ManageActor, hallIds: readonly string[]) => hallIds.length === 1 && hallIds[0] === actor.hallId;

export function canSee(actor: ManageActor, stored: StoredCampaign): boolean {
  return isAdmin(actor) || stored.hallIds.includes(actor.hallId);
}

export function canEdit(actor: ManageActor, stored: StoredCampaign): boolean {
  if (stored.row.status === 'retired') return false;
  if (isAdmin(actor)) return true;
  return onlyOwnHall(actor, stored.hallIds) && (stored.draft === null || onlyOwnHall(actor, stored.draft.hallIds));
}

export function toManaged(actor: ManageActor, stored: StoredCampaign): ManagedCampaign {
  const { row } = stored;
  return ManagedCampaign.parse({
    id: row.id,
    status: CampaignStatus.parse(row.status),
    campaign: specFromRow(row),
    hallIds: stored.hallIds,
    currentVersion: stored.current?.version ?? null,
    currentVersionId: row.current_version_id,
    hasDraft: stored.draft !== null || row.current_version_id === null,
    editVersion: row.edit_version,
    editedAt: row.edited_at,
    editedBy: stored.editedBy,
    canEdit: canEdit(actor, stored),
  });
}

const notFound = (id: string) =>
  new HttpError(404, 'not_found', `there is no campaign ${id}; it may have been typed wrong, reload the campaign list`);

/** The campaign if the actor may see it: 404 when it does not exist, 403 when it is another hall's. */
export async function requireVisible(db: Kysely<Schema>, actor: ManageActor, campaignId: string): Promise<StoredCampaign> {
  const stored = await loadCampaign(db, campaignId);
  if (stored === undefined) throw notFound(campaignId);
  if (!canSee(actor, stored)) throw forbidden('this campaign is not for your hall; a manager sees only the campaigns of their own hall');
  return stored;
}

/** The campaign if the actor may change it: also 409 `retired`, and 403 for a manager on a several-hall campaign. */
export async function requireEditable(db: Kysely<Schema>, actor: ManageActor, campaignId: string): Promise<StoredCampaign> {
  const stored = await requireVisible(db, actor, campaignId);
  if (stored.row.status === 'retired') throw retiredError();
  if (!canEdit(actor, stored)) {
    throw forbidden('this campaign is for several halls, so only an admin can change it; duplicate it to make one for your hall alone');
  }
  return stored;
}

/**
 * The halls a write names, each once, if the actor may write for them: a manager only their own
 * (403 otherwise), an admin any hall that exists (400 for one that does not).
 */
export async function checkHalls(db: Kysely<Schema>, actor: ManageActor, hallIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(hallIds)];
  if (!isAdmin(actor)) {
    if (!onlyOwnHall(actor, unique)) {
      throw forbidden(`a manager writes campaigns for their own hall only (${actor.hall.name.zh}); choose just that hall, or ask an admin`);
    }
    return unique;
  }
  const known = new Set((await listHalls(db, unique)).map((h) => h.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new HttpError(400, 'unknown_hall', `there is no hall ${unknown.join(', ')}; reload the page and choose from the list of halls`, {
      hallId: unknown.join(', '),
    });
  }
  return unique;
}

export async function withCheckedHalls(db: Kysely<Schema>, actor: ManageActor, draft: CampaignDraft): Promise<CampaignDraft> {
  return { ...draft, hallIds: await checkHalls(db, actor, draft.hallIds) };
}

/** Tablets of a hall taken off a published campaign would keep offering it: refused (409). */
export async function assertNoHallRemoved(db: Kysely<Schema>, stored: StoredCampaign, hallIds: readonly string[]): Promise<void> {
  if (stored.row.status !== 'published') return;
  const removed = stored.hallIds.filter((id) => !hallIds.includes(id));
  if (removed.length === 0) return;
  const halls = await listHalls(db, removed);
  throw hallRemovedError(halls.length > 0 ? halls.map((h) => h.name.zh) : removed);
}
