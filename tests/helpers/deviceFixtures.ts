import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { API, fillPath } from '../../src/shared/apiPaths.ts';
import type { Database } from '../../src/server/db/database.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import type { SignedIn } from './manageFixtures.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The device, enrolment-code and session admin routes as one signed-in person calls them. */
export function adminApi(app: FastifyInstance, who: Pick<SignedIn, 'headers'>) {
  const withHall = (path: string, hallId?: string) => (hallId === undefined ? path : `${path}?hallId=${hallId}`);
  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
  return {
    devices: (hallId?: string) => req('GET', withHall(API.adminDevices, hallId)),
    revoke: (deviceId: string) => req('POST', fillPath(API.adminDeviceRevoke, { deviceId })),
    lostRecords: (hallId?: string) => req('GET', withHall(API.adminLostRecords, hallId)),
    revokeSessions: (staffId: string) => req('POST', fillPath(API.adminStaffSessionsRevoke, { staffId })),
    codes: (hallId?: string) => req('GET', withHall(API.adminEnrolmentCodes, hallId)),
    issueCode: (body: { deviceName: string; hallId?: string }) => req('POST', API.adminEnrolmentCodes, body),
    cancelCode: (codeId: string) => req('DELETE', fillPath(API.adminEnrolmentCode, { codeId })),
  };
}

/** Makes a device look unused since `msAgo`: what an expired token is, without waiting half a year. */
export async function lastUsed(database: Database, deviceId: string, msAgo: number): Promise<void> {
  const at = new Date(Date.now() - msAgo).toISOString();
  await database.db.updateTable('devices').set({ last_seen_at: at, created_at: at }).where('id', '=', deviceId).execute();
}

/** Moves a staff session's expiry into the past, as 12 hours of waiting would. */
export async function expireSession(database: Database, sessionToken: string): Promise<void> {
  await database.db
    .updateTable('staff_sessions')
    .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
    .where('token_hash', '=', hashToken(sessionToken))
    .execute();
}

export async function accessAudit(database: Database, targetId: string) {
  return database.db.selectFrom('access_audit').selectAll().where('target_id', '=', targetId).execute();
}

export async function lostReportRows(database: Database, deviceId: string) {
  return database.db.selectFrom('lost_record_reports').selectAll().where('device_id', '=', deviceId).execute();
}
