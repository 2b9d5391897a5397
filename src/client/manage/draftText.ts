import { MUST_SAY_KEYS, type MustSayKey } from '../../shared/mustSay.ts';
import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { CampaignDraft } from '../../shared/schemas/manage.ts';

/**
 * Every piece of text in a draft, named by its path into the draft, the same paths
 * missingForPublish and the server's 422 use (without the trailing `.zh` / `.en`).
 */
export type TextPath =
  | 'campaign.title'
  | 'campaign.segmentNote'
  | `talkTrack.elements.${MustSayKey}`
  | 'talkTrack.opening'
  | 'talkTrack.pitch'
  | 'talkTrack.closing'
  | `talkTrack.objections.${number}.${'question' | 'answer'}`;

export type TextLang = 'zh' | 'en';

const EMPTY: LocalizedText = { zh: '' };

export const elementPath = (key: MustSayKey): TextPath => `talkTrack.elements.${key}`;
export const objectionPath = (index: number, part: 'question' | 'answer'): TextPath => `talkTrack.objections.${index}.${part}`;

const OBJECTION = /^talkTrack\.objections\.(\d+)\.(question|answer)$/;
const ELEMENT = /^talkTrack\.elements\.(\w+)$/;
const isMustSayKey = (key: string): key is MustSayKey => (MUST_SAY_KEYS as readonly string[]).includes(key);

export function getText(draft: CampaignDraft, path: TextPath): LocalizedText {
  switch (path) {
    case 'campaign.title':
      return draft.campaign.title;
    case 'campaign.segmentNote':
      return draft.campaign.segmentNote ?? EMPTY;
    case 'talkTrack.opening':
    case 'talkTrack.pitch':
    case 'talkTrack.closing':
      return draft.talkTrack[path.slice('talkTrack.'.length) as 'opening' | 'pitch' | 'closing'];
  }
  const element = ELEMENT.exec(path);
  if (element && isMustSayKey(element[1]!)) return draft.talkTrack.elements[element[1]];
  const objection = OBJECTION.exec(path);
  if (objection) {
    const o = draft.talkTrack.objections[Number(objection[1])];
    return o ? o[objection[2] as 'question' | 'answer'] : EMPTY;
  }
  return EMPTY;
}

/** The text with one language changed; an emptied English text is dropped (the counter falls back to Chinese). */
function withLang(text: LocalizedText, lang: TextLang, value: string): LocalizedText {
  if (lang === 'zh') return text.en === undefined ? { zh: value } : { zh: value, en: text.en };
  return value === '' ? { zh: text.zh } : { zh: text.zh, en: value };
}

export function setText(draft: CampaignDraft, path: TextPath, lang: TextLang, value: string): CampaignDraft {
  const next = withLang(getText(draft, path), lang, value);
  if (path === 'campaign.title') return { ...draft, campaign: { ...draft.campaign, title: next } };
  if (path === 'campaign.segmentNote') {
    const blank = next.zh === '' && (next.en ?? '') === '';
    return { ...draft, campaign: { ...draft.campaign, segmentNote: blank ? null : next } };
  }
  if (path === 'talkTrack.opening' || path === 'talkTrack.pitch' || path === 'talkTrack.closing') {
    const field = path.slice('talkTrack.'.length) as 'opening' | 'pitch' | 'closing';
    return { ...draft, talkTrack: { ...draft.talkTrack, [field]: next } };
  }
  const element = ELEMENT.exec(path);
  if (element && isMustSayKey(element[1]!)) {
    return { ...draft, talkTrack: { ...draft.talkTrack, elements: { ...draft.talkTrack.elements, [element[1]]: next } } };
  }
  const objection = OBJECTION.exec(path);
  if (objection) {
    const index = Number(objection[1]);
    const part = objection[2] as 'question' | 'answer';
    const objections = draft.talkTrack.objections.map((o, i) => (i === index ? { ...o, [part]: next } : o));
    return { ...draft, talkTrack: { ...draft.talkTrack, objections } };
  }
  return draft;
}

/** Every text path of the draft, in the order the form shows them. */
export function textPaths(draft: CampaignDraft): TextPath[] {
  return [
    'campaign.title',
    'campaign.segmentNote',
    ...MUST_SAY_KEYS.map(elementPath),
    'talkTrack.opening',
    'talkTrack.pitch',
    ...draft.talkTrack.objections.flatMap((_, i) => [objectionPath(i, 'question'), objectionPath(i, 'answer')]),
    'talkTrack.closing',
  ];
}

/** Texts written in Chinese whose English is still empty: the counter shows them in Chinese in English mode. */
export function missingEnglish(draft: CampaignDraft): TextPath[] {
  return textPaths(draft).filter((path) => {
    const text = getText(draft, path);
    return text.zh.trim() !== '' && (text.en ?? '').trim() === '';
  });
}

/** The DOM id of a text's form field, so a missing field can be focused from the list. */
export const fieldId = (path: string): string => `field-${path.replaceAll('.', '-')}`;
