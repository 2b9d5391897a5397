import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { MUST_SAY_KEYS } from '../../shared/mustSay.ts';
import { CampaignDraft, CampaignSpec, type PersonRef, type TalkTrackContent } from '../../shared/schemas/manage.ts';
import type { TalkTrackVersion } from '../../shared/schemas/reference.ts';
import { bool, fromJson, toJson } from '../db/json.ts';
import type { CampaignsTable, Schema } from '../db/schema.ts';
import { specFromRow } from './campaigns.ts';
import { talkTrackFromRow } from './talkTracks.ts';

export { specFromRow };

/**
 * The manager pages' view of campaigns: the live columns (what tablets pull), the unpublished
 * draft beside them, and the edit counter every write is checked against.
 */

export type CampaignRow = Selectable<CampaignsTable>;

export interface StoredCampaign {
  row: CampaignRow;
  /** The halls tablets know it for (campaign_halls). */
  hallIds: string[];
  draft: CampaignDraft | null;
  current: { id: string; version: number } | null;
  editedBy: PersonRef | null;
}

const empty = () => ({ zh: '' });

export function emptyTalkTrack(): TalkTrackContent {
  const elements = Object.fromEntries(MUST_SAY_KEYS.map((k) => [k, empty()])) as TalkTrackContent['elements'];
  return { elements, opening: empty(), pitch: empty(), objections: [], closing: empty() };
}

export function contentOf(version: TalkTrackVersion): TalkTrackContent {
  const { elements, opening, pitch, objections, closing } = version;
  return { elements, opening, pitch, objections, closing };
}

/**
 * Campaigns with their halls, current version number and last editor, newest first: all of them,
 * the ones named, those that apply to one hall, or those not retired.
 */
