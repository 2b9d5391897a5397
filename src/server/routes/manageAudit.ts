import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { AuditQuery, AuditResponse } from '../../shared/schemas/manage.ts';
import { ADMINS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { manageAuth } from '../manage/actor.ts';
import { listAudit } from '../repos/auditLog.ts';
import { parseInput } from '../validate.ts';

/** Admins only: the log names people and halls across the whole deployment. */
export async function manageAuditRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, ADMINS)];

  app.get(API.manageAudit, { onRequest }, async (request): Promise<AuditResponse> => {
    const query = parseInput(AuditQuery, request.query, 'query');
    return AuditResponse.parse({ entries: await listAudit(db, query) });
  });
}
