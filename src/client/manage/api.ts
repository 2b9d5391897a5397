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
import { type HeldDecisionRequest, HeldDecisionResponse, HeldRecordListResponse, type HeldRecordsQuery } from '../../shared/schemas/heldRecords.ts';
import {
  AccessAuditResponse,
  EnrolmentCodeListResponse,
  type EnrolmentCodeRequest,
  EnrolmentCodeResponse,
  type HallCreateRequest,
  HallListResponse,
  HallResponse,
  type HallUpdateRequest,
  PeopleListResponse,
  type PersonCreateRequest,
  PersonResponse,
  type PersonUpdateRequest,
  type RosterImportRequest,
  RosterImportResponse,
} from '../../shared/schemas/people.ts';
import { authedApi, type Credentials } from '../api/authedApi.ts';
import type { ApiClient } from '../api/http.ts';

/** The manager pages' requests, typed by the shared schemas; every failure passes `onFailure` first. */
export function createManageApi(api: ApiClient, credentials: Credentials, onFailure: (cause: unknown) => void = () => undefined) {
  const { call, send, file } = authedApi(api, credentials, onFailure);
  const campaignPath = (template: string, campaignId: string) => fillPath(template, { campaignId });
  const action = (template: string, campaignId: string, expectedEditVersion: number) =>
    call(campaignPath(template, campaignId), CampaignWriteResponse, {
      method: 'POST',
      body: { expectedEditVersion } satisfies CampaignActionRequest,
    });

  const personPath = (template: string, staffId: string) => fillPath(template, { staffId });
  const personAction = (template: string, staffId: string) => call(personPath(template, staffId), PersonResponse, { method: 'POST' });
  const query = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
    return search.size === 0 ? '' : `?${search.toString()}`;
  };

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
    /** Records a tablet sent that the server held back (still held, unless `status` says otherwise). */
    heldRecords: (params: HeldRecordsQuery = {}) => call(API.adminHeldRecords + query(params), HeldRecordListResponse),
    /** Stores a held record after all (only one whose reason allows it); the note goes to the audit. */
    acceptHeld: (heldId: string, note: string) =>
      call(fillPath(API.adminHeldRecordAccept, { heldId }), HeldDecisionResponse, { method: 'POST', body: { note } satisfies HeldDecisionRequest }),
    /** Sets a held record aside for good; the note goes to the audit. */
    discardHeld: (heldId: string, note: string) =>
      call(fillPath(API.adminHeldRecordDiscard, { heldId }), HeldDecisionResponse, { method: 'POST', body: { note } satisfies HeldDecisionRequest }),
    /** Ends every live session of one person, on every device (a PIN someone saw, a person leaving). */
    endSessions: (staffId: string) =>
      call(fillPath(API.adminStaffSessionsRevoke, { staffId }), RevokeSessionsResponse, { method: 'POST' }),

    /** Halls: a manager sees their own; an admin every hall, and creates and changes them. */
    halls: () => call(API.adminHalls, HallListResponse),
    createHall: (body: HallCreateRequest) => call(API.adminHalls, HallResponse, { method: 'POST', body }),
    updateHall: (hallId: string, body: HallUpdateRequest) =>
      call(fillPath(API.adminHall, { hallId }), HallResponse, { method: 'PATCH', body }),

    /** People of one hall (deactivated ones too), and what a manager does for them. */
    people: (hallId: string) => call(API.adminPeople + query({ hallId, includeInactive: 'true' }), PeopleListResponse),
    createPerson: (body: PersonCreateRequest) => call(API.adminPeople, PersonResponse, { method: 'POST', body }),
    updatePerson: (staffId: string, body: PersonUpdateRequest) =>
      call(personPath(API.adminPerson, staffId), PersonResponse, { method: 'PATCH', body }),
    /** A new one-time PIN (counter roles); the person chooses their own at the next sign-in. */
    resetPin: (staffId: string) => personAction(API.adminPersonPin, staffId),
    /** A new set-password code (managers and admins). */
    passwordCode: (staffId: string) => personAction(API.adminPersonPasswordCode, staffId),
    movePerson: (staffId: string, hallId: string) =>
      call(personPath(API.adminPersonMove, staffId), PersonResponse, { method: 'POST', body: { hallId } }),
    deactivatePerson: (staffId: string) => personAction(API.adminPersonDeactivate, staffId),
    reactivatePerson: (staffId: string) => personAction(API.adminPersonReactivate, staffId),
    unlockPerson: (staffId: string) => personAction(API.adminPersonUnlock, staffId),
    importRoster: (body: RosterImportRequest) => call(API.adminRosterImport, RosterImportResponse, { method: 'POST', body }),

    /** Enrolment codes not yet used: a manager's hall, or every hall for an admin. */
    enrolmentCodes: () => call(API.adminEnrolmentCodes, EnrolmentCodeListResponse),
    /** A new code, shown once; the tablet that uses it takes the name given here. */
    issueEnrolmentCode: (body: EnrolmentCodeRequest) => call(API.adminEnrolmentCodes, EnrolmentCodeResponse, { method: 'POST', body }),
    cancelEnrolmentCode: (codeId: string) => send(fillPath(API.adminEnrolmentCode, { codeId }), { method: 'DELETE' }),

    /** Who did what to halls, people, devices and codes (a manager: their hall). */
    accessAudit: (hallId?: string) => call(API.adminAccessAudit + query({ hallId }), AccessAuditResponse),
  };
}

export type ManageApi = ReturnType<typeof createManageApi>;
