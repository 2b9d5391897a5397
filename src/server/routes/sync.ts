import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { PullQuery, type PullResponse, PushRequest, type PushResponse } from '../../shared/schemas/sync.ts';
import { reportLostRecords } from '../access/lostOffer.ts';
import { deviceAuth, requireDevice } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { applyPush } from '../sync/applyPush.ts';
import { buildPull } from '../sync/buildPull.ts';
import { parseInput } from '../validate.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** How old a record's device time may be on arrival (buildApp sets it; CLOCK_WINDOW_DAYS). */
    clockWindowMs: number;
    /** When a push is received (buildApp sets it). */
    pushClock: () => Date;
  }
}

/** 500 entries of a few hundred bytes each fit with room to spare. */
export const PUSH_BODY_LIMIT = 2 * 1024 * 1024;

export async function syncRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { database } = opts;
  const onRequest = deviceAuth(database.db);
  // A revoked or expired device's push is still refused (401), but what it offered is noted first.
  const pushAuth = deviceAuth(database.db, { onRefused: reportLostRecords(database, PUSH_BODY_LIMIT) });

  app.post(API.push, { onRequest: pushAuth, bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const device = requireDevice(request);
    // A record with a NUL is refused alone, in applyPush: one bad record never refuses the batch.
    const body = parseInput(PushRequest, request.body, 'request body', { nulCheckedLater: true });
    return applyPush(database, { id: device.id, hallId: device.hall_id }, body, { clockWindowMs: app.clockWindowMs, now: app.pushClock() });
  });

  app.get(API.pull, { onRequest }, async (request): Promise<PullResponse> => {
    const device = requireDevice(request);
    const query = parseInput(PullQuery, request.query, 'query');
    return buildPull(database, { hallId: device.hall_id, ackedSeq: device.acked_seq }, query.since);
  });
}
