import type { Kysely } from 'kysely';
import type { CampaignFile } from '../../shared/campaignFile.ts';
import { missingForPublish } from '../../shared/publishReadiness.ts';
import type { CampaignDraft } from '../../shared/schemas/manage.ts';
import { writeWithRev } from '../db/rev.ts';
import type { Schema } from '../db/schema.ts';
import { type AuditWrite, insertAudit } from '../repos/auditLog.ts';
import {
  claimEdit,
  type Editor,
  getVersion,
  insertDraftCampaign,
  insertPublishedVersion,
  loadCampaign,
  publishedState,
  replaceHalls,
  setColumns,
  setDraft,
  setStatus,
  type StoredCampaign,
  contentOf,
  workingDraft,
} from '../repos/campaignAuthoring.ts';
import type { ManageActor } from './actor.ts';
import { draftChanges, listPaths, sameTalkTrack } from './draftChanges.ts';
import { assertNoHallRemoved, requireEditable, requireVisible } from './scope.ts';
import { editConflict, incompleteError } from './words.ts';

/**
 * Every manager write of a campaign: one transaction each, holding the change and its audit row;
 * a write of an existing campaign holds only if nobody wrote it since the person loaded it.
 * Publish and retire change what tablets pull, so they also take one rev for the whole change.
 */

const editorOf = (actor: ManageActor, now: Date): Editor => ({ staffId: actor.staffId, at: now.toISOString() });
const titleOf = (draft: CampaignDraft) => `«${draft.campaign.title.zh.trim() || draft.campaign.offerCode || 'untitled'}»`;

async function audit(
  trx: Kysely<Schema>,
  actor: ManageActor,
  editor: Editor,
  entry: Omit<AuditWrite, 'at' | 'actor'>,
): Promise<void> {
  await insertAudit(trx, { ...entry, at: editor.at, actor });
}

/** Takes the edit (bumps the counter) or refuses with who wrote last and when. */
async function claim(trx: Kysely<Schema>, actor: ManageActor, stored: StoredCampaign, expected: number, editor: Editor): Promise<void> {
  const { row } = stored;
  if (row.edit_version === expected && (await claimEdit(trx, row.id, expected, editor))) return;
  const now = (await loadCampaign(trx, row.id)) ?? stored;
  throw editConflict(
    { editVersion: now.row.edit_version, editedBy: now.editedBy, editedAt: now.row.edited_at },
    expected,
    actor.hall.timeZone,
  );
}

export async function createCampaign(db: Kysely<Schema>, actor: ManageActor, draft: CampaignDraft, now = new Date()): Promise<string> {
  const editor = editorOf(actor, now);
  return db.transaction().execute(async (trx) => {
    const id = await insertDraftCampaign(trx, draft, editor);
    await audit(trx, actor, editor, { action: 'create', campaignId: id, hallIds: draft.hallIds, summary: `created draft ${titleOf(draft)}`, details: { title: draft.campaign.title } });
    return id;
  });
}

/** Saves the draft only: tablets keep the published state (no rev), except that a never-published campaign mirrors it. */
export async function saveDraft(
  db: Kysely<Schema>,
  actor: ManageActor,
  campaignId: string,
  expected: number,
  draft: CampaignDraft,
  now = new Date(),
): Promise<void> {
  const editor = editorOf(actor, now);
  await db.transaction().execute(async (trx) => {
    const stored = await requireEditable(trx, actor, campaignId);
    await claim(trx, actor, stored, expected, editor);
    await assertNoHallRemoved(trx, stored, draft.hallIds);
    const changed = draftChanges(await workingDraft(trx, stored), draft);
    await setDraft(trx, campaignId, draft);
    if (stored.row.status === 'draft') {
      await setColumns(trx, campaignId, draft.campaign);
      await replaceHalls(trx, campaignId, draft.hallIds);
    }
    const summary = changed.length === 0 ? 'saved the draft without changes' : `changed ${listPaths(changed)}`;
    await audit(trx, actor, editor, { action: 'save_draft', campaignId, hallIds: draft.hallIds, summary, details: { changed } });
  });
}

/**
 * Makes the draft live in one transaction and one rev: columns, halls, status, a new talk-track
 * version when its text changed (or there is none yet), the draft cleared. The next pull of every
 * tablet of those halls brings the campaign and all its versions.
 */
