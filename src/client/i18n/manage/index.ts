import type { Lang } from '../../state/langStore.ts';
import { fill, type MessageKey, type Params, translate, useI18n } from '../index.ts';
import { auditEn } from './audit.en.ts';
import { type AuditMessageKey, auditZhCN } from './audit.zh-CN.ts';
import { manageEn } from './en.ts';
import { heldEn } from './held.en.ts';
import { type HeldMessageKey, heldZhCN } from './held.zh-CN.ts';
import { officeEn } from './office.en.ts';
import { type OfficeMessageKey, officeZhCN } from './office.zh-CN.ts';
import { type ManageMessageKey, manageZhCN } from './zh-CN.ts';

/**
 * The manager pages' messages: a catalogue of their own, loaded with their chunk so the counter's
 * first load does not carry them. Their `t` also knows every counter message (categories, elements…).
 */
type OwnKey = ManageMessageKey | OfficeMessageKey | HeldMessageKey | AuditMessageKey;
export type ManageKey = MessageKey | OwnKey;
export type ManageTranslate = (key: ManageKey, params?: Params) => string;

const catalogues: Record<Lang, Record<OwnKey, string>> = {
  'zh-CN': { ...manageZhCN, ...officeZhCN, ...heldZhCN, ...auditZhCN },
  en: { ...manageEn, ...officeEn, ...heldEn, ...auditEn },
};

const isManageKey = (key: ManageKey): key is OwnKey => key in catalogues['zh-CN'];

export function translateManage(lang: Lang, key: ManageKey, params?: Params): string {
  return isManageKey(key) ? fill(catalogues[lang][key], params, lang) : translate(lang, key, params);
}

export interface ManageI18n {
  lang: Lang;
  t: ManageTranslate;
}

const bound: Record<Lang, ManageI18n> = {
  'zh-CN': { lang: 'zh-CN', t: (key, params) => translateManage('zh-CN', key, params) },
  en: { lang: 'en', t: (key, params) => translateManage('en', key, params) },
};

/** The manager pages' translator in the chosen UI language. */
export function useManageI18n(): ManageI18n {
  return bound[useI18n().lang];
}
