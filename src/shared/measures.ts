import { MUST_SAY_KEYS } from './mustSay.ts';
import type { CampaignCategory } from './schemas/reference.ts';
import type { Outcome } from './schemas/fieldRecords.ts';

/** The measures of DESIGN.md, computed the same way everywhere. Ratios are null when undefined (0 / 0). */

export interface TallyVisit {
  id: string;
}
export interface TallyRecommendation {
  visitId: string;
  outcome: Outcome;
  elementsSaid: readonly string[];
  category: CampaignCategory;
}

export interface Tally {
  visits: number;
  visitsWithRecommendation: number;
  recommendations: number;
  accepted: number;
  vasAccepted: number;
  recommendationRate: number | null;
  conversion: number | null;
  vasAttachment: number | null;
  mustSayCoverage: number | null;
  fullCoverageShare: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function tally(visits: readonly TallyVisit[], recommendations: readonly TallyRecommendation[]): Tally {
  const visitIds = new Set(visits.map((v) => v.id));
  const recs = recommendations.filter((r) => visitIds.has(r.visitId));
  const withRec = new Set(recs.map((r) => r.visitId));
  const accepted = recs.filter((r) => r.outcome === 'accepted');
  const vasAccepted = accepted.filter((r) => r.category === 'vas');
  const vasVisits = new Set(vasAccepted.map((r) => r.visitId));
  const said = recs.reduce((n, r) => n + r.elementsSaid.length, 0);
  const full = recs.filter((r) => MUST_SAY_KEYS.every((k) => r.elementsSaid.includes(k))).length;
  return {
    visits: visitIds.size,
    visitsWithRecommendation: withRec.size,
    recommendations: recs.length,
    accepted: accepted.length,
    vasAccepted: vasAccepted.length,
    recommendationRate: ratio(withRec.size, visitIds.size),
    conversion: ratio(accepted.length, recs.length),
    vasAttachment: ratio(vasVisits.size, visitIds.size),
    mustSayCoverage: ratio(said, recs.length * MUST_SAY_KEYS.length),
    fullCoverageShare: ratio(full, recs.length),
  };
}
