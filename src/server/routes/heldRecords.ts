import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import {
  HeldDecisionRequest,
  HeldDecisionResponse,
  HeldRecordListResponse,
  HeldRecordsQuery,
} from '../../shared/schemas/heldRecords.ts';
import { HeldRecordParams } from '../../shared/schemas/params.ts';
import { hallsInView } from '../access/hallScope.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import { listHeldRecords } from '../repos/heldRecords.ts';
import { acceptHeldRecord, discardHeldRecord } from '../sync/heldDecisions.ts';
import { parseInput } from '../validate.ts';

/** Records the server held back, for a manager (own hall) or admin (any hall): list, accept, discard. */
export async function heldRecordRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db, engine } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];

  app.get(API.adminHeldRecords, { onRequest }, async (request): Promise<HeldRecordListResponse> => {
    const actor = requireActor(request);
    const query = parseInput(HeldRecordsQuery, request.query, 'query');
    const halls = await hallsInView(db, actor, query.hallId);
    // Every hall for an admin without hallId: no filter, so a held record of a since-removed hall shows too.
    const hallIds = actor.role === 'admin' && query.hallId === undefined ? undefined : halls.map((h) => h.id);
    return HeldRecordListResponse.parse({ records: await listHeldRecords(db, { hallIds, status: query.status ?? 'held' }) });
  });

  app.post(API.adminHeldRecordAccept, { onRequest }, async (request): Promise<HeldDecisionResponse> => {
    const actor = requireActor(request);
    const { heldId } = parseInput(HeldRecordParams, request.params, 'path');
    const body = parseInput(HeldDecisionRequest, request.body, 'request body');
    return HeldDecisionResponse.parse({ record: await acceptHeldRecord(db, engine, actor, heldId, body.note) });
  });

  app.post(API.adminHeldRecordDiscard, { onRequest }, async (request): Promise<HeldDecisionResponse> => {
    const actor = requireActor(request);
    const { heldId } = parseInput(HeldRecordParams, request.params, 'path');
    const body = parseInput(HeldDecisionRequest, request.body, 'request body');
    return HeldDecisionResponse.parse({ record: await discardHeldRecord(db, engine, actor, heldId, body.note) });
  });
}
