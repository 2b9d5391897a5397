import { describe, expect, it } from 'vitest';
import { withRatios } from '../../../src/shared/measures.ts';
import type { CampaignDayRow, PersonDayRow } from '../../../src/shared/schemas/reports.ts';
import { withQuery } from '../../../src/client/reports/api.ts';
import {
  ALL_HALLS,
  daysBetween,
  detailParams,
  exportParams,
  type Filters,
  filtersFromSearch,
  quickRange,
  rangeProblem,
  reportParams,
  type ScopeContext,
  searchOf,
  todayParams,
} from '../../../src/client/reports/filters.ts';
import { dayLabel, percent } from '../../../src/client/reports/format.ts';
import { campaignSeries, trendSeries } from '../../../src/client/reports/series.ts';
import { dayFiguresFromRows, sortRows, sumCounts, ZERO_COUNTS } from '../../../src/client/reports/tallies.ts';

const HALL = 'hall-1';
const ctx = (scope: ScopeContext['scope']): ScopeContext => ({ scope, deviceHallId: HALL });
const base: Filters = { from: '2026-03-01', to: '2026-03-07', hall: null, staffId: 's1', campaignId: 'c1', category: 'vas', table: 'person' };
const q = (path: string, params: Parameters<typeof withQuery>[1]) => withQuery(path, params);

