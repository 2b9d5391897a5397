import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { servedOpenApiDocument } from '../openapi/document.ts';

/** An hour: it changes only with a release, and the ETag makes revalidating cheap. */
const CACHE_CONTROL = 'public, max-age=3600';

/** Public, like the health check: integrators read it before they hold any token. */
export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  app.get(API.openapi, async (request, reply) => {
    const { json, etag } = servedOpenApiDocument();
    reply.header('cache-control', CACHE_CONTROL).header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(json);
  });
}