export async function loadCampaigns(
  db: Kysely<Schema>,
  filter: { ids?: readonly string[]; hallId?: string; notRetired?: boolean } = {},
): Promise<StoredCampaign[]> {
  if (filter.ids !== undefined && filter.ids.length === 0) return [];
  let query = db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (filter.notRetired === true) query = query.where('status', '!=', 'retired');
  if (filter.ids !== undefined) query = query.where('id', 'in', [...filter.ids]);
  const { hallId } = filter;
  if (hallId !== undefined) {
    query = query.where('id', 'in', (eb) => eb.selectFrom('campaign_halls').select('campaign_id').where('hall_id', '=', hallId));
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await db.selectFrom('campaign_halls').selectAll().where('campaign_id', 'in', ids).orderBy('hall_id').execute();
  const versionIds = rows.flatMap((r) => (r.current_version_id === null ? [] : [r.current_version_id]));
  const versions =
    versionIds.length === 0
      ? []
      : await db.selectFrom('talk_track_versions').select(['id', 'version']).where('id', 'in', versionIds).execute();
  const editorIds = [...new Set(rows.flatMap((r) => (r.edited_by === null ? [] : [r.edited_by])))];
  const names = await staffNames(db, editorIds);
  return rows.map((row) => {
    const current = versions.find((v) => v.id === row.current_version_id);
    return {
      row,
      hallIds: links.filter((l) => l.campaign_id === row.id).map((l) => l.hall_id),
      draft: row.draft === null ? null : fromJson(CampaignDraft, row.draft),
      current: current === undefined ? null : { id: current.id, version: current.version },
      editedBy: row.edited_by === null ? null : { id: row.edited_by, name: names.get(row.edited_by) ?? row.edited_by },
    };
  });
}

export async function loadCampaign(db: Kysely<Schema>, id: string): Promise<StoredCampaign | undefined> {
  return (await loadCampaigns(db, { ids: [id] }))[0];
}

export async function staffNames(db: Kysely<Schema>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Versions of a campaign, newest first. */
export async function listVersions(db: Kysely<Schema>, campaignId: string): Promise<TalkTrackVersion[]> {
  const rows = await db
    .selectFrom('talk_track_versions')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(talkTrackFromRow);
}

export async function getVersion(db: Kysely<Schema>, campaignId: string, versionId: string): Promise<TalkTrackVersion | undefined> {
  const row = await db
    .selectFrom('talk_track_versions')
    .selectAll()
    .where('id', '=', versionId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return row === undefined ? undefined : talkTrackFromRow(row);
}

/** The live state as a draft: the campaign columns, its halls and the current version's text. */
export async function publishedState(db: Kysely<Schema>, stored: StoredCampaign): Promise<CampaignDraft> {
  const version = stored.current === null ? undefined : await getVersion(db, stored.row.id, stored.current.id);
  return {
    campaign: specFromRow(stored.row),
    hallIds: stored.hallIds,
    talkTrack: version === undefined ? emptyTalkTrack() : contentOf(version),
  };
}

/** What the editor starts from: the draft when there is one, else the published state. */
export async function workingDraft(db: Kysely<Schema>, stored: StoredCampaign): Promise<CampaignDraft> {
  return stored.draft ?? publishedState(db, stored);
}

function specColumns(spec: CampaignSpec) {
  return {
    title: toJson(spec.title),
    offer_code: spec.offerCode,
    category: spec.category,
    start_date: spec.startDate,
    end_date: spec.endDate,
    focus: bool(spec.focus),
    segment_note: spec.segmentNote === null ? null : toJson(spec.segmentNote),
  };
}

export interface Editor {
  staffId: string;
  at: string;
}

/**
 * A new campaign that only exists as a draft: its columns and halls mirror the draft, and its rev
 * stays 0 because tablets never pull a draft (publishing stamps it).
 */
export async function insertDraftCampaign(trx: Kysely<Schema>, draft: CampaignDraft, editor: Editor): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('campaigns')
    .values({
      id,
      ...specColumns(draft.campaign),
      status: 'draft',
      current_version_id: null,
      rev: 0,
      created_at: editor.at,
      draft: toJson(draft),
      edit_version: 0,
      edited_by: editor.staffId,
      edited_at: editor.at,
    })
    .execute();
  await replaceHalls(trx, id, draft.hallIds);
  return id;
}

/**
 * The optimistic check: bumps the edit counter only if it is still the one the person started
 * from. A concurrent writer on PostgreSQL waits on the row lock and then finds the counter moved;
 * SQLite runs one transaction at a time. False means someone else wrote first.
 */
export async function claimEdit(trx: Kysely<Schema>, campaignId: string, expected: number, editor: Editor): Promise<boolean> {
  const result = await trx
    .updateTable('campaigns')
    .set((eb) => ({ edit_version: eb('edit_version', '+', 1), edited_by: editor.staffId, edited_at: editor.at }))
    .where('id', '=', campaignId)
    .where('edit_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setDraft(trx: Kysely<Schema>, campaignId: string, draft: CampaignDraft | null): Promise<void> {
  await trx
    .updateTable('campaigns')
    .set({ draft: draft === null ? null : toJson(draft) })
    .where('id', '=', campaignId)
    .execute();
}

/** Copies a draft into the live columns (a never-published campaign mirrors its draft; publish makes it live). */
export async function setColumns(
  trx: Kysely<Schema>,
  campaignId: string,
  spec: CampaignSpec,
  extra: { status?: string; current_version_id?: string | null; rev?: number } = {},
): Promise<void> {
  await trx
    .updateTable('campaigns')
    .set({ ...specColumns(spec), ...extra })
    .where('id', '=', campaignId)
    .execute();
}

export async function replaceHalls(trx: Kysely<Schema>, campaignId: string, hallIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('campaign_halls').where('campaign_id', '=', campaignId).execute();
  if (hallIds.length === 0) return;
  await trx
    .insertInto('campaign_halls')
    .values(hallIds.map((hallId) => ({ campaign_id: campaignId, hall_id: hallId })))
    .execute();
}

/** `retiredAt` with status `retired`: recommendations recorded after it do not count against the campaign. */
export async function setStatus(trx: Kysely<Schema>, campaignId: string, status: string, rev: number, retiredAt?: string): Promise<void> {
  await trx
    .updateTable('campaigns')
    .set({ status, rev, ...(status === 'retired' ? { retired_at: retiredAt ?? new Date().toISOString() } : {}) })
    .where('id', '=', campaignId)
    .execute();
}

/** A published talk-track version numbered after the campaign's highest, stamped with the publish rev. */
export async function insertPublishedVersion(
  trx: Kysely<Schema>,
  campaignId: string,
  content: TalkTrackContent,
  publisher: Editor,
  rev: number,
): Promise<{ id: string; version: number }> {
  const top = await trx
    .selectFrom('talk_track_versions')
    .select((eb) => eb.fn.max<number | null>('version').as('v'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  const version = Number(top?.v ?? 0) + 1;
  const id = uuidv7();
  await trx
    .insertInto('talk_track_versions')
    .values({
      id,
      campaign_id: campaignId,
      version,
      elements: toJson(content.elements),
      opening: toJson(content.opening),
      pitch: toJson(content.pitch),
      objections: toJson(content.objections),
      closing: toJson(content.closing),
      published_at: publisher.at,
      published_by: publisher.staffId,
      rev,
      created_at: publisher.at,
    })
    .execute();
  return { id, version };
}
