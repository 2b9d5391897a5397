import { render, type RenderResult } from '@testing-library/preact';
import { type Mock, vi } from 'vitest';
import type { z } from 'zod';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import type { LocalizedText } from '../../src/shared/schemas/common.ts';
import { importSigningKey, SIGNING_KEY_BYTES, toBase64Url } from '../../src/shared/recordSignature.ts';
import type { SigningKey } from '../../src/shared/schemas/auth.ts';
import type { Campaign, Hall, StaffMember, TalkTrackVersion } from '../../src/shared/schemas/reference.ts';
import { wrapSigningKey } from '../../src/client/auth/signingKeyStore.ts';
import { type ApiClient, NetworkFailure, type RequestOptions } from '../../src/client/api/http.ts';
import { App } from '../../src/client/app/App.tsx';
import type { Services } from '../../src/client/app/services.ts';
import { ServicesProvider } from '../../src/client/app/ServicesContext.tsx';
import { type UpdateOffer, UpdateOfferContext } from '../../src/client/app/UpdateOfferContext.tsx';
import { INITIAL_SYNC_STATE, TalktrackDb, writeMeta } from '../../src/client/db/db.ts';
import type { SyncOutcome } from '../../src/client/sync/engine.ts';
import type { SyncScheduler } from '../../src/client/sync/scheduler.ts';
import { useComposerStore } from '../../src/client/state/composerStore.ts';
import { useLangStore } from '../../src/client/state/langStore.ts';
import { useUiStore } from '../../src/client/state/uiStore.ts';

/** Builders for the UI tests: a fresh database per test, seeded by helpers, and an API with no network. */

export const id = (): string => crypto.randomUUID();

export const zh = (text: string, en?: string): LocalizedText => (en === undefined ? { zh: text } : { zh: text, en });

export function makeDb(): TalktrackDb {
  return new TalktrackDb(`talktrack-ui-${id()}`);
}

/** A signing key as the server issues one at an online sign-in. */
export function makeSigningKey(): SigningKey {
  return { id: id(), secret: toBase64Url(crypto.getRandomValues(new Uint8Array(SIGNING_KEY_BYTES))) };
}

/**
 * What an online sign-in leaves on the tablet for offline ones: the person's signing key wrapped
 * under their PIN (few iterations, to keep tests quick).
 */
export async function keyOnTablet(db: TalktrackDb, staffId: string, pin: string, iterations = 1_000): Promise<SigningKey> {
  const key = makeSigningKey();
  await db.signingKeys.put(await wrapSigningKey(staffId, pin, key, new Date(), iterations));
  return key;
}

export function makeHall(overrides: Partial<Hall> = {}): Hall {
  return { id: id(), name: zh('人民路营业厅', 'Renmin Road Hall'), timeZone: 'Asia/Shanghai', ...overrides };
}

export function makeStaff(hallId: string, overrides: Partial<StaffMember> = {}): StaffMember {
  return { id: id(), hallId, name: '王芳', role: 'consultant', active: true, ...overrides };
}

export function makeCampaign(hallId: string, overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: id(),
    hallIds: [hallId],
    title: zh('5G 畅享套餐', '5G unlimited plan'),
    offerCode: 'C-' + Math.random().toString(36).slice(2, 8),
    category: 'voice_data',
    startDate: '2020-01-01',
    endDate: '2099-12-31',
    focus: false,
    segmentNote: null,
    status: 'published',
    currentVersionId: null,
    ...overrides,
  };
}

export function makeTalkTrack(campaignId: string, overrides: Partial<TalkTrackVersion> = {}): TalkTrackVersion {
  const elements = Object.fromEntries(
    MUST_SAY_KEYS.map((k) => [k, zh(`${k} 的中文说明`, `${k} in English`)]),
  ) as TalkTrackVersion['elements'];
  return {
    id: id(),
    campaignId,
    version: 1,
    elements,
    opening: zh('您好,欢迎光临。', 'Hello, welcome.'),
    pitch: zh('这个套餐每月只要 59 元。\n流量多一倍。', 'This plan is only 59 a month.\nTwice the data.'),
    objections: [{ question: zh('太贵了?', 'Too expensive?'), answer: zh('算下来每天不到两元。', 'Less than 2 a day.') }],
    closing: zh('现在就帮您办理吧?', 'Shall I set it up now?'),
    publishedAt: '2025-01-01T00:00:00+08:00',
    publishedBy: null,
    ...overrides,
  };
}

