import type { Lang } from '../state/langStore.ts';

/**
 * Numbers, ratios and dates on the reports pages, through Intl. Calendar dates (YYYY-MM-DD) are
 * already the hall's local dates, so they are formatted as UTC; instants in the hall's time zone.
 */

export const EMPTY = '—';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const cached = <T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T => {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
};

/** A ratio as a percent with at most one decimal; "—" when there was nothing to divide by (0/0). */
export function percent(ratio: number | null, lang: Lang): string {
  if (ratio === null) return EMPTY;
  return cached(`pct|${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })).format(ratio);
}

export function count(n: number, lang: Lang): string {
  return cached(`n|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

/** "2026年3月5日周四" / "Thu, Mar 5, 2026"; without the year in a table whose range lies in one year. */
export function dayLabel(date: string, lang: Lang, withYear = true): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const year = withYear ? 'numeric' : undefined;
  const make = () => new Intl.DateTimeFormat(lang, { year, month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
  return cached(`day|${lang}|${withYear}`, make).format(d);
}

/** "3月5日" / "Mar 5": a chart's axis. */
export function shortDay(date: string, lang: Lang): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return cached(`short|${lang}`, () => new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' })).format(d);
}

/** HH:MM of an instant in a time zone. */
export function timeIn(instant: string, lang: Lang, timeZone: string): string {
  return cached(`t|${lang}|${timeZone}`, () => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone })).format(
    new Date(instant),
  );
}

/** Names in a run: "甲、乙、丙" / "a, b, c". */
export function listOf(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'en' ? ', ' : '、');
}
