import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { HallQuery } from '../../shared/schemas/devices.ts';
import { ACCESS_AUDIT_LIMIT, AccessAuditResponse } from '../../shared/schemas/people.ts';
import { hallsInView } from '../access/hallScope.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import { listAccessAudit } from '../repos/accessAudit.ts';
import { parseInput } from '../validate.ts';

/** Who did what to halls, people, devices and codes: a manager their own hall's, an admin every hall's. */
export async function accessAuditRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];

  app.get(API.adminAccessAudit, { onRequest }, async (request): Promise<AccessAuditResponse> => {
    const query = parseInput(HallQuery, request.query, 'query');
    const halls = await hallsInView(db, requireActor(request), query.hallId);
    const entries = await listAccessAudit(db, halls.map((h) => h.id), ACCESS_AUDIT_LIMIT);
    return AccessAuditResponse.parse({ entries, halls });
  });
}