/** A campaign with its current talk-track version, linked both ways. */
export function makeActiveCampaign(
  hallId: string,
  campaign: Partial<Campaign> = {},
  track: Partial<TalkTrackVersion> = {},
): { campaign: Campaign; talkTrack: TalkTrackVersion } {
  const c = makeCampaign(hallId, campaign);
  const talkTrack = makeTalkTrack(c.id, track);
  return { campaign: { ...c, currentVersionId: talkTrack.id }, talkTrack };
}

export interface Seed {
  hall: Hall;
  deviceId: string;
  staff: StaffMember[];
  campaigns: { campaign: Campaign; talkTrack: TalkTrackVersion }[];
  signedInStaffId?: string;
}

export async function seed(db: TalktrackDb, s: Seed): Promise<void> {
  await writeMeta(db, 'enrolment', { deviceId: s.deviceId, deviceToken: 'device-token', hall: s.hall, enrolledAt: new Date().toISOString() });
  await writeMeta(db, 'sync', INITIAL_SYNC_STATE);
  await db.staff.bulkPut(s.staff);
  await db.campaigns.bulkPut(s.campaigns.map((c) => c.campaign));
  await db.talkTracks.bulkPut(s.campaigns.map((c) => c.talkTrack));
  if (s.signedInStaffId) {
    const key = makeSigningKey();
    await writeMeta(db, 'signedIn', {
      staffId: s.signedInStaffId,
      signedInAt: new Date().toISOString(),
      sessionToken: null,
      signingKey: { id: key.id, key: await importSigningKey(key.secret) },
    });
  }
}

/** An API answering through `handler`; by default every request fails as if the tablet were offline. */
export type ApiHandler = (path: string, options: RequestOptions) => unknown;

export function fakeApi(handler: ApiHandler = () => Promise.reject(new NetworkFailure('offline (test)'))): ApiClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async request<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
      calls.push(path);
      return schema.parse(await handler(path, options));
    },
    async requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
      calls.push(path);
      await handler(path, options);
    },
    async requestFile(path: string, options: RequestOptions = {}) {
      calls.push(path);
      return { blob: new Blob([JSON.stringify(await handler(path, options))]), fileName: null };
    },
  };
}

export type FakeSync = SyncScheduler & { recordWritten: Mock<() => void>; syncNow: Mock<() => Promise<SyncOutcome>> };

/** A scheduler that never touches the network: tests check that the UI asked for a sync. */
export function fakeSync(): FakeSync {
  return {
    start: () => undefined,
    stop: () => undefined,
    recordWritten: vi.fn<() => void>(),
    syncNow: vi.fn<() => Promise<SyncOutcome>>(async () => ({ kind: 'done', pushed: 0, rejected: 0 })),
  };
}

/** UI state is module-level (zustand): put it back to its defaults between tests. */
export function resetUiState(): void {
  localStorage.clear();
  useLangStore.setState({ lang: 'zh-CN' });
  useComposerStore.setState({ selectedCampaignId: null, drafts: {} });
  useUiStore.setState({ persistence: null, persistenceDismissed: false, storeError: null, toast: null, syncing: false });
}

export function renderApp(services: Services, update: UpdateOffer = { waiting: false, apply: () => undefined }): RenderResult {
  return render(
    <UpdateOfferContext.Provider value={update}>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </UpdateOfferContext.Provider>,
  );
}

/** A hall with one signed-in consultant (PIN 1234) and the given campaigns, rendered at the counter. */
export async function counterFixture(
  campaigns: { campaign: Partial<Campaign>; track?: Partial<TalkTrackVersion> }[] = [{ campaign: {} }],
  update?: UpdateOffer,
) {
  const db = makeDb();
  const hall = makeHall();
  const me = makeStaff(hall.id, { name: '王芳' });
  const active = campaigns.map((c) => makeActiveCampaign(hall.id, c.campaign, c.track));
  const deviceId = id();
  await seed(db, { hall, deviceId, staff: [me], campaigns: active, signedInStaffId: me.id });
  await keyOnTablet(db, me.id, '1234');
  const services: Services & { sync: FakeSync } = { db, api: fakeApi(), sync: fakeSync() };
  const view = renderApp(services, update);
  return { db, hall, me, campaigns: active, deviceId, services, view };
}
