import type { CampaignDraft } from '../../shared/schemas/manage.ts';
import type { Campaign, TalkTrackVersion } from '../../shared/schemas/reference.ts';

/**
 * The preview's campaign id: never a real campaign's, so ticking elements in the preview keeps
 * its own ticks in the composer store and cannot touch a visit's.
 */
export const previewKey = (campaignId: string | null): string => `preview:${campaignId ?? 'new'}`;

/** The draft as the counter would show it once published: the same shapes the counter reads from IndexedDB. */
export function previewOf(draft: CampaignDraft, campaignId: string | null, nextVersion: number): { campaign: Campaign; talkTrack: TalkTrackVersion } {
  const id = previewKey(campaignId);
  const versionId = `${id}:v${nextVersion}`;
  const { title, offerCode, category, startDate, endDate, focus, segmentNote } = draft.campaign;
  return {
    campaign: {
      id,
      hallIds: draft.hallIds,
      title,
      offerCode,
      category,
      startDate,
      endDate,
      focus,
      segmentNote,
      status: 'published',
      currentVersionId: versionId,
    },
    talkTrack: {
      id: versionId,
      campaignId: id,
      version: nextVersion,
      ...draft.talkTrack,
      publishedAt: null,
      publishedBy: null,
    },
  };
}
