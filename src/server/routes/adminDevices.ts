import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { DeviceListResponse, HallQuery, LostRecordsResponse, RevokeDeviceResponse } from '../../shared/schemas/devices.ts';
import { DeviceParams } from '../../shared/schemas/params.ts';
import { deviceSummaries, lostRecordReports } from '../access/deviceSummaries.ts';
import { assertMayManageHall, hallsInView } from '../access/hallScope.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth, requireDevice } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import { insertAccessAudit } from '../repos/accessAudit.ts';
import { getDevice, listDevices, revokeDevice } from '../repos/devices.ts';
import { revokeSigningKeys } from '../repos/signingKeys.ts';
import { parseInput } from '../validate.ts';

/**
 * The hall's devices for a manager (own hall) or admin (any): list them, revoke a lost one, and
 * read what revoked or expired devices offered that the server never stored.
 */
export async function adminDeviceRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];
  const context = (thisDeviceId: string) => ({ ttlMs: app.deviceTokenTtlMs, now: new Date(), thisDeviceId });

  app.get(API.adminDevices, { onRequest }, async (request): Promise<DeviceListResponse> => {
    const actor = requireActor(request);
    const query = parseInput(HallQuery, request.query, 'query');
    const halls = await hallsInView(db, actor, query.hallId);
    const rows = await listDevices(db, halls.map((h) => h.id));
    return DeviceListResponse.parse({ devices: await deviceSummaries(db, rows, context(requireDevice(request).id)), halls });
  });

  app.post(API.adminDeviceRevoke, { onRequest }, async (request): Promise<RevokeDeviceResponse> => {
    const actor = requireActor(request);
    const current = requireDevice(request);
    const { deviceId } = parseInput(DeviceParams, request.params, 'path');
    const device = await getDevice(db, deviceId);
    if (device === undefined) throw new HttpError(404, 'not_found', `there is no device ${deviceId}; reload the device list`);
    assertMayManageHall(actor, device.hall_id, 'revoke the devices');
    if (device.id === current.id) {
      throw new HttpError(409, 'own_device', 'this is the device you are using now; revoke it from another device, so you are not locked out half-way');
    }
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      // Revoking twice changes nothing and is not audited twice.
      if (!(await revokeDevice(trx, device.id, now))) return;
      // Whoever holds the lost tablet cannot sign records on it from now on.
      await revokeSigningKeys(trx, { deviceId: device.id }, now);
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'revoke_device',
        hallId: device.hall_id,
        targetId: device.id,
        summary: `revoked device ${device.label ?? device.id}; the server holds its records up to seq ${device.acked_seq}`,
      });
    });
    const revoked = await getDevice(db, deviceId);
    if (revoked === undefined) throw new Error(`device ${deviceId} vanished right after it was revoked`);
    const [summary] = await deviceSummaries(db, [revoked], context(current.id));
    return RevokeDeviceResponse.parse({ device: summary });
  });

  app.get(API.adminLostRecords, { onRequest }, async (request): Promise<LostRecordsResponse> => {
    const actor = requireActor(request);
    const query = parseInput(HallQuery, request.query, 'query');
    const halls = await hallsInView(db, actor, query.hallId);
    return LostRecordsResponse.parse({ reports: await lostRecordReports(db, halls.map((h) => h.id)), halls });
  });
}
