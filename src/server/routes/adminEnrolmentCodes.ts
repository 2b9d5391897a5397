import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { HallQuery } from '../../shared/schemas/devices.ts';
import { EnrolmentCodeListResponse, EnrolmentCodeRequest, EnrolmentCodeResponse } from '../../shared/schemas/people.ts';
import { EnrolmentCodeParams } from '../../shared/schemas/params.ts';
import type { Hall } from '../../shared/schemas/reference.ts';
import { requireActiveHall, requireHall } from '../access/activeHall.ts';
import { assertMayManageHall, hallsInView, isAdmin } from '../access/hallScope.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import { type ManageActor, manageAuth, requireActor } from '../manage/actor.ts';
import { insertAccessAudit } from '../repos/accessAudit.ts';
import { cancelEnrolmentCode, getEnrolmentCode, isPending, issueEnrolmentCode, listPendingEnrolmentCodes } from '../repos/enrolmentCodes.ts';
import { hallFromRow } from '../repos/halls.ts';
import { parseInput } from '../validate.ts';


/**
 * The hall a new code is for. A manager's own (another: 403); an admin names it, because an admin
 * looks after every hall and a tablet enrolled into the admin's own hall by default would land in
 * the wrong one without anyone noticing.
 */
async function hallOfNewCode(database: Database, actor: ManageActor, hallId: string | undefined): Promise<Hall> {
  if (!isAdmin(actor)) {
    assertMayManageHall(actor, hallId ?? actor.hallId, 'issue enrolment codes');
    return actor.hall;
  }
  if (hallId === undefined) throw new HttpError(400, 'hall_required', 'an admin names the hall the device will belong to (hallId); choose a hall and issue the code again');
  return hallFromRow(await requireHall(database.db, hallId));
}

/**
 * Enrolment codes from the devices page: a manager (own hall) or admin (any hall) issues a
 * single-use code valid 24 hours, carrying the name the tablet will get; lists the pending ones;
 * cancels one. The code is in the issuing answer only; the database and the audit keep no trace of it.
 */
export async function adminEnrolmentCodeRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { database } = opts;
  const { db } = database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];

  app.get(API.adminEnrolmentCodes, { onRequest }, async (request): Promise<EnrolmentCodeListResponse> => {
    const actor = requireActor(request);
    const query = parseInput(HallQuery, request.query, 'query');
    const halls = await hallsInView(db, actor, query.hallId);
    const codes = await listPendingEnrolmentCodes(db, halls.map((h) => h.id), new Date());
    return EnrolmentCodeListResponse.parse({ codes, halls });
  });

  app.post(API.adminEnrolmentCodes, { onRequest }, async (request, reply): Promise<EnrolmentCodeResponse> => {
    const actor = requireActor(request);
    const body = parseInput(EnrolmentCodeRequest, request.body);
    const hall = await hallOfNewCode(database, actor, body.hallId);
    const now = new Date();
    const issued = await db.transaction().execute(async (trx) => {
      await requireActiveHall(trx, hall.id);
      const code = await issueEnrolmentCode(trx, { hallId: hall.id, deviceName: body.deviceName, createdBy: actor.staffId, now });
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'issue_enrolment_code',
        hallId: hall.id,
        targetId: code.id,
        summary: `issued an enrolment code for device "${body.deviceName}", valid until ${code.expiresAt}`,
        details: { deviceName: body.deviceName, expiresAt: code.expiresAt },
      });
      return code;
    });
    reply.code(201);
    return EnrolmentCodeResponse.parse({ code: { ...issued, createdBy: { id: actor.staffId, name: actor.name } } });
  });

  app.delete(API.adminEnrolmentCode, { onRequest }, async (request, reply) => {
    const actor = requireActor(request);
    const { codeId } = parseInput(EnrolmentCodeParams, request.params, 'path');
    const notPending = () =>
      new HttpError(404, 'not_found', `there is no pending enrolment code ${codeId} (it was used, cancelled or has expired); reload the list`);
    const row = await getEnrolmentCode(db, codeId);
    if (row === undefined) throw notPending();
    assertMayManageHall(actor, row.hall_id, 'cancel the enrolment codes');
    const now = new Date();
    if (!isPending(row, now)) throw notPending();
    await db.transaction().execute(async (trx) => {
      // A tablet may use the code at this very moment: then it is not pending any more.
      if (!(await cancelEnrolmentCode(trx, codeId, now))) throw notPending();
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'cancel_enrolment_code',
        hallId: row.hall_id,
        targetId: codeId,
        summary: `cancelled the enrolment code ${row.device_name === null ? 'for an unnamed device' : `for device "${row.device_name}"`} issued at ${row.created_at}`,
        details: { deviceName: row.device_name, createdAt: row.created_at },
      });
    });
    return reply.code(204).send();
  });
}
