export const API = {
  health: '/api/v1/health',
  enrol: '/api/v1/devices/enrol',
  sessions: '/api/v1/sessions',
  currentSession: '/api/v1/sessions/current',
  push: '/api/v1/sync/push',
  pull: '/api/v1/sync/pull',
  // Manager pages (manager: own hall; admin: every hall). Paths with :params go through fillPath.
  manageCampaigns: '/api/v1/manage/campaigns',
  manageCampaign: '/api/v1/manage/campaigns/:campaignId',
  manageCampaignDraft: '/api/v1/manage/campaigns/:campaignId/draft',
  manageCampaignPublish: '/api/v1/manage/campaigns/:campaignId/publish',
  manageCampaignRetire: '/api/v1/manage/campaigns/:campaignId/retire',
  manageCampaignDuplicate: '/api/v1/manage/campaigns/:campaignId/duplicate',
  manageCampaignVersion: '/api/v1/manage/campaigns/:campaignId/versions/:versionId',
  /** GET ?ids=a,b (all visible campaigns without it): the JSON file of campaignFile.ts. */
  manageCampaignExport: '/api/v1/manage/campaign-export',
  manageCampaignImport: '/api/v1/manage/campaign-import',
  /** Admins only. */
  manageAudit: '/api/v1/manage/audit',
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
