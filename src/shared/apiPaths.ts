export const API = {
  health: '/api/v1/health',
  /** Public: the OpenAPI 3.1 description of every route (src/server/openapi/). */
  openapi: '/api/v1/openapi.json',
  enrol: '/api/v1/devices/enrol',
  sessions: '/api/v1/sessions',
  currentSession: '/api/v1/sessions/current',
  push: '/api/v1/sync/push',
  pull: '/api/v1/sync/pull',
  // Manager pages (manager: own hall; admin: every hall). Paths with :params go through fillPath.
  manageCampaigns: '/api/v1/campaigns',
  manageCampaign: '/api/v1/campaigns/:campaignId',
  manageCampaignDraft: '/api/v1/campaigns/:campaignId/draft',
  manageCampaignPublish: '/api/v1/campaigns/:campaignId/publish',
  manageCampaignRetire: '/api/v1/campaigns/:campaignId/retire',
  manageCampaignDuplicate: '/api/v1/campaigns/:campaignId/duplicate',
  manageCampaignVersion: '/api/v1/campaigns/:campaignId/versions/:versionId',
  /** GET ?ids=a,b (all visible campaigns without it): the JSON file of campaignFile.ts. */
  manageCampaignExport: '/api/v1/campaigns/export',
  manageCampaignImport: '/api/v1/campaigns/import',
  /** Reports (ReportQuery in the query string); consultants see only their own rows. */
  reportDaily: '/api/v1/reports/daily',
  /** ExportQuery: the same filters plus format, table and lang; answers a file download. */
  reportExport: '/api/v1/reports/export',
  reportVisits: '/api/v1/reports/visits',
  /** Admins only. */
  manageAudit: '/api/v1/admin/audit',
  /** Manager (own hall) and admin (every hall, or ?hallId=): the enrolled devices, and revoking one. */
  adminDevices: '/api/v1/admin/devices',
  adminDeviceRevoke: '/api/v1/admin/devices/:deviceId/revoke',
  /** What revoked or expired devices offered and the server could not store (?hallId=). */
  adminLostRecords: '/api/v1/admin/lost-records',
  /** Ends every live session of one person (a PIN seen by someone else, a person leaving). */
  adminStaffSessionsRevoke: '/api/v1/admin/staff/:staffId/sessions/revoke',
  /** GET (manager: own hall; admin: every hall, or ?hallId=) and POST (admin): halls. */
  adminHalls: '/api/v1/admin/halls',
  /** PATCH (admin): rename, address, deactivate or reactivate; the time zone is fixed. */
  adminHall: '/api/v1/admin/halls/:hallId',
  /** GET (PeopleQuery) and POST (PersonCreateRequest): manager own hall, admin any. */
  adminPeople: '/api/v1/admin/people',
  /** PATCH (PersonUpdateRequest): names, staff number, role. */
  adminPerson: '/api/v1/admin/people/:staffId',
  /** POST: a new one-time PIN (counter roles). */
  adminPersonPin: '/api/v1/admin/people/:staffId/pin',
  /** POST: a new set-password code (managers and admins). */
  adminPersonPasswordCode: '/api/v1/admin/people/:staffId/password-code',
  /** POST (PersonMoveRequest): to another active hall. */
  adminPersonMove: '/api/v1/admin/people/:staffId/move',
  adminPersonDeactivate: '/api/v1/admin/people/:staffId/deactivate',
  adminPersonReactivate: '/api/v1/admin/people/:staffId/reactivate',
  /** POST: clears the wrong-attempt count and the lock. */
  adminPersonUnlock: '/api/v1/admin/people/:staffId/unlock',
  /** POST (RosterImportRequest): a CSV or XLSX roster; 400 `roster_invalid` with `issues`. */
  adminRosterImport: '/api/v1/admin/people/import',
  /** Public (the code is the credential): a manager or admin sets their password, enrolling the browser if needed. */
  passwordCodeRedeem: '/api/v1/password-codes/redeem',
  /** Manager (own hall) and admin (every hall, or ?hallId=): who did what to halls, people, devices and codes. */
  adminAccessAudit: '/api/v1/admin/access-audit',
  /**
   * Enrolment codes (manager: own hall; admin: any hall, named by hallId when issuing): GET the
   * pending ones (?hallId=), POST a new one (shown once), DELETE one to cancel it.
   */
  adminEnrolmentCodes: '/api/v1/admin/enrolment-codes',
  adminEnrolmentCode: '/api/v1/admin/enrolment-codes/:codeId',
  /** Manager (own hall) and admin (every hall, or ?hallId=): records the server held back (HeldRecordsQuery). */
  adminHeldRecords: '/api/v1/admin/held-records',
  /** POST (HeldDecisionRequest): store a held record after all, or set it aside for good; both audited. */
  adminHeldRecordAccept: '/api/v1/admin/held-records/:heldId/accept',
  adminHeldRecordDiscard: '/api/v1/admin/held-records/:heldId/discard',
} as const;

/** Staff session token header; the device token travels as `Authorization: Bearer …`. */
export const SESSION_HEADER = 'x-staff-session';

/** `/campaigns/:campaignId` + { campaignId: 'x' } → `/campaigns/x`, each value URL-encoded. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`fillPath: no value for :${name} in ${template}`);
    return encodeURIComponent(value);
  });
}
