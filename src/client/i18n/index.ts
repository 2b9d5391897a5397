import type { LocalizedText } from '../../shared/schemas/common.ts';
import { type Lang, useLangStore } from '../state/langStore.ts';
import { en } from './en.ts';
import { type MessageKey, zhCN } from './zh-CN.ts';

export type { MessageKey } from './zh-CN.ts';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Look a message up and fill its `{name}` placeholders; unknown placeholders are left as written. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = catalogues[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Talk-track and campaign text in the chosen language; Chinese when there is no English. */
export function pick(text: LocalizedText, lang: Lang): string {
  return lang === 'en' && text.en && text.en.trim() !== '' ? text.en : text.zh;
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

const bound: Record<Lang, I18n> = {
  'zh-CN': { lang: 'zh-CN', t: (key, params) => translate('zh-CN', key, params) },
  en: { lang: 'en', t: (key, params) => translate('en', key, params) },
};

/** The translator for the current language; components re-render when the language changes. */
export function useI18n(): I18n {
  return bound[useLangStore((s) => s.lang)];
}
