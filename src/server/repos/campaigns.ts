import type { Kysely, Selectable } from 'kysely';
import { LocalizedText } from '../../shared/schemas/common.ts';
import { CampaignSpec } from '../../shared/schemas/manage.ts';
import { Campaign } from '../../shared/schemas/reference.ts';
import { bool, fromJson, isTrue, toJson } from '../db/json.ts';
import { writeWithRev } from '../db/rev.ts';
import type { CampaignsTable, Schema } from '../db/schema.ts';

type CampaignRow = Selectable<CampaignsTable>;

/** A campaign's own fields, as a manager edits them. */
export function specFromRow(row: CampaignRow): CampaignSpec {
  return CampaignSpec.parse({
    title: fromJson(LocalizedText, row.title),
    offerCode: row.offer_code,
    category: row.category,
    startDate: row.start_date,
    endDate: row.end_date,
    focus: isTrue(row.focus),
    segmentNote: row.segment_note === null ? null : fromJson(LocalizedText, row.segment_note),
  });
}

function campaignFromRow(row: CampaignRow, hallIds: string[]): Campaign {
  return Campaign.parse({
    id: row.id,
    hallIds,
    ...specFromRow(row),
    status: row.status,
    currentVersionId: row.current_version_id,
  });
}

/** Inserts a campaign and the halls it applies to. Its talk-track versions are inserted apart. */
export async function insertCampaign(db: Kysely<Schema>, campaign: Campaign): Promise<void> {
  const c = Campaign.parse(campaign);
  await writeWithRev(db, async (trx, rev) => {
    await trx
      .insertInto('campaigns')
      .values({
        id: c.id,
        title: toJson(c.title),
        offer_code: c.offerCode,
        category: c.category,
        start_date: c.startDate,
        end_date: c.endDate,
        focus: bool(c.focus),
        segment_note: c.segmentNote === null ? null : toJson(c.segmentNote),
        status: c.status,
        current_version_id: c.currentVersionId,
        rev,
        created_at: new Date().toISOString(),
      })
      .execute();
    if (c.hallIds.length > 0) {
      await trx
        .insertInto('campaign_halls')
        .values(c.hallIds.map((hallId) => ({ campaign_id: c.id, hall_id: hallId })))
        .execute();
    }
  });
}

/** Marks a campaign changed (new rev) so the next pull sends it, and its versions, again. */
export async function touchCampaign(db: Kysely<Schema>, campaignId: string): Promise<number> {
  return writeWithRev(db, async (trx, rev) => {
    await trx.updateTable('campaigns').set({ rev }).where('id', '=', campaignId).execute();
    return rev;
  });
}

export async function setCampaignStatus(
  db: Kysely<Schema>,
  campaignId: string,
  status: Campaign['status'],
): Promise<void> {
  await writeWithRev(db, (trx, rev) =>
    trx.updateTable('campaigns').set({ status, rev }).where('id', '=', campaignId).execute(),
  );
}

/**
 * Campaigns that apply to the hall, changed after `sinceRev`, in any status but draft (retired
 * ones too, so devices stop offering them), and only if they were ever published: a draft retired
 * before publishing never reached a tablet. Their hallIds list every hall they apply to.
 */
export async function listCampaignsForHall(
  db: Kysely<Schema>,
  hallId: string,
  sinceRev: number,
): Promise<Campaign[]> {
  const rows = await db
    .selectFrom('campaigns')
    .innerJoin('campaign_halls', 'campaign_halls.campaign_id', 'campaigns.id')
    .selectAll('campaigns')
    .where('campaign_halls.hall_id', '=', hallId)
    .where('campaigns.status', '!=', 'draft')
    .where('campaigns.current_version_id', 'is not', null)
    .where('campaigns.rev', '>', sinceRev)
    .orderBy('campaigns.start_date')
    .orderBy('campaigns.id')
    .execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('campaign_halls')
    .select(['campaign_id', 'hall_id'])
    .where(
      'campaign_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('hall_id')
    .execute();
  return rows.map((row) =>
    campaignFromRow(
      row,
      links.filter((l) => l.campaign_id === row.id).map((l) => l.hall_id),
    ),
  );
}

/** True when the campaign exists and applies to the hall (any status: old records stay valid). */
export async function campaignAppliesToHall(
  db: Kysely<Schema>,
  campaignId: string,
  hallId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_halls')
    .select('campaign_id')
    .where('campaign_id', '=', campaignId)
    .where('hall_id', '=', hallId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * When a campaign could be recorded against: from its first published talk-track version until it
 * was retired (null: never published / not retired).
 */
export async function campaignLiveSpan(
  db: Kysely<Schema>,
  campaignId: string,
): Promise<{ firstPublishedAt: string | null; retiredAt: string | null }> {
  const campaign = await db.selectFrom('campaigns').select('retired_at').where('id', '=', campaignId).executeTakeFirst();
  const versions = await db
    .selectFrom('talk_track_versions')
    .select('published_at')
    .where('campaign_id', '=', campaignId)
    .where('published_at', 'is not', null)
    .execute();
  // Stored with the publisher's offset (+08:00 or Z): compared as instants, not as text.
  let first: string | null = null;
  for (const v of versions) {
    if (v.published_at !== null && (first === null || Date.parse(v.published_at) < Date.parse(first))) first = v.published_at;
  }
  return { firstPublishedAt: first, retiredAt: campaign?.retired_at ?? null };
}
