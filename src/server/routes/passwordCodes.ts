import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { API } from '../../shared/apiPaths.ts';
import { credentialOf } from '../../shared/credential.ts';
import { PasswordCodeRedeemRequest, type PasswordCodeRedeemResponse } from '../../shared/schemas/auth.ts';
import { StaffRole } from '../../shared/schemas/reference.ts';
import { bearerToken } from '../auth/deviceAuth.ts';
import { deviceState } from '../auth/deviceState.ts';
import { createDevice } from '../auth/newDevice.ts';
import { hashPin } from '../auth/pin.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { insertAccessAudit } from '../repos/accessAudit.ts';
import { type DeviceRow, findDeviceByTokenHash } from '../repos/devices.ts';
import { getHall } from '../repos/halls.ts';
import { checkPasswordCode, consumePasswordCode } from '../repos/passwordCodes.ts';
import { getStaffRow, writeStaffSecret } from '../repos/staff.ts';
import { parseInput } from '../validate.ts';

const ASK = 'ask your manager or an admin for a new set-password code';

/** As with enrolment codes: not known (or cancelled) or expired is 401; used is 409. */
function codeRefused(reason: 'unknown' | 'expired' | 'used'): HttpError {
  switch (reason) {
    case 'unknown':
      return new HttpError(401, 'unknown_code', `this set-password code is not known or no longer valid; check it was typed correctly, or ${ASK}`);
    case 'expired':
      return new HttpError(401, 'code_expired', `this set-password code has expired; ${ASK}`);
    case 'used':
      return new HttpError(409, 'code_used', `this set-password code was used already; sign in with the password set with it, or ${ASK}`);
  }
}

/** The device the request comes from, when it carries a working token of this hall; a stale or foreign token is no token. */
async function deviceOfHall(db: Kysely<Schema>, request: FastifyRequest, hallId: string, now: Date): Promise<DeviceRow | null> {
  const token = bearerToken(request);
  if (token === null) return null;
  const device = await findDeviceByTokenHash(db, hashToken(token));
  if (device === undefined || device.hall_id !== hallId) return null;
  return deviceState(device, request.server.deviceTokenTtlMs, now) === 'active' ? device : null;
}

/**
 * A manager or admin sets their own password with the one-time code they were given. Public: the
 * code is the credential (rate-limited per address, like enrolment). A browser that is not yet a
 * device of the person's hall is enrolled in the same step, so they can sign in on it at once.
 */
export async function passwordCodeRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;

  app.post(API.passwordCodeRedeem, async (request): Promise<PasswordCodeRedeemResponse> => {
    const body = parseInput(PasswordCodeRedeemRequest, request.body);
    const now = new Date();
    const check = await checkPasswordCode(db, body.code, now);
    if (!check.ok) throw codeRefused(check.reason);
    const staff = await getStaffRow(db, check.staffId);
    const role = staff === undefined ? undefined : StaffRole.parse(staff.role);
    // A code whose person now signs in with a PIN was cancelled with the role change; this is the same.
    if (staff === undefined || role === undefined || credentialOf(role) !== 'password') throw codeRefused('unknown');
    if (staff.active === 0) throw new HttpError(403, 'staff_inactive', `${staff.name} is deactivated; ask an admin`, { name: staff.name });
    const current = await deviceOfHall(db, request, staff.hall_id, now);
    const verifier = await hashPin(body.password);
    const label = body.deviceName !== undefined && body.deviceName !== '' ? body.deviceName : staff.name;

    const enrolled = await db.transaction().execute(async (trx) => {
      const device = current === null ? await createDevice(trx, { hallId: staff.hall_id, label }) : null;
      // Two browsers racing with one code: the loser's device row rolls back with this error.
      const usedBy = device?.deviceId ?? current?.id ?? null;
      if (!(await consumePasswordCode(trx, { id: check.id, deviceId: usedBy, now }))) throw codeRefused('used');
      await writeStaffSecret(trx, staff.id, verifier, { clearLockout: true });
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor: { staffId: staff.id, name: staff.name, role },
        action: 'redeem_password_code',
        hallId: staff.hall_id,
        targetId: staff.id,
        summary: device === null ? `${staff.name} set their password` : `${staff.name} set their password and enrolled the device ${label}`,
        details: { name: staff.name, deviceId: usedBy, enrolled: device !== null, ...(device === null ? {} : { deviceName: label }) },
      });
      return device;
    });
    const hall = await getHall(db, staff.hall_id);
    if (hall === undefined) throw new Error(`hall ${staff.hall_id} of ${staff.id} is missing`);
    return {
      staff: { id: staff.id, name: staff.name, role, hallId: staff.hall_id },
      enrolment: enrolled === null ? null : { ...enrolled, hall },
    };
  });
}
