import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { API, fillPath, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { SessionResponse, type SigningKey } from '../../src/shared/schemas/auth.ts';
import { type CampaignDraft, CampaignWriteResponse, type ManagedCampaign } from '../../src/shared/schemas/manage.ts';
import { PullResponse } from '../../src/shared/schemas/sync.ts';
import type { Database } from '../../src/server/db/database.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { CONSULTANT_PIN, type HallFixture, seedHallFixture } from './apiFixtures.ts';

/** Managers and admins sign in with a password of at least 10 characters, never digits only. */
export const MANAGER_PASSWORD = 'manager-pass-975310';
export const ADMIN_PASSWORD = 'admin-pass-864200';
export const MARKETER_PIN = '135790';

/** The sign-in body for a PIN (digits) or a password (anything else), as the sign-in screen sends it. */
export function sessionBody(staffId: string, secret: string): { staffId: string; pin: string } | { staffId: string; password: string } {
  return /^\d+$/.test(secret) ? { staffId, pin: secret } : { staffId, password: secret };
}

/** A signed-in person on an enrolled device: what every manager-page request carries. */
export interface SignedIn {
  staffId: string;
  name: string;
  headers: Record<string, string>;
  /** The key this person's records are signed with on this device, as the server issued it. */
  signingKey: SigningKey;
}

export interface ManageHall {
  fx: HallFixture;
  manager: SignedIn;
  admin: SignedIn;
  consultant: SignedIn;
  marketer: SignedIn;
}

/** Signs in through POST /sessions with the PIN or password, as the sign-in screen does. */
export async function signIn(app: FastifyInstance, deviceToken: string, staffId: string, secret: string): Promise<SignedIn> {
  const res = await app.inject({
    method: 'POST',
    url: API.sessions,
    headers: { authorization: `Bearer ${deviceToken}` },
    payload: sessionBody(staffId, secret),
  });
  expect(res.statusCode, res.body).toBe(200);
  const session = SessionResponse.parse(res.json());
  return {
    staffId,
    name: session.staff.name,
    headers: { authorization: `Bearer ${deviceToken}`, [SESSION_HEADER]: session.sessionToken },
    signingKey: session.signingKey,
  };
}

let managers = 0;

/** A hall (seedHallFixture) with a manager and an admin of its own, everyone signed in on its device. */
export async function seedManageHall(app: FastifyInstance, database: Database): Promise<ManageHall> {
  const fx = await seedHallFixture(app, database);
  const managerId = uuidv7();
  const adminId = uuidv7();
  managers += 1;
  await insertStaff(database.db, { id: managerId, hallId: fx.hall.id, name: `王经理${managers}`, role: 'manager', active: true, secret: MANAGER_PASSWORD });
  await insertStaff(database.db, { id: adminId, hallId: fx.hall.id, name: `赵管理${managers}`, role: 'admin', active: true, secret: ADMIN_PASSWORD });
  const token = fx.device.token;
  const [manager, admin, consultant, marketer] = await Promise.all([
    signIn(app, token, managerId, MANAGER_PASSWORD),
    signIn(app, token, adminId, ADMIN_PASSWORD),
    signIn(app, token, fx.consultantId, CONSULTANT_PIN),
    signIn(app, token, fx.marketerId, MARKETER_PIN),
  ]);
  return { fx, manager, admin, consultant, marketer };
}

const text = (zh: string, en?: string) => (en === undefined ? { zh } : { zh, en });

/** A draft that passes every publish check; `talk` marks its texts so versions can be told apart. */
export function completeDraft(hallIds: string[], talk = '第一版'): CampaignDraft {
  return {
    campaign: {
      title: text('流量加油包', 'Data top-up'),
      offerCode: 'DATA-10',
      category: 'vas',
      startDate: '2026-01-01',
      endDate: '2099-12-31',
      focus: false,
      segmentNote: null,
    },
    hallIds,
    talkTrack: {
      elements: {
        name: text('流量加油包10元'),
        price: text('10元/月，按月收取'),
        content: text('每月国内流量5GB'),
        eligibility: text('本网手机用户'),
        validity: text('办理后立即生效，当月有效'),
        cancel: text('发送短信TD到10086退订'),
        restrictions: text('不可结转，不含港澳台'),
      },
      opening: text(`您好（${talk}）`, 'Hello'),
      pitch: text(`推荐流量包（${talk}）`),
      objections: [{ question: text('贵吗？'), answer: text('每天不到三毛钱') }],
      closing: text('谢谢'),
    },
  };
}

/** The manager-page API as one person sees it: each call answers the raw inject response. */
export function manageApi(app: FastifyInstance, who: SignedIn) {
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
  const at = (template: string, campaignId: string) => fillPath(template, { campaignId });
  return {
    list: () => req('GET', API.manageCampaigns),
    create: (draft: unknown) => req('POST', API.manageCampaigns, { draft }),
    detail: (id: string) => req('GET', at(API.manageCampaign, id)),
    save: (id: string, expectedEditVersion: number, draft: unknown) =>
      req('PUT', at(API.manageCampaignDraft, id), { expectedEditVersion, draft }),
    publish: (id: string, expectedEditVersion: number) => req('POST', at(API.manageCampaignPublish, id), { expectedEditVersion }),
    retire: (id: string, expectedEditVersion: number) => req('POST', at(API.manageCampaignRetire, id), { expectedEditVersion }),
    duplicate: (id: string) => req('POST', at(API.manageCampaignDuplicate, id), {}),
    version: (id: string, versionId: string) => req('GET', fillPath(API.manageCampaignVersion, { campaignId: id, versionId })),
    exportFile: (ids?: string[]) => req('GET', ids === undefined ? API.manageCampaignExport : `${API.manageCampaignExport}?ids=${ids.join(',')}`),
    importFile: (fileText: string, hallIds: string[]) => req('POST', API.manageCampaignImport, { fileText, hallIds }),
    audit: (query = '') => req('GET', `${API.manageAudit}${query}`),
  };
}

export type ManageApi = ReturnType<typeof manageApi>;

/** The campaign of a successful create/save/publish/retire/duplicate, checking the status code. */
export function writtenCampaign(res: LightMyRequestResponse, status = 200): ManagedCampaign {
  expect(res.statusCode, res.body).toBe(status);
  return CampaignWriteResponse.parse(res.json()).campaign;
}

/** Creates and publishes a complete campaign; answers it as published. */
export async function publishedCampaign(api: ManageApi, draft: CampaignDraft): Promise<ManagedCampaign> {
  const created = writtenCampaign(await api.create(draft), 201);
  return writtenCampaign(await api.publish(created.id, created.editVersion));
}

export async function pull(app: FastifyInstance, deviceToken: string, since?: string): Promise<PullResponse> {
  const res = await app.inject({
    method: 'GET',
    url: since === undefined ? API.pull : `${API.pull}?since=${since}`,
    headers: { authorization: `Bearer ${deviceToken}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return PullResponse.parse(res.json());
}

export async function countCampaigns(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('campaigns')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
