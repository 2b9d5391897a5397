import { type Tally, withRatios } from '../../shared/measures.ts';
import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { Outcome } from '../../shared/schemas/fieldRecords.ts';
import type { CampaignCategory } from '../../shared/schemas/reference.ts';
import type { CampaignDayRow, PersonDayRow } from '../../shared/schemas/reports.ts';
import { daysBetween } from './filters.ts';
import { sumCounts } from './tallies.ts';

/** What the charts draw, as plain data: one value per calendar day of the range, days without records included. */

export const RATIO_MEASURES = ['recommendationRate', 'conversion', 'vasAttachment', 'mustSayCoverage', 'fullCoverageShare'] as const;
export type RatioMeasure = (typeof RATIO_MEASURES)[number];

export const OUTCOME_ORDER: readonly Outcome[] = ['accepted', 'declined', 'considering', 'ineligible'];

export interface TrendSeries {
  days: string[];
  /** Each day's tally of every row of that day (all people, all halls shown). */
  tallies: Tally[];
}

export function trendSeries(rows: readonly PersonDayRow[], from: string, to: string): TrendSeries {
  const days = daysBetween(from, to);
  const byDay = new Map<string, PersonDayRow[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  return { days, tallies: days.map((d) => withRatios(sumCounts(byDay.get(d) ?? []))) };
}

export interface CampaignSeries {
  campaignId: string;
  title: LocalizedText;
  category: CampaignCategory;
  recommendations: number;
  /** Per outcome, one count per day of the range. */
  outcomes: Record<Outcome, number[]>;
}

/** Each campaign's outcomes per day (halls summed), the campaigns with most recommendations first. */
export function campaignSeries(rows: readonly CampaignDayRow[], from: string, to: string): { days: string[]; campaigns: CampaignSeries[] } {
  const days = daysBetween(from, to);
  const index = new Map(days.map((d, i) => [d, i]));
  const campaigns = new Map<string, CampaignSeries>();
  for (const r of rows) {
    const i = index.get(r.day);
    if (i === undefined) continue;
    let c = campaigns.get(r.campaignId);
    if (!c) {
      const zeros = () => days.map(() => 0);
      c = {
        campaignId: r.campaignId,
        title: r.title,
        category: r.category,
        recommendations: 0,
        outcomes: { accepted: zeros(), declined: zeros(), considering: zeros(), ineligible: zeros() },
      };
      campaigns.set(r.campaignId, c);
    }
    c.recommendations += r.recommendations;
    for (const o of OUTCOME_ORDER) {
      const perDay = c.outcomes[o];
      perDay[i] = (perDay[i] ?? 0) + r.outcomes[o];
    }
  }
  return { days, campaigns: [...campaigns.values()].sort((a, b) => b.recommendations - a.recommendations) };
}
