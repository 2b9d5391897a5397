import { MUST_SAY_KEYS } from './mustSay.ts';
import type { CampaignDraft } from './schemas/manage.ts';

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * The fields a draft still lacks before it may reach the counter, as paths into the draft
 * (`talkTrack.elements.price.zh`). Chinese is the default language: every must-say element,
 * the title and the offer code need it; an objection needs both its question and its answer.
 */
export function missingForPublish(draft: CampaignDraft): string[] {
  const missing: string[] = [];
  if (blank(draft.campaign.title.zh)) missing.push('campaign.title.zh');
  if (blank(draft.campaign.offerCode)) missing.push('campaign.offerCode');
  for (const key of MUST_SAY_KEYS) {
    if (blank(draft.talkTrack.elements[key].zh)) missing.push(`talkTrack.elements.${key}.zh`);
  }
  draft.talkTrack.objections.forEach((o, i) => {
    if (blank(o.question.zh)) missing.push(`talkTrack.objections.${i}.question.zh`);
    if (blank(o.answer.zh)) missing.push(`talkTrack.objections.${i}.answer.zh`);
  });
  return missing;
}
