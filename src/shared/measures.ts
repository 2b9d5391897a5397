import { MUST_SAY_KEYS } from './mustSay.ts';
import type { CampaignCategory } from './schemas/reference.ts';
import type { Outcome } from './schemas/fieldRecords.ts';

/**
 * The measures of DESIGN.md, computed the same way everywhere: the server's SQL returns the
 * counts, the tablet counts its own records, and both turn counts into ratios with `withRatios`.
 * Ratios are null when undefined (0 / 0). Voided visits are left out before counting.
 */

export interface TallyCounts {
  visits: number;
  visitsWithRecommendation: number;
  recommendations: number;
  accepted: number;
  /** Visits with at least one accepted `vas` recommendation. */
  vasVisits: number;
  /** Must-say elements said, summed over recommendations. */
  elementsSaid: number;
  /** Recommendations with all seven elements said. */
  fullCoverage: number;
}

export interface TallyRatios {
  recommendationRate: number | null;
  conversion: number | null;
  vasAttachment: number | null;
  mustSayCoverage: number | null;
  fullCoverageShare: number | null;
}

export type Tally = TallyCounts & TallyRatios;

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function withRatios(c: TallyCounts): Tally {
  return {
    ...c,
    recommendationRate: ratio(c.visitsWithRecommendation, c.visits),
    conversion: ratio(c.accepted, c.recommendations),
    vasAttachment: ratio(c.vasVisits, c.visits),
    mustSayCoverage: ratio(c.elementsSaid, c.recommendations * MUST_SAY_KEYS.length),
    fullCoverageShare: ratio(c.fullCoverage, c.recommendations),
  };
}

export interface TallyVisit {
  id: string;
}
export interface TallyRecommendation {
  visitId: string;
  outcome: Outcome;
  elementsSaid: readonly string[];
  category: CampaignCategory;
}

/** Counts records held in memory (a tablet's own); recommendations of visits not given are ignored. */
export function tally(visits: readonly TallyVisit[], recommendations: readonly TallyRecommendation[]): Tally {
  const visitIds = new Set(visits.map((v) => v.id));
  const recs = recommendations.filter((r) => visitIds.has(r.visitId));
  const accepted = recs.filter((r) => r.outcome === 'accepted');
  return withRatios({
    visits: visitIds.size,
    visitsWithRecommendation: new Set(recs.map((r) => r.visitId)).size,
    recommendations: recs.length,
    accepted: accepted.length,
    vasVisits: new Set(accepted.filter((r) => r.category === 'vas').map((r) => r.visitId)).size,
    elementsSaid: recs.reduce((n, r) => n + r.elementsSaid.length, 0),
    fullCoverage: recs.filter((r) => MUST_SAY_KEYS.every((k) => r.elementsSaid.includes(k))).length,
  });
}
