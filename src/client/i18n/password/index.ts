import type { Lang } from '../../state/langStore.ts';
import { fill, type MessageKey, type Params, translate, useI18n } from '../index.ts';
import { passwordEn } from './en.ts';
import { type PasswordMessageKey, passwordZhCN } from './zh-CN.ts';

/**
 * Messages of the set-password screen: loaded with its chunk, so the counter's first load does not
 * carry them. Its `t` also knows every counter message (the code errors, the language switch…).
 */
export type PasswordKey = MessageKey | PasswordMessageKey;
export type PasswordTranslate = (key: PasswordKey, params?: Params) => string;

const catalogues: Record<Lang, Record<PasswordMessageKey, string>> = { 'zh-CN': passwordZhCN, en: passwordEn };

const isPasswordKey = (key: PasswordKey): key is PasswordMessageKey => key in passwordZhCN;

export function translatePassword(lang: Lang, key: PasswordKey, params?: Params): string {
  return isPasswordKey(key) ? fill(catalogues[lang][key], params, lang) : translate(lang, key, params);
}

const bound: Record<Lang, { lang: Lang; t: PasswordTranslate }> = {
  'zh-CN': { lang: 'zh-CN', t: (key, params) => translatePassword('zh-CN', key, params) },
  en: { lang: 'en', t: (key, params) => translatePassword('en', key, params) },
};

export function usePasswordI18n(): { lang: Lang; t: PasswordTranslate } {
  return bound[useI18n().lang];
}
