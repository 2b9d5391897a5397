import { localDate } from '../../../../shared/localDate.ts';
import type { ManageApi } from '../../../manage/api.ts';
import { downloadBlob } from '../../../manage/download.ts';

/**
 * Saves the campaign file (of the chosen campaigns, or all) byte for byte as the server sent it,
 * under the name it gave (hall and date).
 */
export async function exportCampaigns(api: ManageApi, campaignIds: readonly string[] | undefined, timeZone: string): Promise<number> {
  const { blob, fileName, file } = await api.exportFile(campaignIds);
  downloadBlob(blob, fileName ?? `talktrack-campaigns-${localDate(new Date(), timeZone)}.json`);
  return file.campaigns.length;
}
