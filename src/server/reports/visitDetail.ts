import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { MUST_SAY_KEYS } from '../../shared/mustSay.ts';
import { LocalizedText } from '../../shared/schemas/common.ts';
import type { CampaignCategory } from '../../shared/schemas/reference.ts';
import { type RecommendationDetail, type VisitDetail, VisitDetailResponse } from '../../shared/schemas/reports.ts';
import { fromJson, isTrue } from '../db/json.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { ReportScope } from './scope.ts';

/**
 * The visits behind a tally: those of the halls on one day (of one person), voided ones included
 * with their reason, each with its recommendations. A campaign or category filter keeps the
 * visits with a recommendation that passes it, and lists only those recommendations: the rows
 * behind a campaign's day.
 */

export interface DetailFilter extends ReportScope {
  day: string;
  campaignId: string | null;
  category: CampaignCategory | null;
}

/** A hall's busiest day is well under this; a day of every hall at once may not be. */
export const MAX_DETAIL_VISITS = 5000;
const CHUNK = 500;

const ElementsSaid = z.array(z.enum(MUST_SAY_KEYS));

function recommendationsQuery(db: Kysely<Schema>, f: DetailFilter) {
  let query = db
    .selectFrom('recommendations as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .innerJoin('talk_track_versions as t', 't.id', 'r.talk_track_version_id');
  if (f.campaignId !== null) query = query.where('r.campaign_id', '=', f.campaignId);
  if (f.category !== null) query = query.where('c.category', '=', f.category);
  return query;
}

async function listVisits(db: Kysely<Schema>, f: DetailFilter) {
  let query = db
    .selectFrom('visits as v')
    .innerJoin('staff as s', 's.id', 'v.staff_id')
    .innerJoin('devices as d', 'd.id', 'v.device_id')
    .where('v.hall_id', 'in', f.halls.map((h) => h.id))
    .where('v.local_day', '=', f.day);
  if (f.staffId !== null) query = query.where('v.staff_id', '=', f.staffId);
  if (f.campaignId !== null || f.category !== null) {
    const { campaignId, category } = f;
    query = query.where((eb) => {
      let matching = eb
        .selectFrom('recommendations as r')
        .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
        .select(sql<number>`1`.as('one'))
        .whereRef('r.visit_id', '=', 'v.id');
      if (campaignId !== null) matching = matching.where('r.campaign_id', '=', campaignId);
      if (category !== null) matching = matching.where('c.category', '=', category);
      return eb.exists(matching);
    });
  }
  return query
    .select((eb) => [
      'v.id',
      'v.hall_id',
      'v.local_day',
      'v.staff_id',
      's.name as staff_name',
      'v.device_id',
      'd.label as device_label',
      'v.opened_at',
      'v.source',
      'v.business',
      'v.voided_at',
      'v.void_reason',
      eb
        .selectFrom('visit_closes as vc')
        .whereRef('vc.visit_id', '=', 'v.id')
        .select((e) => e.fn.min('vc.closed_at').as('closed'))
        .as('closed_at'),
    ])
    // UUIDv7 ids are made in time order on the device; opened_at carries the device's offset.
    .orderBy('v.id')
    .limit(MAX_DETAIL_VISITS + 1)
    .execute();
}

async function listRecommendations(db: Kysely<Schema>, f: DetailFilter, visitIds: readonly string[]) {
  const byVisit = new Map<string, RecommendationDetail[]>();
  for (let i = 0; i < visitIds.length; i += CHUNK) {
    const rows = await recommendationsQuery(db, f)
      .where('r.visit_id', 'in', visitIds.slice(i, i + CHUNK))
      .select([
        'r.id',
        'r.visit_id',
        'r.campaign_id',
        'c.title',
        'c.category',
        'r.talk_track_version_id',
        't.version',
        'r.elements_said',
        'r.demo_device_used',
        'r.outcome',
        'r.decline_reason',
        'r.recorded_at',
      ])
      .orderBy('r.id')
      .execute();
    for (const r of rows) {
      const list = byVisit.get(r.visit_id) ?? [];
      list.push({
        id: r.id,
        campaignId: r.campaign_id,
        campaignTitle: fromJson(LocalizedText, r.title),
        category: r.category as CampaignCategory,
        talkTrackVersionId: r.talk_track_version_id,
        talkTrackVersion: r.version,
        elementsSaid: fromJson(ElementsSaid, r.elements_said),
        demoDeviceUsed: isTrue(r.demo_device_used),
        outcome: r.outcome as RecommendationDetail['outcome'],
        declineReason: r.decline_reason as RecommendationDetail['declineReason'],
        recordedAt: r.recorded_at,
      });
      byVisit.set(r.visit_id, list);
    }
  }
  return byVisit;
}

export async function visitDetail(db: Kysely<Schema>, f: DetailFilter): Promise<VisitDetailResponse> {
  const rows = await listVisits(db, f);
  if (rows.length > MAX_DETAIL_VISITS) {
    throw new HttpError(
      400,
      'too_many_visits',
      `more than ${MAX_DETAIL_VISITS} visits match; choose one hall or one person to see them`,
      { max: MAX_DETAIL_VISITS },
    );
  }
  const recommendations = await listRecommendations(db, f, rows.map((r) => r.id));
  const visits: VisitDetail[] = rows.map((v) => ({
    id: v.id,
    hallId: v.hall_id,
    day: v.local_day,
    staffId: v.staff_id,
    staffName: v.staff_name,
    deviceId: v.device_id,
    deviceLabel: v.device_label,
    openedAt: v.opened_at,
    closedAt: v.closed_at ?? null,
    source: v.source as VisitDetail['source'],
    business: v.business as VisitDetail['business'],
    void: v.voided_at === null ? null : { at: v.voided_at, reason: v.void_reason ?? '' },
    recommendations: recommendations.get(v.id) ?? [],
  }));
  // Parsed on the way out: a row the schema does not accept is a server bug, not a reply.
  return VisitDetailResponse.parse({ visits });
}
