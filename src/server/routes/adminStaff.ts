import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { RevokeSessionsResponse } from '../../shared/schemas/devices.ts';
import { StaffParams } from '../../shared/schemas/params.ts';
import { assertMayManageHall } from '../access/hallScope.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { forbidden, HttpError } from '../errors.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import { insertAccessAudit } from '../repos/accessAudit.ts';
import { revokeSessionsOfStaff } from '../repos/sessions.ts';
import { revokeSigningKeys } from '../repos/signingKeys.ts';
import { getStaffRow } from '../repos/staff.ts';
import { parseInput } from '../validate.ts';

/** Ending a person's sessions everywhere (a PIN someone saw, a person leaving): manager of their hall, or admin. */
export async function adminStaffRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];

  app.post(API.adminStaffSessionsRevoke, { onRequest }, async (request): Promise<RevokeSessionsResponse> => {
    const actor = requireActor(request);
    const { staffId } = parseInput(StaffParams, request.params, 'path');
    const staff = await getStaffRow(db, staffId);
    if (staff === undefined) throw new HttpError(404, 'not_found', `there is no staff member ${staffId}; reload the page`);
    assertMayManageHall(actor, staff.hall_id, 'end the sessions of the staff');
    // An admin answers for every hall: only another admin may sign one out.
    if (staff.role === 'admin' && actor.role !== 'admin') throw forbidden('only an admin may end the sessions of an admin');
    const now = new Date();
    const revoked = await db.transaction().execute(async (trx) => {
      const count = await revokeSessionsOfStaff(trx, staffId, now);
      // Signed out everywhere means signing nowhere: the tablets' keys for them end too.
      await revokeSigningKeys(trx, { staffId }, now);
      // Audited even when there was none: someone thought it necessary, and that is worth knowing.
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'revoke_sessions',
        hallId: staff.hall_id,
        targetId: staffId,
        summary: `ended ${count} live ${count === 1 ? 'session' : 'sessions'} of ${staff.name}`,
      });
      return count;
    });
    return RevokeSessionsResponse.parse({ staffId, revoked });
  });
}
