import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import type { FieldRecord, VisitVoidRecord } from '../../src/shared/schemas/fieldRecords.ts';
import type { Campaign, CampaignCategory, TalkTrackVersion } from '../../src/shared/schemas/reference.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import type { Database } from '../../src/server/db/database.ts';
import { insertCampaign } from '../../src/server/repos/campaigns.ts';
import { insertTalkTrackVersion } from '../../src/server/repos/talkTracks.ts';
import { entries, type HallFixture, push } from './apiFixtures.ts';
import type { SignedIn } from './manageFixtures.ts';

/** A published campaign of the hall with its talk-track version 1 (a second version when `versions` is 2). */
export async function addCampaign(
  database: Database,
  fx: HallFixture,
  options: { category: CampaignCategory; title: string; versions?: number },
): Promise<{ campaign: Campaign; talkTracks: TalkTrackVersion[] }> {
  const versionIds = Array.from({ length: options.versions ?? 1 }, () => uuidv7());
  const campaign: Campaign = {
    ...fx.campaign,
    id: uuidv7(),
    title: { zh: options.title, en: `${options.title} (en)` },
    offerCode: `T-${options.category}`,
    category: options.category,
    focus: false,
    currentVersionId: versionIds.at(-1)!,
  };
  await insertCampaign(database.db, campaign);
  const talkTracks = versionIds.map((id, i) => ({ ...fx.talkTrack, id, campaignId: campaign.id, version: i + 1 }));
  for (const t of talkTracks) await insertTalkTrackVersion(database.db, t);
  return { campaign, talkTracks };
}

export function makeVoid(fx: HallFixture, visitId: string, overrides: Partial<VisitVoidRecord> = {}): VisitVoidRecord {
  return {
    kind: 'visit_void',
    v: 1,
    id: uuidv7(),
    hallId: fx.hall.id,
    deviceId: fx.device.id,
    staffId: fx.consultantId,
    visitId,
    voidedAt: new Date().toISOString(),
    reason: '录错了客户',
    ...overrides,
  };
}

/**
 * A device's outbox as the tablet keeps it: records appended in order, pushed with the next
 * sequence numbers. `send` pushes what is new and answers the push response.
 */
export function outbox(app: FastifyInstance, fx: HallFixture) {
  const records: FieldRecord[] = [];
  let sent = 0;
  return {
    records,
    add(...more: FieldRecord[]) {
      records.push(...more);
    },
    async send(): Promise<PushResponse> {
      const res = await push(app, fx.device.token, { entries: entries(records, sent + 1, records.length) });
      expect(res.statusCode, res.body).toBe(200);
      sent = records.length;
      return PushResponse.parse(res.json());
    },
    /** Pushes and expects every record stored. */
    async sendAll(): Promise<void> {
      const answer = await this.send();
      expect(answer).toEqual({ ackedThrough: records.length, rejected: [] });
    },
  };
}

export type Query = Record<string, string | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  return `${path}?${params.toString()}`;
}

/** The report endpoints as one signed-in person calls them. */
export function reportApi(app: FastifyInstance, who: Pick<SignedIn, 'headers'>) {
  const get = (path: string, query: Query): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'GET', url: withQuery(path, query), headers: who.headers });
  return {
    daily: (query: Query) => get(API.reportDaily, query),
    visits: (query: Query) => get(API.reportVisits, query),
    exportFile: (query: Query) => get(API.reportExport, query),
  };
}

/** RFC 4180 CSV (quotes doubled inside quoted fields), CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
