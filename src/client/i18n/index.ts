import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LocalizedText } from '../../shared/schemas/common.ts';
import { type Lang, useLangStore } from '../state/langStore.ts';
import { en } from './en.ts';
import { type MessageKey, zhCN } from './zh-CN.ts';
import { fill, type Params } from './fill.ts';

export type { MessageKey } from './zh-CN.ts';
export { fill, type Params } from './fill.ts';
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Look a message up and fill its placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(catalogues[lang][key], params, lang);
}

/** Talk-track and campaign text in the chosen language; Chinese when there is no English. */
export function pick(text: LocalizedText, lang: Lang): string {
  return lang === 'en' && text.en && text.en.trim() !== '' ? text.en : text.zh;
}

/**
 * A person's name as the UI shows it: in English their English name when they have one, else the
 * name as the hall writes it (Chinese). One rule for every place a name shows.
 */
export function personName(person: { name: string; nameEn?: string | null }, lang: Lang): string {
  return lang === 'en' && person.nameEn && person.nameEn.trim() !== '' ? person.nameEn : person.name;
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

const bound: Record<Lang, I18n> = {
  'zh-CN': { lang: 'zh-CN', t: (key, params) => translate('zh-CN', key, params) },
  en: { lang: 'en', t: (key, params) => translate('en', key, params) },
};

/**
 * A language for one part of the page only, whatever the chosen UI language: the manager pages'
 * preview shows the counter in Chinese or English this way. Null (the default) follows the store.
 */
export const LangOverride = createContext<Lang | null>(null);

/** The translator for the current language; components re-render when the language changes. */
export function useI18n(): I18n {
  const chosen = useLangStore((s) => s.lang);
  return bound[useContext(LangOverride) ?? chosen];
}
