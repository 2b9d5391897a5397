import type { Lang } from '../../state/langStore.ts';
import { fill, type MessageKey, type Params, translate, useI18n } from '../index.ts';
import { reportsEn } from './en.ts';
import { type ReportsMessageKey, reportsZhCN } from './zh-CN.ts';

/**
 * The reports pages' messages: loaded with their chunk, so the counter's first load does not
 * carry them. Their `t` also knows every counter message (business, outcome, category, element…).
 */
export type ReportsKey = MessageKey | ReportsMessageKey;
export type ReportsTranslate = (key: ReportsKey, params?: Params) => string;

const catalogues: Record<Lang, Record<ReportsMessageKey, string>> = { 'zh-CN': reportsZhCN, en: reportsEn };

const isReportsKey = (key: ReportsKey): key is ReportsMessageKey => key in reportsZhCN;

export function translateReports(lang: Lang, key: ReportsKey, params?: Params): string {
  return isReportsKey(key) ? fill(catalogues[lang][key], params, lang) : translate(lang, key, params);
}

const bound: Record<Lang, { lang: Lang; t: ReportsTranslate }> = {
  'zh-CN': { lang: 'zh-CN', t: (key, params) => translateReports('zh-CN', key, params) },
  en: { lang: 'en', t: (key, params) => translateReports('en', key, params) },
};

export function useReportsI18n(): { lang: Lang; t: ReportsTranslate } {
  return bound[useI18n().lang];
}
