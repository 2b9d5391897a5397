import type { Lang } from '../state/langStore.ts';

/** Dates and times on the manager pages, through Intl; instants in a given (the hall's) time zone. */

export function formatDateTime(instant: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hour12: false, timeZone }).format(new Date(instant));
}

/** A calendar date (YYYY-MM-DD) as a date in words; it has no time zone, so it is formatted as UTC. */
export function formatLocalDate(date: string, lang: Lang): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** YYYY-MM-DD `days` after a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
