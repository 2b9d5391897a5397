import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { RosterImportRequest, RosterImportResponse } from '../../shared/schemas/people.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import { importRoster } from '../people/rosterImport.ts';
import { parseInput } from '../validate.ts';

/** The base64 of a 700 KB file, with room for the JSON around it. */
export const ROSTER_BODY_LIMIT = 1_100_000;

/** A manager (own hall) or admin (any) uploads a hall's roster as CSV or XLSX. */
export async function rosterImportRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];

  app.post(API.adminRosterImport, { onRequest, bodyLimit: ROSTER_BODY_LIMIT }, async (request, reply) => {
    const body = parseInput(RosterImportRequest, request.body);
    const result = RosterImportResponse.parse(await importRoster(db, requireActor(request), body));
    return reply.code(result.dryRun ? 200 : 201).send(result);
  });
}
