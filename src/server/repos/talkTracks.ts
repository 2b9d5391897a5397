import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { LocalizedText } from '../../shared/schemas/common.ts';
import { MustSayTexts, Objection, TalkTrackVersion } from '../../shared/schemas/reference.ts';
import { fromJson, toJson } from '../db/json.ts';
import { writeWithRev } from '../db/rev.ts';
import type { Schema, TalkTrackVersionsTable } from '../db/schema.ts';

type TalkTrackRow = Selectable<TalkTrackVersionsTable>;

export function talkTrackFromRow(row: TalkTrackRow): TalkTrackVersion {
  return TalkTrackVersion.parse({
    id: row.id,
    campaignId: row.campaign_id,
    version: row.version,
    elements: fromJson(MustSayTexts, row.elements),
    opening: fromJson(LocalizedText, row.opening),
    pitch: fromJson(LocalizedText, row.pitch),
    objections: fromJson(z.array(Objection), row.objections),
    closing: fromJson(LocalizedText, row.closing),
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  });
}

export async function insertTalkTrackVersion(db: Kysely<Schema>, version: TalkTrackVersion): Promise<void> {
  const v = TalkTrackVersion.parse(version);
  await writeWithRev(db, (trx, rev) =>
    trx
      .insertInto('talk_track_versions')
      .values({
        id: v.id,
        campaign_id: v.campaignId,
        version: v.version,
        elements: toJson(v.elements),
        opening: toJson(v.opening),
        pitch: toJson(v.pitch),
        objections: toJson(v.objections),
        closing: toJson(v.closing),
        published_at: v.publishedAt,
        published_by: v.publishedBy,
        rev,
        created_at: new Date().toISOString(),
      })
      .execute(),
  );
}

/**
 * Published talk-track versions of the hall's non-draft campaigns that changed after `sinceRev`,
 * or whose campaign did (a campaign that comes back, e.g. on publish, brings its versions along).
 */
export async function listTalkTracksForHall(
  db: Kysely<Schema>,
  hallId: string,
  sinceRev: number,
): Promise<TalkTrackVersion[]> {
  const rows = await db
    .selectFrom('talk_track_versions as t')
    .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .innerJoin('campaign_halls as ch', 'ch.campaign_id', 'c.id')
    .selectAll('t')
    .where('ch.hall_id', '=', hallId)
    .where('c.status', '!=', 'draft')
    .where('t.published_at', 'is not', null)
    .where((eb) => eb.or([eb('t.rev', '>', sinceRev), eb('c.rev', '>', sinceRev)]))
    .orderBy('t.campaign_id')
    .orderBy('t.version')
    .execute();
  return rows.map(talkTrackFromRow);
}

/** True when the version exists and belongs to the campaign. */
export async function talkTrackBelongsToCampaign(
  db: Kysely<Schema>,
  versionId: string,
  campaignId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('talk_track_versions')
    .select('id')
    .where('id', '=', versionId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return row !== undefined;
}
