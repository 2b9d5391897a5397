import { readFileSync } from 'node:fs';
import { parseCampaignFile } from '../../shared/campaignFile.ts';
import type { Campaign, TalkTrackVersion } from '../../shared/schemas/reference.ts';

/** A demo campaign with the content of its first talk-track version; the hall is filled in by demo.ts. */
export interface DemoCampaign {
  campaign: Omit<Campaign, 'hallIds' | 'status' | 'currentVersionId'>;
  versionId: string;
  talkTrack: Pick<TalkTrackVersion, 'elements' | 'opening' | 'pitch' | 'objections' | 'closing'>;
}

/**
 * Fixed ids per offer code, so every start (and every test and bench that reads them) finds the
 * same campaigns; the campaign file itself carries no ids, as an exported file does not.
 */
const DEMO_IDS: Readonly<Record<string, { campaignId: string; versionId: string }>> = {
  'VD-5G129': { campaignId: '01a21b6b-0273-746e-aa6e-a2d9f525871a', versionId: '01a21b6b-0274-7229-bd4a-0534b511f879' },
  'VAS-VRBT': { campaignId: '01a21b6b-0273-746e-aa6e-a73a97de1412', versionId: '01a21b6b-0274-7229-bd4a-0b1ad58be7e6' },
  'VAS-CLOUD200': { campaignId: '01a21b6b-0273-746e-aa6e-abf5b7d6bc81', versionId: '01a21b6b-0274-7229-bd4a-0f47ff04f326' },
  'BB-1000-199': { campaignId: '01a21b6b-0273-746e-aa6e-ac79283fd585', versionId: '01a21b6b-0274-7229-bd4a-121d9ab1a158' },
  'HS-CONTRACT-800': { campaignId: '01a21b6b-0273-746e-aa6e-b04bb5656d15', versionId: '01a21b6b-0274-7229-bd4a-14caaf6a7404' },
  'OT-ROAM-DAY': { campaignId: '01a21b6b-0273-746e-aa6e-b498160f87e5', versionId: '01a21b6b-0274-7229-bd4a-1af1db3ac12f' },
};

/**
 * The demo hall's campaigns, kept as data in the app's own campaign-file format (the file a
 * manager exports and imports) and read with the import's own parser, so a wrong field fails
 * the start with its line and field, as an import would.
 */
export function loadDemoCampaigns(path = new URL('./demoCampaigns.json', import.meta.url)): DemoCampaign[] {
  const parsed = parseCampaignFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`the demo campaign file ${String(path)} is not a valid campaign file: line ${parsed.line}, ${parsed.field}: ${parsed.message}`);
  return parsed.file.campaigns.map(({ campaign, talkTrack }) => {
    const ids = DEMO_IDS[campaign.offerCode];
    if (ids === undefined) throw new Error(`the demo campaign ${campaign.offerCode} has no fixed id in demoCampaigns.ts; add one`);
    return { campaign: { id: ids.campaignId, ...campaign }, versionId: ids.versionId, talkTrack };
  });
}
