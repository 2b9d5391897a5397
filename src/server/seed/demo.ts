import type { Kysely } from 'kysely';
import type { Hall, StaffRole } from '../../shared/schemas/reference.ts';
import { verifyPin } from '../auth/pin.ts';
import type { Schema } from '../db/schema.ts';
import { insertCampaign } from '../repos/campaigns.ts';
import { countHalls, insertHall } from '../repos/halls.ts';
import { getStaffRow, insertStaff, pinVerifierOf, setStaffSecret } from '../repos/staff.ts';
import { insertTalkTrackVersion } from '../repos/talkTracks.ts';
import { type DemoCampaign, loadDemoCampaigns } from './demoCampaigns.ts';

/** Fixed ids, so every start finds the same demo hall to issue a code for. */
export const DEMO_HALL: Hall = {
  id: '01a21b6b-0270-7073-8c58-15b6992c977b',
  name: { zh: '中关村营业厅', en: 'Zhongguancun Service Hall' },
  timeZone: 'Asia/Shanghai',
};

export interface DemoStaff {
  id: string;
  name: string;
  /** Pinyin: the English name, and the console line English readers see. */
  latin: string;
  role: StaffRole;
  /** The PIN of a counter role, the password of a manager or admin (credential.ts). */
  secret: string;
}

/** Demo PINs and passwords are printed at every start: this is a demonstration hall, not a real one. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { id: '01a21b6b-0273-746e-aa6e-9ac6575cbf9a', name: '王敏', latin: 'Wang Min', role: 'manager', secret: 'wangmin2026' },
  { id: '01a21b6b-0273-746e-aa6e-9fd06f1e14e1', name: '李娜', latin: 'Li Na', role: 'consultant', secret: '111111' },
  { id: '01a21b6b-0273-746e-aa6e-b982dc7af7a5', name: '张伟', latin: 'Zhang Wei', role: 'consultant', secret: '222222' },
  { id: '01a21b6b-0274-7229-bd4a-1f602c849dad', name: '刘洋', latin: 'Liu Yang', role: 'consultant', secret: '333333' },
  { id: '01a21b6b-0274-7229-bd4a-21d58e383e82', name: '陈静', latin: 'Chen Jing', role: 'floor_marketer', secret: '444444' },
  { id: '01a21b6b-0274-7229-bd4a-2c6e0f8a9d31', name: '赵强', latin: 'Zhao Qiang', role: 'admin', secret: 'zhaoqiang2026' },
];

let demoCampaignsRead: readonly DemoCampaign[] | null = null;

/** The demo campaigns, read from their file on first use (not at import: the hall and staff above are needed without them). */
export function demoCampaigns(): readonly DemoCampaign[] {
  demoCampaignsRead ??= loadDemoCampaigns();
  return demoCampaignsRead;
}

const MANAGER_ID = DEMO_STAFF[0]?.id ?? null;
const PUBLISHED_AT = '2025-12-20T09:00:00+08:00';

/**
 * Seeds the demo hall, its staff and published campaigns with talk-track version 1, all in one
 * transaction: a start that dies half-way leaves no half-seeded hall behind.
 */
export async function seedDemo(db: Kysely<Schema>): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => seedDemo(trx));
  await insertHall(db, DEMO_HALL);
  for (const s of DEMO_STAFF) {
    // Marked as the published secret: the UI shows "Demo" while it still opens the hall.
    await insertStaff(db, { id: s.id, hallId: DEMO_HALL.id, name: s.name, nameEn: s.latin, role: s.role, active: true, secret: s.secret, demoSecret: true });
  }
  for (const demo of demoCampaigns()) {
    await insertCampaign(db, {
      ...demo.campaign,
      hallIds: [DEMO_HALL.id],
      status: 'published',
      currentVersionId: demo.versionId,
    });
    await insertTalkTrackVersion(db, {
      id: demo.versionId,
      campaignId: demo.campaign.id,
      version: 1,
      ...demo.talkTrack,
      publishedAt: PUBLISHED_AT,
      publishedBy: MANAGER_ID,
    });
  }
}

/** Seeds the demo only into an empty database (no hall at all); true when it did. */
export async function ensureDemoData(db: Kysely<Schema>): Promise<boolean> {
  if ((await countHalls(db)) > 0) {
    await refreshDemoPasswords(db);
    return false;
  }
  await seedDemo(db);
  return true;
}

/** The PINs the demo manager and admin had before they signed in with passwords. */
const OLD_DEMO_PINS: Readonly<Record<string, string>> = {
  '01a21b6b-0273-746e-aa6e-9ac6575cbf9a': '909090',
  '01a21b6b-0274-7229-bd4a-2c6e0f8a9d31': '808080',
};

/**
 * A demo hall seeded when managers and admins still signed in with a PIN holds their old demo
 * PINs: the passwords printed at every start must be the ones that work. Only while the old demo
 * PIN still opens the account: a secret someone set since is never overwritten, and the lockout
 * is left as it is.
 */
async function refreshDemoPasswords(db: Kysely<Schema>): Promise<void> {
  for (const demo of DEMO_STAFF) {
    const oldPin = OLD_DEMO_PINS[demo.id];
    if (oldPin === undefined) continue;
    const row = await getStaffRow(db, demo.id);
    if (row === undefined || row.hall_id !== DEMO_HALL.id) continue;
    const verifier = pinVerifierOf(row);
    if (verifier === null || !(await verifyPin(oldPin, verifier))) continue;
    await setStaffSecret(db, demo.id, demo.role, demo.secret, { demo: true });
  }
}
