import { MUST_SAY_KEYS } from '../../shared/mustSay.ts';
import type { CampaignDraft } from '../../shared/schemas/manage.ts';
import type { MustSayTexts } from '../../shared/schemas/reference.ts';

/** Structural edits of a draft (the text itself is changed through draftText.ts). */

export function emptyDraft(hallIds: readonly string[], today: string, until: string): CampaignDraft {
  const elements = Object.fromEntries(MUST_SAY_KEYS.map((k) => [k, { zh: '' }])) as MustSayTexts;
  return {
    campaign: {
      title: { zh: '' },
      offerCode: '',
      category: 'voice_data',
      startDate: today,
      endDate: until,
      focus: false,
      segmentNote: null,
    },
    hallIds: [...hallIds],
    talkTrack: { elements, opening: { zh: '' }, pitch: { zh: '' }, objections: [], closing: { zh: '' } },
  };
}

type CampaignFields = Omit<CampaignDraft['campaign'], 'title' | 'segmentNote'>;

export function setCampaignField<K extends keyof CampaignFields>(draft: CampaignDraft, key: K, value: CampaignFields[K]): CampaignDraft {
  return { ...draft, campaign: { ...draft.campaign, [key]: value } };
}

export function toggleHall(draft: CampaignDraft, hallId: string, on: boolean): CampaignDraft {
  const others = draft.hallIds.filter((id) => id !== hallId);
  return { ...draft, hallIds: on ? [...others, hallId] : others };
}

const withObjections = (draft: CampaignDraft, objections: CampaignDraft['talkTrack']['objections']): CampaignDraft => ({
  ...draft,
  talkTrack: { ...draft.talkTrack, objections },
});

export const addObjection = (draft: CampaignDraft): CampaignDraft =>
  withObjections(draft, [...draft.talkTrack.objections, { question: { zh: '' }, answer: { zh: '' } }]);

export const removeObjection = (draft: CampaignDraft, index: number): CampaignDraft =>
  withObjections(
    draft,
    draft.talkTrack.objections.filter((_, i) => i !== index),
  );

/** Moves one objection answer up (-1) or down (+1); a move past either end changes nothing. */
export function moveObjection(draft: CampaignDraft, index: number, by: -1 | 1): CampaignDraft {
  const list = [...draft.talkTrack.objections];
  const to = index + by;
  if (to < 0 || to >= list.length || index < 0 || index >= list.length) return draft;
  [list[index], list[to]] = [list[to]!, list[index]!];
  return withObjections(draft, list);
}
