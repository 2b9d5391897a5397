import type { Lang } from '../state/langStore.ts';

/** Dates, times and numbers through Intl in the chosen language; formatters are made once per language. */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(lang: Lang, options: Intl.DateTimeFormatOptions, id: string): Intl.DateTimeFormat {
  const key = `${lang}|${id}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions, id: string): Intl.NumberFormat {
  const key = `${lang}|n|${id}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

/** HH:MM in the tablet's zone (the hall's zone in practice). */
export function formatTime(instant: string | Date, lang: Lang): string {
  return dateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }, 'time').format(new Date(instant));
}

/** HH:MM today, or the date and HH:MM on another day. */
export function formatWhen(instant: string | Date, lang: Lang, now: Date = new Date()): string {
  const d = new Date(instant);
  if (d.toDateString() === now.toDateString()) return formatTime(d, lang);
  return dateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }, 'when').format(d);
}

export function formatNumber(n: number, lang: Lang): string {
  return numberFormat(lang, {}, 'int').format(n);
}

/** A ratio as a whole percent; a dash when there is nothing to divide by. */
export function formatPercent(ratio: number | null, lang: Lang): string {
  if (ratio === null) return '–';
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }, 'pct').format(ratio);
}
