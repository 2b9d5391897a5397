import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { API } from '../../shared/apiPaths.ts';
import type { Health } from '../../shared/schemas/auth.ts';
import type { Database } from '../db/database.ts';
import { readSchemaVersion } from '../db/migrate.ts';

/** No auth: load balancers and the device's "server reachable?" check call it. */
export async function healthRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db, engine } = opts.database;
  app.get(API.health, async (_request, reply) => {
    let health: Health;
    try {
      await sql`select 1`.execute(db);
      health = { status: 'ok', engine, schemaVersion: await readSchemaVersion(db), database: true };
    } catch {
      health = { status: 'degraded', engine, schemaVersion: 0, database: false };
    }
    return reply.code(health.database ? 200 : 503).send(health);
  });
}
