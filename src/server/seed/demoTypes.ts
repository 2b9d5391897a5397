import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { Campaign, TalkTrackVersion } from '../../shared/schemas/reference.ts';

/** A demo campaign with the content of its first talk-track version; ids and hall are filled in by demo.ts. */
export interface DemoCampaign {
  campaign: Omit<Campaign, 'hallIds' | 'status' | 'currentVersionId'>;
  versionId: string;
  talkTrack: Pick<TalkTrackVersion, 'elements' | 'opening' | 'pitch' | 'objections' | 'closing'>;
}

export const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Every demo campaign runs through the demo period, so "now" is always inside it. */
export const DEMO_START = '2026-01-01';
export const DEMO_END = '2027-12-31';
