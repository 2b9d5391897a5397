import type { z } from 'zod';
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
import type { ApiClient, RequestOptions } from '../api/http.ts';

/** Who is asking: this browser's device token and the signed-in person's online session. */
export interface Credentials {
  deviceToken: string;
  sessionToken: string;
}

/** The manager pages' requests, typed by the shared schemas; every failure passes `onFailure` first. */
export function createManageApi(api: ApiClient, credentials: Credentials, onFailure: (cause: unknown) => void = () => undefined) {
  const call = async <S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> => {
    try {
      return await api.request(path, schema, { ...options, ...credentials });
    } catch (cause) {
      onFailure(cause);
      throw cause;
    }
  };
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
      try {
        const download = await api.requestFile(API.manageCampaignExport + query, credentials);
        return { ...download, file: CampaignFile.parse(JSON.parse(await download.blob.text())) };
      } catch (cause) {
        onFailure(cause);
        throw cause;
      }
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
  };
}

export type ManageApi = ReturnType<typeof createManageApi>;
