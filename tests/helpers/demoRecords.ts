import { v7 as uuidv7 } from 'uuid';
import type {
  RecommendationRecord,
  VisitCloseRecord,
  VisitRecord,
  VisitVoidRecord,
} from '../../src/shared/schemas/fieldRecords.ts';
import { demoCampaigns, DEMO_HALL, DEMO_STAFF } from '../../src/server/seed/demo.ts';

/**
 * Field records of the demo hall that main.ts seeds, for tests that push to a real server process
 * (they cannot insert fixtures into its database before it starts). Made by the first demo
 * consultant, against the first demo campaign's first talk-track version.
 */
const consultant = DEMO_STAFF.find((s) => s.role === 'consultant')!;
const firstCampaign = () => demoCampaigns()[0]!;

const base = (deviceId: string) => ({ v: 1 as const, hallId: DEMO_HALL.id, deviceId, staffId: consultant.id });
const now = () => new Date().toISOString();

export function demoVisit(deviceId: string): VisitRecord {
  return { kind: 'visit', ...base(deviceId), id: uuidv7(), openedAt: now(), source: 'walk_in', business: 'plan_change', segment: null };
}

export function demoRecommendation(
  deviceId: string,
  visitId: string,
  overrides: Partial<RecommendationRecord> = {},
): RecommendationRecord {
  return {
    kind: 'recommendation',
    ...base(deviceId),
    id: uuidv7(),
    visitId,
    campaignId: firstCampaign().campaign.id,
    talkTrackVersionId: firstCampaign().versionId,
    elementsSaid: ['name', 'price', 'cancel'],
    demoDeviceUsed: false,
    outcome: 'accepted',
    declineReason: null,
    recordedAt: now(),
    ...overrides,
  };
}

export function demoClose(deviceId: string, visitId: string): VisitCloseRecord {
  return { kind: 'visit_close', ...base(deviceId), id: uuidv7(), visitId, closedAt: now(), noRecommendationConfirmed: false };
}

export function demoVoid(deviceId: string, visitId: string): VisitVoidRecord {
  return { kind: 'visit_void', ...base(deviceId), id: uuidv7(), visitId, voidedAt: now(), reason: '录错了客户' };
}

/** A plausible outbox: visits, each followed by a recommendation of it. */
export function demoOutbox(deviceId: string, count: number): Array<VisitRecord | RecommendationRecord> {
  const records: Array<VisitRecord | RecommendationRecord> = [];
  while (records.length < count) {
    const visit = demoVisit(deviceId);
    records.push(visit);
    if (records.length < count) records.push(demoRecommendation(deviceId, visit.id));
  }
  return records;
}
