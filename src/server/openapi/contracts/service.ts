import { z } from 'zod';
import { API } from '../../../shared/apiPaths.ts';
import { Health } from '../../../shared/schemas/auth.ts';
import { json, PUBLIC, type RouteContract } from '../contract.ts';

/** What GET openapi.json answers, as far as a caller relies on it; the rest is OpenAPI 3.1. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

export const SERVICE: readonly RouteContract[] = [
  {
    method: 'GET',
    path: API.health,
    tag: 'Service',
    summary: 'Whether the server and its database answer',
    description: 'For load balancers and the tablet\'s "server reachable?" check.',
    access: PUBLIC,
    ok: json(200, Health, 'The server and its database answer.'),
    answers: { 503: { description: 'The database does not answer (`status: degraded`).', body: Health } },
  },
  {
    method: 'GET',
    path: API.openapi,
    tag: 'Service',
    summary: 'This description of every route (OpenAPI 3.1)',
    description: 'Built from the zod schemas the routes parse and answer with. Cached for an hour; revalidate with If-None-Match.',
    access: PUBLIC,
    ok: json(200, OpenApiDocument, 'The OpenAPI 3.1 document.', z.object({ etag: z.string(), 'cache-control': z.string() })),
    answers: { 304: { description: 'Not modified: the If-None-Match ETag is still current.', body: null } },
  },
];
