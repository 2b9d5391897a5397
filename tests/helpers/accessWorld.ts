import type { InjectOptions } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { CAMPAIGN_FILE_FORMAT } from '../../src/shared/campaignFile.ts';
import type { StaffRole } from '../../src/shared/schemas/reference.ts';
import { issueEnrolmentCode } from '../../src/server/repos/enrolmentCodes.ts';
import { issuePasswordCode } from '../../src/server/repos/passwordCodes.ts';
import { createStaffSession } from '../../src/server/repos/sessions.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import type { ApiContext } from './apiApp.ts';
import { ackedSeq, CONSULTANT_PIN, type DeviceFixture, enrolDevice, insertTestDevice, makeVisit, push, signEntries } from './apiFixtures.ts';
import { adminApi, DAY_MS, expireSession, lastUsed } from './deviceFixtures.ts';
import {
  ADMIN_PASSWORD,
  completeDraft,
  type ManageHall,
  manageApi,
  MANAGER_PASSWORD,
  MARKETER_PIN,
  publishedCampaign,
  seedManageHall,
  signIn,
  writtenCampaign,
} from './manageFixtures.ts';

/**
 * The callers of the access matrix: a signed-in person of each role on a tablet of their own hall,
 * and the ways identity fails (no device token, a revoked or expired device, no or an expired
 * staff session, each tried by an admin, who would otherwise be let in everywhere).
 */

export const ROLES = ['consultant', 'floor_marketer', 'manager', 'admin'] as const satisfies readonly StaffRole[];
export const IDENTITY_FAILURES = ['no_device', 'revoked_device', 'expired_device', 'no_session', 'expired_session'] as const;
export type Role = (typeof ROLES)[number];
export type IdentityFailure = (typeof IDENTITY_FAILURES)[number];
export type Case = Role | IdentityFailure;
export const CASES: readonly Case[] = [...ROLES, ...IDENTITY_FAILURES];
/** Whose hall the request is about: the caller's own, or another one. */
export type Where = 'own' | 'other';

/** The error code each failed identity is answered with (on routes that need that identity). */
export const IDENTITY_ERRORS: Record<IdentityFailure, string> = {
  no_device: 'unauthorized',
  revoked_device: 'device_revoked',
  expired_device: 'device_expired',
  no_session: 'unauthorized',
  expired_session: 'session_expired',
};

export interface Caller {
  headers: Record<string, string>;
  /** The tablet it calls from; null without a device token. */
  device: DeviceFixture | null;
  /** The person, and their PIN or password (the sign-in route signs them in). */
  staffId: string;
  secret: string;
  role: Role;
}

export interface World {
  ctx: ApiContext;
  own: ManageHall;
  other: ManageHall;
  callers: Record<Case, Caller>;
  /** Which of a hall's people has this role, and their PIN or password. */
  person(hall: ManageHall, role: Role): { staffId: string; secret: string };
}

const SECRETS: Record<Role, string> = { consultant: CONSULTANT_PIN, floor_marketer: MARKETER_PIN, manager: MANAGER_PASSWORD, admin: ADMIN_PASSWORD };

function person(hall: ManageHall, role: Role): { staffId: string; secret: string } {
  const staffId = { consultant: hall.fx.consultantId, floor_marketer: hall.fx.marketerId, manager: hall.manager.staffId, admin: hall.admin.staffId }[role];
  return { staffId, secret: SECRETS[role] };
}

/** Two halls, everyone signed in, and a tablet of the own hall for each failed identity. */
export async function buildWorld(ctx: ApiContext): Promise<World> {
  const { app, database } = ctx;
  const own = await seedManageHall(app, database);
  const other = await seedManageHall(app, database);
  const admin = person(own, 'admin');
  const onDevice = async (device: DeviceFixture) => ({ device, signedIn: await signIn(app, device.token, admin.staffId, admin.secret) });

  const revoked = await onDevice(await enrolDevice(app, database, own.fx.hall.id));
  const revokedRes = await adminApi(app, own.manager).revoke(revoked.device.id);
  if (revokedRes.statusCode !== 200) throw new Error(`revoking the matrix's revoked device failed: ${revokedRes.body}`);
  const expired = await onDevice(await enrolDevice(app, database, own.fx.hall.id));
  await lastUsed(database, expired.device.id, 365 * DAY_MS);
  const expiredSession = await signIn(app, own.fx.device.token, admin.staffId, admin.secret);
  await expireSession(database, expiredSession.headers[SESSION_HEADER]!);

  const signedIn = { consultant: own.consultant, floor_marketer: own.marketer, manager: own.manager, admin: own.admin };
  const asAdmin = { ...admin, role: 'admin' as const };
  const callers: Record<Case, Caller> = {
    ...(Object.fromEntries(
      ROLES.map((role) => [role, { headers: signedIn[role].headers, device: own.fx.device, ...person(own, role), role }]),
    ) as Record<Role, Caller>),
    // The session token alone, without the device token it was issued on.
    no_device: { headers: { [SESSION_HEADER]: own.admin.headers[SESSION_HEADER]! }, device: null, ...asAdmin },
    revoked_device: { headers: revoked.signedIn.headers, device: revoked.device, ...asAdmin },
    expired_device: { headers: expired.signedIn.headers, device: expired.device, ...asAdmin },
    no_session: { headers: { authorization: `Bearer ${own.fx.device.token}` }, device: own.fx.device, ...asAdmin },
    expired_session: { headers: expiredSession.headers, device: own.fx.device, ...asAdmin },
  };
  return { ctx, own, other, callers, person };
}