describe('report filters', () => {
  it('read back what they write into the page address', () => {
    const filters: Filters = { ...base, hall: ALL_HALLS, table: 'campaign' };
    expect(filtersFromSearch(Object.fromEntries(new URLSearchParams(searchOf(filters))), '2026-03-07')).toEqual(filters);
    expect(searchOf({ ...base, table: 'person' })).toBe('from=2026-03-01&to=2026-03-07&staff=s1&campaign=c1&category=vas');
  });

  it('fall back to the last 7 days, and drop what they cannot read', () => {
    expect(filtersFromSearch({ from: 'yesterday', category: 'nonsense', table: 'other' }, '2026-03-07')).toEqual({
      from: '2026-03-01',
      to: '2026-03-07',
      hall: null,
      staffId: null,
      campaignId: null,
      category: null,
      table: 'person',
    });
  });

  it.each([
    ['today', { from: '2026-03-07', to: '2026-03-07' }],
    ['last7', { from: '2026-03-01', to: '2026-03-07' }],
    ['last30', { from: '2026-02-06', to: '2026-03-07' }],
    ['thisMonth', { from: '2026-03-01', to: '2026-03-07' }],
  ] as const)('quick range %s', (range, expected) => {
    expect(quickRange(range, '2026-03-07')).toEqual(expected);
  });

  it.each([
    [{ from: '2026-03-02', to: '2026-03-01' }, { kind: 'from_after_to' }],
    // The server's rule: at most 366 calendar days, both ends included.
    [{ from: '2024-01-01', to: '2025-01-01' }, { kind: 'too_long', max: 366 }],
    [{ from: '2024-01-02', to: '2025-01-01' }, null],
    [{ from: '', to: '2026-01-01' }, { kind: 'bad_date' }],
  ])('range %j → %j', (range, expected) => {
    expect(rangeProblem(range)).toEqual(expected);
  });

  it.each([
    ['own', '/r?from=2026-03-01&to=2026-03-07&campaignId=c1&category=vas'],
    ['hall', '/r?from=2026-03-01&to=2026-03-07&staffId=s1&campaignId=c1&category=vas'],
    ['admin', '/r?hallId=hall-1&from=2026-03-01&to=2026-03-07&staffId=s1&campaignId=c1&category=vas'],
  ] as const)('a %s reader asks for the report so: %s', (scope, expected) => {
    expect(q('/r', reportParams(base, ctx(scope)))).toBe(expected);
  });

  it('an admin names another hall, or none for every hall', () => {
    expect(q('/r', reportParams({ ...base, hall: 'hall-2' }, ctx('admin')))).toContain('hallId=hall-2');
    expect(q('/r', reportParams({ ...base, hall: ALL_HALLS }, ctx('admin')))).not.toContain('hallId');
    expect(q('/r', todayParams('2026-03-07', ctx('admin')))).toBe('/r?hallId=hall-1&from=2026-03-07&to=2026-03-07');
    expect(q('/r', todayParams('2026-03-07', ctx('hall')))).toBe('/r?from=2026-03-07&to=2026-03-07');
  });

  it('the export repeats the report’s query, then format, the table (CSV only) and language', () => {
    const report = q('/r', reportParams({ ...base, table: 'campaign' }, ctx('hall'))).split('?')[1];
    expect(q('/e', exportParams({ ...base, table: 'campaign' }, ctx('hall'), 'csv', 'en'))).toBe(`/e?${report}&format=csv&table=campaign&lang=en`);
    expect(q('/e', exportParams({ ...base, table: 'campaign' }, ctx('hall'), 'xlsx', 'zh-CN'))).toBe(`/e?${report}&format=xlsx&lang=zh-CN`);
  });

  it('the drill-down: a person’s day lists all their visits; a campaign’s day those with its recommendations', () => {
    const person = { kind: 'person', hallId: HALL, day: '2026-03-03', staffId: 's2', staffName: '甲' } as const;
    const campaign = { kind: 'campaign', hallId: HALL, day: '2026-03-03', campaignId: 'c9', title: { zh: '活动' } } as const;
    expect(q('/v', detailParams(person, base, ctx('hall')))).toBe('/v?hallId=hall-1&day=2026-03-03&staffId=s2');
    expect(q('/v', detailParams(campaign, base, ctx('hall')))).toBe('/v?hallId=hall-1&day=2026-03-03&staffId=s1&campaignId=c9');
    expect(q('/v', detailParams(person, base, ctx('own')))).toBe('/v?day=2026-03-03');
  });

  it('lists every day of a range', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

const personRow = (over: Partial<PersonDayRow>): PersonDayRow => ({
  ...ZERO_COUNTS,
  day: '2026-03-01',
  hallId: HALL,
  staffId: 's1',
  staffName: '甲',
  visitsWithoutRecommendation: 0,
  ...over,
});

describe('tallies', () => {
  it('sum counts before dividing: a hall’s rate is not the mean of its people’s', () => {
    const figures = dayFiguresFromRows([
      personRow({ staffId: 'a', staffName: '甲', visits: 1, visitsWithRecommendation: 1 }),
      personRow({ staffId: 'b', staffName: '乙', visits: 9, visitsWithRecommendation: 0, visitsWithoutRecommendation: 9 }),
    ]);
    expect(figures.hall.recommendationRate).toBeCloseTo(0.1);
    expect(figures.visitsWithoutRecommendation).toBe(9);
    // Whoever left customers without a recommendation first.
    expect(figures.people.map((p) => p.staffId)).toEqual(['b', 'a']);
    expect(sumCounts([])).toEqual(ZERO_COUNTS);
  });

  it('sorts by a column both ways with empty values last, equal values in their order', () => {
    const rows = [
      { id: 'a', v: 0.5 },
      { id: 'b', v: null },
      { id: 'c', v: 0.9 },
      { id: 'd', v: 0.5 },
    ];
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(sortRows([{ n: '乙' }, { n: '甲' }], (r) => r.n, 'asc').map((r) => r.n)).toEqual(['甲', '乙']);
  });

  it('the trend has a value for every day; a day without visits is a gap, not a zero', () => {
    const trend = trendSeries(
      [personRow({ day: '2026-03-01', visits: 2, visitsWithRecommendation: 1 }), personRow({ day: '2026-03-01', staffId: 's2', visits: 2 })],
      '2026-03-01',
      '2026-03-02',
    );
    expect(trend.days).toEqual(['2026-03-01', '2026-03-02']);
    expect(trend.tallies.map((t) => t.recommendationRate)).toEqual([0.25, null]);
    expect(trend.tallies[0]).toEqual(withRatios({ ...ZERO_COUNTS, visits: 4, visitsWithRecommendation: 1 }));
  });

  it('each campaign’s outcomes per day, halls summed, busiest first', () => {
    const row = (over: Partial<CampaignDayRow>): CampaignDayRow => ({
      day: '2026-03-01',
      hallId: HALL,
      campaignId: 'c1',
      title: { zh: '一' },
      category: 'vas',
      recommendations: 1,
      outcomes: { accepted: 1, declined: 0, considering: 0, ineligible: 0 },
      elementsSaid: 7,
      fullCoverage: 1,
      ...over,
    });
    const { campaigns } = campaignSeries(
      [
        row({}),
        row({ hallId: 'hall-2' }),
        row({ day: '2026-03-02', campaignId: 'c2', recommendations: 3, outcomes: { accepted: 0, declined: 3, considering: 0, ineligible: 0 } }),
      ],
      '2026-03-01',
      '2026-03-02',
    );
    expect(campaigns.map((c) => c.campaignId)).toEqual(['c2', 'c1']);
    expect(campaigns[1]!.outcomes.accepted).toEqual([2, 0]);
    expect(campaigns[0]!.outcomes.declined).toEqual([0, 3]);
  });
});

describe('report formats', () => {
  it.each([
    [null, 'zh-CN', '—'],
    [null, 'en', '—'],
    [0, 'zh-CN', '0%'],
    [1 / 3, 'zh-CN', '33.3%'],
    [2 / 3, 'en', '66.7%'],
    [1, 'en', '100%'],
  ] as const)('percent(%s, %s) = %s', (ratio, lang, expected) => {
    expect(percent(ratio, lang)).toBe(expected);
  });

  it('shows a hall-local date as that date, whatever the browser’s zone', () => {
    expect(dayLabel('2026-03-05', 'zh-CN')).toContain('3月5日');
    expect(dayLabel('2026-03-05', 'en')).toContain('Mar 5');
  });
});
