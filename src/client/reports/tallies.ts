import { type Tally, type TallyCounts, withRatios } from '../../shared/measures.ts';
import type { PersonDayRow } from '../../shared/schemas/reports.ts';
import type { LocalPersonDay } from '../db/dayQueries.ts';

/**
 * Turning rows of counts into what the pages show. Ratios are never averaged: counts are summed
 * first and `withRatios` divides the sums, so a hall's rate is its visits' rate, not the mean of
 * its people's rates.
 */

export const ZERO_COUNTS: TallyCounts = {
  visits: 0,
  visitsWithRecommendation: 0,
  recommendations: 0,
  accepted: 0,
  vasVisits: 0,
  elementsSaid: 0,
  fullCoverage: 0,
};

export function sumCounts(rows: readonly TallyCounts[]): TallyCounts {
  const total = { ...ZERO_COUNTS };
  for (const r of rows) {
    total.visits += r.visits;
    total.visitsWithRecommendation += r.visitsWithRecommendation;
    total.recommendations += r.recommendations;
    total.accepted += r.accepted;
    total.vasVisits += r.vasVisits;
    total.elementsSaid += r.elementsSaid;
    total.fullCoverage += r.fullCoverage;
  }
  return total;
}

export interface PersonFigures {
  staffId: string;
  staffName: string | null;
  tally: Tally;
  visitsWithoutRecommendation: number;
}

export interface DayFigures {
  hall: Tally;
  visitsWithoutRecommendation: number;
  /** People with a visit left without a recommendation first, then by name. */
  people: PersonFigures[];
}

function figuresOf(people: PersonFigures[]): DayFigures {
  const byAttention = (p: PersonFigures) => (p.visitsWithoutRecommendation > 0 ? 0 : 1);
  people.sort((a, b) => byAttention(a) - byAttention(b) || (a.staffName ?? '').localeCompare(b.staffName ?? '', 'zh-CN'));
  return {
    hall: withRatios(sumCounts(people.map((p) => p.tally))),
    visitsWithoutRecommendation: people.reduce((n, p) => n + p.visitsWithoutRecommendation, 0),
    people,
  };
}

const countsOf = (r: TallyCounts): TallyCounts => ({
  visits: r.visits,
  visitsWithRecommendation: r.visitsWithRecommendation,
  recommendations: r.recommendations,
  accepted: r.accepted,
  vasVisits: r.vasVisits,
  elementsSaid: r.elementsSaid,
  fullCoverage: r.fullCoverage,
});

/** One day's figures from the server's rows (one per person; summed should a person appear twice). */
export function dayFiguresFromRows(rows: readonly PersonDayRow[]): DayFigures {
  const byStaff = new Map<string, { name: string; counts: TallyCounts[]; without: number }>();
  for (const r of rows) {
    const entry = byStaff.get(r.staffId) ?? { name: r.staffName, counts: [], without: 0 };
    entry.counts.push(countsOf(r));
    entry.without += r.visitsWithoutRecommendation;
    byStaff.set(r.staffId, entry);
  }
  return figuresOf(
    [...byStaff].map(([staffId, e]) => ({
      staffId,
      staffName: e.name,
      tally: withRatios(sumCounts(e.counts)),
      visitsWithoutRecommendation: e.without,
    })),
  );
}

/** The same figures from the records this tablet holds. */
export function dayFiguresFromLocal(rows: readonly LocalPersonDay[]): DayFigures {
  return figuresOf(
    rows.map((r) => ({ staffId: r.staffId, staffName: r.staffName, tally: r.tally, visitsWithoutRecommendation: r.visitsWithoutRecommendation })),
  );
}

export type SortDir = 'asc' | 'desc';
export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

/**
 * Rows sorted by one column; empty values (a ratio of 0/0) always last, whichever the direction;
 * equal values keep their order (the server's: day, hall, name).
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => string | number | null, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'zh-CN');
      return c === 0 ? a.i - b.i : c * sign;
    })
    .map((x) => x.row);
}
