import { localDate } from '../../../../shared/localDate.ts';
import type { ManageApi } from '../../../manage/api.ts';
import { downloadText } from '../../../manage/download.ts';

/** Asks the server for the campaign file (of the chosen campaigns, or all) and saves it as a download. */
export async function exportCampaigns(api: ManageApi, campaignIds: readonly string[] | undefined, timeZone: string): Promise<number> {
  const file = await api.exportFile(campaignIds);
  const day = localDate(new Date(), timeZone);
  downloadText(JSON.stringify(file, null, 2) + '\n', `talktrack-campaigns-${day}.json`);
  return file.campaigns.length;
}
