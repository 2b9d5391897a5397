import type { ManageTranslate } from '../../../i18n/manage/index.ts';
import { MUST_SAY_KEYS, type MustSayKey } from '../../../../shared/mustSay.ts';

const isMustSayKey = (key: string): key is MustSayKey => (MUST_SAY_KEYS as readonly string[]).includes(key);

/**
 * A draft path (`talkTrack.elements.price.zh`, as missingForPublish and the server name them) in
 * words: "资费标准与计费方式（中文）". A path this app does not know is shown as it is.
 */
export function fieldLabel(path: string, t: ManageTranslate): string {
  const parts = path.split('.');
  const last = parts.at(-1);
  const lang = last === 'zh' || last === 'en' ? last : null;
  const base = lang ? parts.slice(0, -1) : parts;
  const name = baseLabel(base, t);
  if (name === null) return path;
  return lang ? t(lang === 'zh' ? 'manage.field.inZh' : 'manage.field.inEn', { field: name }) : name;
}

function baseLabel(parts: string[], t: ManageTranslate): string | null {
  const [root, field, a, b] = parts;
  if (root === 'campaign') {
    switch (field) {
      case 'title':
        return t('manage.field.title');
      case 'offerCode':
        return t('manage.field.offerCode');
      case 'segmentNote':
        return t('manage.field.segmentNote');
      case 'startDate':
        return t('manage.field.startDate');
      case 'endDate':
        return t('manage.field.endDate');
      case 'category':
        return t('manage.field.category');
    }
    return null;
  }
  if (root === 'hallIds') return t('manage.field.halls');
  if (root !== 'talkTrack') return null;
  if (field === 'elements' && a !== undefined && isMustSayKey(a)) return t(`element.${a}`);
  if (field === 'opening') return t('talk.opening');
  if (field === 'pitch') return t('talk.pitch');
  if (field === 'closing') return t('talk.closing');
  if (field === 'objections' && a !== undefined && /^\d+$/.test(a)) {
    const n = Number(a) + 1;
    if (b === 'question') return t('manage.field.objectionQuestion', { n });
    if (b === 'answer') return t('manage.field.objectionAnswer', { n });
    return t('manage.field.objection', { n });
  }
  return null;
}
