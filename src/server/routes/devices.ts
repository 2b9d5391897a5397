import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { EnrolRequest, type EnrolResponse } from '../../shared/schemas/auth.ts';
import { createDevice } from '../auth/newDevice.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import { checkEnrolmentCode, consumeEnrolmentCode } from '../repos/enrolmentCodes.ts';
import { getHall, hallIsActive } from '../repos/halls.ts';
import { parseInput } from '../validate.ts';

const ASK = 'ask the manager for a new enrolment code';

/**
 * A code is a one-time credential: not known or expired is 401 (the credential does not work);
 * already used is 409 (it worked once, for another device, and never will again).
 */
function codeRefused(reason: 'unknown' | 'expired' | 'used'): HttpError {
  switch (reason) {
    case 'unknown':
      return new HttpError(401, 'unknown_code', `this enrolment code is not known; check it was typed correctly, or ${ASK}`);
    case 'expired':
      return new HttpError(401, 'code_expired', `this enrolment code has expired; ${ASK}`);
    case 'used':
      return new HttpError(409, 'code_used', `this enrolment code was already used by another device; ${ASK}`);
  }
}

export async function deviceRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  app.post(API.enrol, async (request): Promise<EnrolResponse> => {
    const body = parseInput(EnrolRequest, request.body);
    const now = new Date();
    const check = await checkEnrolmentCode(db, body.code, now);
    if (!check.ok) throw codeRefused(check.reason);
    if ((await hallIsActive(db, check.hallId)) === false) {
      const hall = (await getHall(db, check.hallId))?.name.zh ?? check.hallId;
      throw new HttpError(409, 'hall_inactive', 'the hall of this enrolment code has been deactivated; ask an admin which hall this device belongs to now', {
        hall,
      });
    }
    const { deviceId, deviceToken } = await db.transaction().execute(async (trx) => {
      // The tablet's own name, else the one the manager gave the code ("柜台 3").
      const label = body.label !== undefined && body.label !== '' ? body.label : check.deviceName;
      const device = await createDevice(trx, { hallId: check.hallId, label });
      // Two tablets racing with one code: the loser's device row rolls back with this error.
      if (!(await consumeEnrolmentCode(trx, body.code, device.deviceId, now))) throw codeRefused('used');
      return device;
    });
    const hall = await getHall(db, check.hallId);
    if (hall === undefined) throw new Error(`hall ${check.hallId} of an enrolment code is missing`);
    return { deviceId, deviceToken, hall };
  });
}
