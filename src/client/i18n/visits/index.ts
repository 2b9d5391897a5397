import type { Lang } from '../../state/langStore.ts';
import { fill, type MessageKey, type Params, translate, useI18n } from '../index.ts';
import { visitsEn } from './en.ts';
import { type VisitsMessageKey, visitsZhCN } from './zh-CN.ts';

/**
 * Messages of today's visits list and the void form: loaded with their chunk, so the counter's
 * first load does not carry them. Their `t` also knows every counter message (business, outcome…).
 */
export type VisitsKey = MessageKey | VisitsMessageKey;
export type VisitsTranslate = (key: VisitsKey, params?: Params) => string;

const catalogues: Record<Lang, Record<VisitsMessageKey, string>> = { 'zh-CN': visitsZhCN, en: visitsEn };

const isVisitsKey = (key: VisitsKey): key is VisitsMessageKey => key in visitsZhCN;

export function translateVisits(lang: Lang, key: VisitsKey, params?: Params): string {
  return isVisitsKey(key) ? fill(catalogues[lang][key], params, lang) : translate(lang, key, params);
}

const bound: Record<Lang, { lang: Lang; t: VisitsTranslate }> = {
  'zh-CN': { lang: 'zh-CN', t: (key, params) => translateVisits('zh-CN', key, params) },
  en: { lang: 'en', t: (key, params) => translateVisits('en', key, params) },
};

export function useVisitsI18n(): { lang: Lang; t: VisitsTranslate } {
  return bound[useI18n().lang];
}
