import type { Lang } from '../state/langStore.ts';
import { formatNumber } from './format.ts';

export type Params = Record<string, string | number>;

const rules = new Map<Lang, Intl.PluralRules>();

/** Which plural form a number takes in a language: "one" or "other" in English, always "other" in Chinese. */
export function pluralForm(n: number, lang: Lang): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(n);
}

// {count, plural, one {# attempt} other {# attempts}}: each form may hold `#` and plain {name}s.
const PLURAL = /\{(\w+), *plural, *((?:(?:=\d+|zero|one|two|few|many|other) *\{[^{}]*(?:\{\w+\}[^{}]*)*\} *)+)\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other) *\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

function shown(value: string | number, lang: Lang | undefined): string {
  return typeof value === 'number' && lang !== undefined ? formatNumber(value, lang) : String(value);
}

/** The form for the number; one already formatted (a string) is read back for the choice and shown as given. */
function choosePlural(forms: string, value: string | number, lang: Lang | undefined): string {
  const options = new Map([...forms.matchAll(FORM)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const n = typeof value === 'number' ? value : Number(value.replace(/[^\d.-]/g, ''));
  const form = Number.isFinite(n) ? (options.get(`=${n}`) ?? options.get(pluralForm(n, lang ?? 'en'))) : undefined;
  return (form ?? options.get('other') ?? '').replace(/#/g, shown(value, lang));
}

/**
 * A message's placeholders filled: `{name}` with its param (numbers through Intl in `lang`), and
 * `{name, plural, one {…} other {…}}` with the form Intl.PluralRules picks for the number, `#`
 * standing for it. Unknown placeholders are left as written.
 */
export function fill(text: string, params?: Params, lang?: Lang): string {
  if (!params) return text;
  const plurals = text.replace(PLURAL, (whole, name: string, forms: string) => {
    const value = params[name];
    return value === undefined ? whole : choosePlural(forms, value, lang);
  });
  return plurals.replace(PLACEHOLDER, (whole, name: string) => (name in params ? shown(params[name] as string | number, lang) : whole));
}

/** The params a message uses, each once and sorted: `{name}` and `{name, plural, …}` alike (catalogue checks compare languages by them). */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:\}|, *plural,)/g)].map((m) => m[1] ?? ''))].sort();
}