export type Request = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

let rosters = 0;

/** Fresh things for one request to act on, made as the target hall's own manager. */
export function prepare(w: World) {
  const { app, database } = w.ctx;
  const shared = new Map<string, Promise<{ id: string; editVersion: number; versionId: string | null }>>();
  /** A request that must be refused changes nothing, so those of one route share what they act on. */
  const once = (key: string, make: () => Promise<{ id: string; editVersion: number; versionId: string | null }>, reuse: boolean) => {
    if (!reuse) return make();
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key)!;
  };
  return {
    /** A published campaign of the hall (its current version and edit version); `reuse` for one nobody changes. */
    campaign(hall: ManageHall, reuse = false) {
      return once(`published ${hall.fx.hall.id}`, async () => {
        const c = await publishedCampaign(manageApi(app, hall.manager), completeDraft([hall.fx.hall.id]));
        return { id: c.id, editVersion: c.editVersion, versionId: c.currentVersionId };
      }, reuse);
    },
    /** A campaign with an unpublished complete draft: what publish acts on. */
    draftCampaign(hall: ManageHall, reuse = false) {
      return once(`draft ${hall.fx.hall.id}`, async () => {
        const c = writtenCampaign(await manageApi(app, hall.manager).create(completeDraft([hall.fx.hall.id])), 201);
        return { id: c.id, editVersion: c.editVersion, versionId: null };
      }, reuse);
    },
    importFile(): string {
      const { campaign, talkTrack } = completeDraft([]);
      return JSON.stringify({ format: CAMPAIGN_FILE_FORMAT, formatVersion: 1, exportedAt: new Date().toISOString(), campaigns: [{ campaign, talkTrack }] });
    },
    async enrolmentCode(hall: ManageHall): Promise<string> {
      return (await issueEnrolmentCode(database.db, { hallId: hall.fx.hall.id })).code;
    },
    /** A pending enrolment code of the hall, by id: what cancelling acts on. */
    async pendingCodeId(hall: ManageHall): Promise<string> {
      return (await issueEnrolmentCode(database.db, { hallId: hall.fx.hall.id, deviceName: 'matrix' })).id;
    },
    /** A tablet nobody uses: what a revoke acts on. */
    spareDevice: (hall: ManageHall) => insertTestDevice(database, hall.fx.hall.id),
    /**
     * A live session, on this device, of a person of the hall nobody else in the matrix is: what
     * revoking sessions and signing out act on.
     */
    async spareSession(hall: ManageHall, deviceId = hall.fx.device.id) {
      const staffId = uuidv7();
      await insertStaff(database.db, { id: staffId, hallId: hall.fx.hall.id, name: '临时工', role: 'consultant', active: true, secret: null });
      const session = await createStaffSession(database.db, { staffId, deviceId, now: new Date() });
      return { staffId, token: session.token };
    },
    /** A person of the hall nobody else in the matrix is: what the people routes act on. */
    async sparePerson(hall: ManageHall, role: StaffRole = 'consultant', active = true): Promise<string> {
      const staffId = uuidv7();
      await insertStaff(database.db, { id: staffId, hallId: hall.fx.hall.id, name: '备用员工', role, active, secret: null });
      return staffId;
    },
    /** A set-password code of a new manager of the hall. */
    async passwordCode(hall: ManageHall): Promise<string> {
      const staffId = await this.sparePerson(hall, 'manager');
      return (await issuePasswordCode(database.db, { staffId, createdBy: null })).code;
    },
    /** A roster file of one person, its staff number (and so the file) never seen before. */
    rosterFile(): string {
      rosters += 1;
      return Buffer.from(`姓名,工号,角色\n矩阵${rosters},M${Date.now().toString(36)}${rosters},营业员\n`).toString('base64');
    },
    /** One new visit of the hall, as the next entry of the caller's tablet. */
    async pushBody(caller: Caller, hall: ManageHall) {
      const device = caller.device ?? w.own.fx.device;
      const seq = (await ackedSeq(database, device.id)) + 1;
      const record = makeVisit(hall.fx, { deviceId: device.id });
      return { entries: await signEntries(database, [{ seq, record }]), outbox: { pending: 1, lastSeq: seq } };
    },
    /** A visit of the hall dated 30 days back, pushed signed from a tablet of its own and held: what a decision acts on. */
    async heldRecord(hall: ManageHall): Promise<string> {
      const device = await insertTestDevice(database, hall.fx.hall.id);
      const record = makeVisit(hall.fx, { deviceId: device.id, openedAt: new Date(Date.now() - 30 * DAY_MS).toISOString() });
      const res = await push(app, device.token, { entries: [{ seq: 1, record }] });
      if (res.statusCode !== 200) throw new Error(`pushing a record to hold failed: ${res.body}`);
      const row = await database.db.selectFrom('held_records').select('id').where('device_id', '=', device.id).executeTakeFirstOrThrow();
      return row.id;
    },
  };
}