export async function publishCampaign(
  db: Kysely<Schema>,
  actor: ManageActor,
  campaignId: string,
  expected: number,
  now = new Date(),
): Promise<void> {
  const editor = editorOf(actor, now);
  await writeWithRev(db, async (trx, rev) => {
    const stored = await requireEditable(trx, actor, campaignId);
    await claim(trx, actor, stored, expected, editor);
    const draft = await workingDraft(trx, stored);
    const missing = missingForPublish(draft);
    if (missing.length > 0) throw incompleteError(missing);
    await assertNoHallRemoved(trx, stored, draft.hallIds);
    const live = stored.current === null ? undefined : await getVersion(trx, campaignId, stored.current.id);
    const version =
      live !== undefined && sameTalkTrack(contentOf(live), draft.talkTrack)
        ? { id: live.id, version: live.version, fresh: false }
        : { ...(await insertPublishedVersion(trx, campaignId, draft.talkTrack, editor, rev)), fresh: true };
    const changed = draftChanges(await publishedState(trx, stored), draft).filter((p) => !p.startsWith('talkTrack.'));
    await setColumns(trx, campaignId, draft.campaign, { status: 'published', current_version_id: version.id, rev });
    await replaceHalls(trx, campaignId, draft.hallIds);
    await setDraft(trx, campaignId, null);
    const what = version.fresh ? `published version ${version.version}` : `published; talk-track unchanged (version ${version.version})`;
    const summary = changed.length > 0 && stored.row.status === 'published' ? `${what}; changed ${listPaths(changed)}` : what;
    const details = { version: version.version, newVersion: version.fresh, changed: stored.row.status === 'published' ? changed : [] };
    await audit(trx, actor, editor, { action: 'publish', campaignId, hallIds: draft.hallIds, summary, details });
  });
}

/** Tablets drop it at their next pull; its versions and the recommendations made with them stay. */
export async function retireCampaign(
  db: Kysely<Schema>,
  actor: ManageActor,
  campaignId: string,
  expected: number,
  now = new Date(),
): Promise<void> {
  const editor = editorOf(actor, now);
  await writeWithRev(db, async (trx, rev) => {
    const stored = await requireEditable(trx, actor, campaignId);
    await claim(trx, actor, stored, expected, editor);
    await setStatus(trx, campaignId, 'retired', rev, editor.at);
    const was = stored.current === null ? 'never published' : `was at version ${stored.current.version}`;
    const details = { version: stored.current?.version ?? null };
    await audit(trx, actor, editor, { action: 'retire', campaignId, hallIds: stored.hallIds, summary: `retired (${was})`, details });
  });
}

const withSuffix = (text: string, suffix: string) => `${text}${suffix}`.slice(0, 4000);

/** A new draft from any campaign the person sees, for their own hall if they are a manager. */
export async function duplicateCampaign(db: Kysely<Schema>, actor: ManageActor, sourceId: string, now = new Date()): Promise<string> {
  const editor = editorOf(actor, now);
  return db.transaction().execute(async (trx) => {
    const source = await requireVisible(trx, actor, sourceId);
    const base = await workingDraft(trx, source);
    const { title } = base.campaign;
    const copy: CampaignDraft = {
      ...base,
      campaign: {
        ...base.campaign,
        title: {
          zh: withSuffix(title.zh, '（副本）'),
          ...(title.en !== undefined && title.en.trim() !== '' ? { en: withSuffix(title.en, ' (copy)') } : {}),
        },
        focus: false,
      },
      hallIds: actor.role === 'admin' ? base.hallIds : [actor.hallId],
    };
    const id = await insertDraftCampaign(trx, copy, editor);
    const from = source.draft !== null || source.current === null ? 'its draft' : `version ${source.current.version}`;
    const summary = `duplicated from ${titleOf(base)} (${sourceId}, ${from})`;
    const details = { title: base.campaign.title, version: source.draft !== null || source.current === null ? null : source.current.version };
    await audit(trx, actor, editor, { action: 'duplicate', campaignId: id, hallIds: copy.hallIds, summary, details });
    return id;
  });
}

/** All of the file's campaigns become drafts of the chosen halls, or none does. */
export async function importCampaigns(
  db: Kysely<Schema>,
  actor: ManageActor,
  file: CampaignFile,
  hallIds: readonly string[],
  now = new Date(),
): Promise<string[]> {
  const editor = editorOf(actor, now);
  return db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const [i, item] of file.campaigns.entries()) {
      const draft: CampaignDraft = { campaign: item.campaign, hallIds: [...hallIds], talkTrack: item.talkTrack };
      const id = await insertDraftCampaign(trx, draft, editor);
      const summary = `imported ${titleOf(draft)} (campaign ${i + 1} of ${file.campaigns.length} in a file exported at ${file.exportedAt})`;
      const details = { title: draft.campaign.title, index: i + 1, total: file.campaigns.length, exportedAt: file.exportedAt };
      await audit(trx, actor, editor, { action: 'import', campaignId: id, hallIds, summary, details });
      ids.push(id);
    }
    return ids;
  });
}
