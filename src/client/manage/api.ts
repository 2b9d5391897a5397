import { API, fillPath } from '../../shared/apiPaths.ts';
import { CampaignFile } from '../../shared/campaignFile.ts';
import {
  AuditResponse,
  type CampaignActionRequest,
  CampaignDetailResponse,
  type CampaignDraft,
  CampaignListResponse,
  CampaignWriteResponse,
  type CreateCampaignRequest,
  type ImportRequest,
  ImportResponse,
  type SaveDraftRequest,
  VersionResponse,
} from '../../shared/schemas/manage.ts';
import { DeviceListResponse, LostRecordsResponse, RevokeDeviceResponse, RevokeSessionsResponse } from '../../shared/schemas/devices.ts';
import { authedApi, type Credentials } from '../api/authedApi.ts';
import type { ApiClient } from '../api/http.ts';


/** The manager pages' requests, typed by the shared schemas; every failure passes `onFailure` first. */
export function createManageApi(api: ApiClient, credentials: Credentials, onFailure: (cause: unknown) => void = () => undefined) {
  const { call, file } = authedApi(api, credentials, onFailure);
  const campaignPath = (template: string, campaignId: string) => fillPath(template, { campaignId });
  const action = (template: string, campaignId: string, expectedEditVersion: number) =>
    call(campaignPath(template, campaignId), CampaignWriteResponse, {
      method: 'POST',
      body: { expectedEditVersion } satisfies CampaignActionRequest,
    });

  return {
    list: () => call(API.manageCampaigns, CampaignListResponse),
    detail: (campaignId: string) => call(campaignPath(API.manageCampaign, campaignId), CampaignDetailResponse),
    version: (campaignId: string, versionId: string) =>
      call(fillPath(API.manageCampaignVersion, { campaignId, versionId }), VersionResponse),
    create: (draft: CampaignDraft) =>
      call(API.manageCampaigns, CampaignWriteResponse, { method: 'POST', body: { draft } satisfies CreateCampaignRequest }),
    saveDraft: (campaignId: string, expectedEditVersion: number, draft: CampaignDraft) =>
      call(campaignPath(API.manageCampaignDraft, campaignId), CampaignWriteResponse, {
        method: 'PUT',
        body: { expectedEditVersion, draft } satisfies SaveDraftRequest,
      }),
    publish: (campaignId: string, expectedEditVersion: number) => action(API.manageCampaignPublish, campaignId, expectedEditVersion),
    retire: (campaignId: string, expectedEditVersion: number) => action(API.manageCampaignRetire, campaignId, expectedEditVersion),
    duplicate: (campaignId: string, expectedEditVersion: number) =>
      action(API.manageCampaignDuplicate, campaignId, expectedEditVersion),
    /** The export file of the given campaigns, or of every visible one. */
    exportFile: async (campaignIds?: readonly string[]) => {
      const query = campaignIds ? `?ids=${campaignIds.map(encodeURIComponent).join(',')}` : '';
      const download = await file(API.manageCampaignExport + query);
      return { ...download, file: CampaignFile.parse(JSON.parse(await download.blob.text())) };
    },
    importFile: (fileText: string, hallIds: readonly string[]) =>
      call(API.manageCampaignImport, ImportResponse, {
        method: 'POST',
        body: { fileText, hallIds: [...hallIds] } satisfies ImportRequest,
      }),
    audit: (before: string | null, limit: number) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (before !== null) query.set('before', before);
      return call(`${API.manageAudit}?${query.toString()}`, AuditResponse);
    },
    /** The devices of one's own hall (a manager) or of every hall (an admin). */
    devices: () => call(API.adminDevices, DeviceListResponse),
    revokeDevice: (deviceId: string) => call(fillPath(API.adminDeviceRevoke, { deviceId }), RevokeDeviceResponse, { method: 'POST' }),
    lostRecords: () => call(API.adminLostRecords, LostRecordsResponse),
    /** Ends every live session of one person, on every device (a PIN someone saw, a person leaving). */
    endSessions: (staffId: string) =>
      call(fillPath(API.adminStaffSessionsRevoke, { staffId }), RevokeSessionsResponse, { method: 'POST' }),
  };
}

export type ManageApi = ReturnType<typeof createManageApi>;
