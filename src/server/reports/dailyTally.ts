import { type Kysely, type QueryCreator, sql } from 'kysely';
import { MUST_SAY_KEYS } from '../../shared/mustSay.ts';
import { LocalizedText } from '../../shared/schemas/common.ts';
import { CampaignCategory } from '../../shared/schemas/reference.ts';
import type { CampaignDayRow, DailyReport, ExportTable, PersonDayRow } from '../../shared/schemas/reports.ts';
import { fromJson } from '../db/json.ts';
import type { Schema } from '../db/schema.ts';
import type { ReportFilter } from './scope.ts';

/**
 * The daily tallies of DESIGN.md "Measures", counted and grouped in the database: each query reads
 * its table through the (hall_id, local_day) index and sends back one row per person (or campaign)
 * per day, never the visits themselves. Voided visits, and with them their recommendations, are
 * left out. Counts only: the ratios are derived from them with `withRatios`.
 */

const ALL_ELEMENTS = MUST_SAY_KEYS.length;

/** Sums arrive as integers from SQLite and as bigint/numeric (parsed to numbers) from PostgreSQL. */
const n = (value: unknown): number => Number(value ?? 0);

/**
 * Per visit of the range: its recommendations that pass the campaign and category filters, and
 * what they add up to. Staff is filtered on the visits it is joined to, not here: a visit's
 * figures belong to the person who served it.
 */
