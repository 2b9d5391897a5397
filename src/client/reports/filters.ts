import type { StaffRole } from '../../shared/schemas/reference.ts';
import { CampaignCategory } from '../../shared/schemas/reference.ts';
import { type ExportFormat, type ExportTable, MAX_REPORT_DAYS, type ReportLang } from '../../shared/schemas/reports.ts';

/**
 * The reports' filters: how they sit in the page's address (so a reload or a shared link shows
 * the same table), and how they become the query of each request. The report, its export and the
 * drill-down are all built from the same Filters, so an export is exactly what is on screen.
 */

/** Query parameters in a fixed order; null values are left out. */
export type QueryParams = ReadonlyArray<readonly [string, string | null]>;

/** What a person may read: their own rows, their hall's, or (admin) any hall or all of them. */
export type Scope = 'own' | 'hall' | 'admin';

export function scopeOf(role: StaffRole | undefined): Scope {
  return role === 'admin' ? 'admin' : role === 'manager' ? 'hall' : 'own';
}

export interface Filters {
  from: string;
  to: string;
  /** Admins only: a hall id, or ALL_HALLS; null = this device's hall. */
  hall: string | null;
  staffId: string | null;
  campaignId: string | null;
  category: CampaignCategory | null;
  /** The table shown (and exported as CSV). */
  table: ExportTable;
}

export const ALL_HALLS = 'all';

export interface ScopeContext {
  scope: Scope;
  /** The hall this browser is enrolled in: an admin's default. */
  deviceHallId: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD `days` after a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every calendar date from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length <= MAX_REPORT_DAYS; d = addDays(d, 1)) days.push(d);
  return days;
}

export type QuickRange = 'today' | 'last7' | 'last30' | 'thisMonth';
export const QUICK_RANGES: readonly QuickRange[] = ['today', 'last7', 'last30', 'thisMonth'];

export function quickRange(range: QuickRange, today: string): { from: string; to: string } {
  switch (range) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

/** Filters from the page's query (`?from=…&to=…&hall=…&staff=…&campaign=…&category=…&table=…`); the last 7 days by default. */
export function filtersFromSearch(query: Readonly<Record<string, string | undefined>>, today: string): Filters {
  const fallback = quickRange('last7', today);
  const date = (value: string | undefined, otherwise: string) => (value !== undefined && DATE.test(value) ? value : otherwise);
  const text = (value: string | undefined) => (value === undefined || value === '' ? null : value);
  const category = CampaignCategory.safeParse(query.category);
  return {
    from: date(query.from, fallback.from),
    to: date(query.to, fallback.to),
    hall: text(query.hall),
    staffId: text(query.staff),
    campaignId: text(query.campaign),
    category: category.success ? category.data : null,
    table: query.table === 'campaign' ? 'campaign' : 'person',
  };
}

/** The page's query for these filters (what filtersFromSearch reads back). */
export function searchOf(f: Filters): string {
  const query = new URLSearchParams();
  const pairs: QueryParams = [
    ['from', f.from],
    ['to', f.to],
    ['hall', f.hall],
    ['staff', f.staffId],
    ['campaign', f.campaignId],
    ['category', f.category],
    ['table', f.table === 'person' ? null : f.table],
  ];
  for (const [key, value] of pairs) if (value !== null) query.set(key, value);
  return query.toString();
}

export type RangeProblem = { kind: 'bad_date' } | { kind: 'from_after_to' } | { kind: 'too_long'; max: number };

/** What the server would refuse in the range, said before asking it. */
export function rangeProblem(f: Pick<Filters, 'from' | 'to'>): RangeProblem | null {
  if (!DATE.test(f.from) || !DATE.test(f.to)) return { kind: 'bad_date' };
  if (f.from > f.to) return { kind: 'from_after_to' };
  if ((Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 >= MAX_REPORT_DAYS) return { kind: 'too_long', max: MAX_REPORT_DAYS };
  return null;
}

/** hallId as the server reads it: an admin names a hall or none (every hall); anyone else is held to their own. */
function hallParam(f: Pick<Filters, 'hall'>, ctx: ScopeContext): string | null {
  if (ctx.scope !== 'admin') return null;
  if (f.hall === ALL_HALLS) return null;
  return f.hall ?? ctx.deviceHallId;
}

/** The ReportQuery of the daily report. */
export function reportParams(f: Filters, ctx: ScopeContext): QueryParams {
  return [
    ['hallId', hallParam(f, ctx)],
    ['from', f.from],
    ['to', f.to],
    ['staffId', ctx.scope === 'own' ? null : f.staffId],
    ['campaignId', f.campaignId],
    ['category', f.category],
  ];
}

/** The ExportQuery: the report's filters, the format, the table shown (CSV holds one) and the UI language. */
export function exportParams(f: Filters, ctx: ScopeContext, format: ExportFormat, lang: ReportLang): QueryParams {
  return [...reportParams(f, ctx), ['format', format], ['table', format === 'csv' ? f.table : null], ['lang', lang]];
}

/** Today's report: one day, this device's hall (an admin names it; everyone else reads their own). */
export function todayParams(today: string, ctx: ScopeContext): QueryParams {
  return [
    ['hallId', ctx.scope === 'admin' ? ctx.deviceHallId : null],
    ['from', today],
    ['to', today],
  ];
}

/** A tally row the person clicked: a person's day, or a campaign's day. */
export type DetailTarget =
  | { kind: 'person'; hallId: string; day: string; staffId: string; staffName: string }
  | { kind: 'campaign'; hallId: string; day: string; campaignId: string; title: { zh: string; en?: string | undefined } };

/**
 * The VisitDetailQuery behind a row. A person's row counts all their visits (campaign and category
 * narrow only its recommendation columns), so all of them are listed; a campaign's row lists the
 * visits with a recommendation of that campaign, of the person filtered on, if any.
 */
export function detailParams(target: DetailTarget, f: Filters, ctx: ScopeContext): QueryParams {
  const hallId = ctx.scope === 'own' ? null : target.hallId;
  if (target.kind === 'person') {
    return [
      ['hallId', hallId],
      ['day', target.day],
      ['staffId', ctx.scope === 'own' ? null : target.staffId],
    ];
  }
  return [
    ['hallId', hallId],
    ['day', target.day],
    ['staffId', ctx.scope === 'own' ? null : f.staffId],
    ['campaignId', target.campaignId],
  ];
}