function recommendationsPerVisit(db: QueryCreator<Schema>, f: ReportFilter) {
  let query = db
    .selectFrom('recommendations as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .where('r.hall_id', 'in', f.halls.map((h) => h.id))
    .where('r.local_day', '>=', f.from)
    .where('r.local_day', '<=', f.to);
  if (f.campaignId !== null) query = query.where('r.campaign_id', '=', f.campaignId);
  if (f.category !== null) query = query.where('c.category', '=', f.category);
  return query
    .groupBy('r.visit_id')
    .select((eb) => [
      'r.visit_id',
      eb.fn.countAll<number>().as('recs'),
      sql<number>`sum(case when r.outcome = 'accepted' then 1 else 0 end)`.as('accepted'),
      sql<number>`max(case when r.outcome = 'accepted' and c.category = 'vas' then 1 else 0 end)`.as('vas'),
      eb.fn.sum<number>('r.elements_count').as('elements'),
      sql<number>`sum(case when r.elements_count = ${ALL_ELEMENTS} then 1 else 0 end)`.as('full'),
    ]);
}

/** One row per person per day with (unvoided) visits. Exported so tests and the bench can EXPLAIN it. */
export function personDayQuery(db: Kysely<Schema>, f: ReportFilter) {
  let query = db
    .with('rv', (w) => recommendationsPerVisit(w, f))
    .selectFrom('visits as v')
    .innerJoin('staff as s', 's.id', 'v.staff_id')
    .leftJoin('rv', 'rv.visit_id', 'v.id')
    .where('v.hall_id', 'in', f.halls.map((h) => h.id))
    .where('v.local_day', '>=', f.from)
    .where('v.local_day', '<=', f.to)
    .where('v.voided_at', 'is', null);
  if (f.staffId !== null) query = query.where('v.staff_id', '=', f.staffId);
  return query
    .groupBy(['v.local_day', 'v.hall_id', 'v.staff_id', 's.name'])
    .select((eb) => [
      'v.local_day as day',
      'v.hall_id as hallId',
      'v.staff_id as staffId',
      's.name as staffName',
      eb.fn.countAll<number>().as('visits'),
      eb.fn.count<number>('rv.visit_id').as('visitsWithRecommendation'),
      eb.fn.sum<number>('rv.recs').as('recommendations'),
      eb.fn.sum<number>('rv.accepted').as('accepted'),
      eb.fn.sum<number>('rv.vas').as('vasVisits'),
      eb.fn.sum<number>('rv.elements').as('elementsSaid'),
      eb.fn.sum<number>('rv.full').as('fullCoverage'),
      // Closed with nothing recommended (or nothing of the filtered campaigns); still-open visits are not counted.
      sql<number>`sum(case when rv.visit_id is null and exists (select 1 from visit_closes vc where vc.visit_id = v.id) then 1 else 0 end)`.as(
        'visitsWithoutRecommendation',
      ),
    ])
    .orderBy('v.local_day')
    .orderBy('v.hall_id')
    .orderBy('s.name')
    .orderBy('v.staff_id');
}

/** One row per campaign per day: the recommendations of unvoided visits, by outcome. */
export function campaignDayQuery(db: Kysely<Schema>, f: ReportFilter) {
  let query = db
    .selectFrom('recommendations as r')
    .innerJoin('visits as v', 'v.id', 'r.visit_id')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .where('r.hall_id', 'in', f.halls.map((h) => h.id))
    .where('r.local_day', '>=', f.from)
    .where('r.local_day', '<=', f.to)
    .where('v.voided_at', 'is', null);
  if (f.staffId !== null) query = query.where('v.staff_id', '=', f.staffId);
  if (f.campaignId !== null) query = query.where('r.campaign_id', '=', f.campaignId);
  if (f.category !== null) query = query.where('c.category', '=', f.category);
  const outcome = (o: string) => sql<number>`sum(case when r.outcome = ${o} then 1 else 0 end)`;
  return query
    .groupBy(['r.local_day', 'r.hall_id', 'r.campaign_id', 'c.title', 'c.category'])
    .select((eb) => [
      'r.local_day as day',
      'r.hall_id as hallId',
      'r.campaign_id as campaignId',
      'c.title as title',
      'c.category as category',
      eb.fn.countAll<number>().as('recommendations'),
      outcome('accepted').as('accepted'),
      outcome('declined').as('declined'),
      outcome('considering').as('considering'),
      outcome('ineligible').as('ineligible'),
      eb.fn.sum<number>('r.elements_count').as('elementsSaid'),
      sql<number>`sum(case when r.elements_count = ${ALL_ELEMENTS} then 1 else 0 end)`.as('fullCoverage'),
    ])
    .orderBy('r.local_day')
    .orderBy('r.hall_id')
    .orderBy('r.campaign_id');
}

export async function personDays(db: Kysely<Schema>, f: ReportFilter): Promise<PersonDayRow[]> {
  const rows = await personDayQuery(db, f).execute();
  return rows.map((r) => ({
    day: r.day,
    hallId: r.hallId,
    staffId: r.staffId,
    staffName: r.staffName,
    visits: n(r.visits),
    visitsWithRecommendation: n(r.visitsWithRecommendation),
    visitsWithoutRecommendation: n(r.visitsWithoutRecommendation),
    recommendations: n(r.recommendations),
    accepted: n(r.accepted),
    vasVisits: n(r.vasVisits),
    elementsSaid: n(r.elementsSaid),
    fullCoverage: n(r.fullCoverage),
  }));
}

export async function campaignDays(db: Kysely<Schema>, f: ReportFilter): Promise<CampaignDayRow[]> {
  const rows = await campaignDayQuery(db, f).execute();
  return rows.map((r) => ({
    day: r.day,
    hallId: r.hallId,
    campaignId: r.campaignId,
    title: fromJson(LocalizedText, r.title),
    category: CampaignCategory.parse(r.category),
    recommendations: n(r.recommendations),
    outcomes: { accepted: n(r.accepted), declined: n(r.declined), considering: n(r.considering), ineligible: n(r.ineligible) },
    elementsSaid: n(r.elementsSaid),
    fullCoverage: n(r.fullCoverage),
  }));
}

/**
 * Both tables (or the one a CSV export needs) from one snapshot: a read transaction, repeatable
 * read on PostgreSQL, so a push committing between the two queries shows in both or in neither.
 */
export async function dailyReport(
  db: Kysely<Schema>,
  f: ReportFilter,
  options: { now?: Date; only?: ExportTable } = {},
): Promise<DailyReport> {
  const generatedAt = (options.now ?? new Date()).toISOString();
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      halls: f.halls,
      from: f.from,
      to: f.to,
      byPerson: options.only === 'campaign' ? [] : await personDays(trx, f),
      byCampaign: options.only === 'person' ? [] : await campaignDays(trx, f),
      generatedAt,
    }));
}
