import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { API } from '../shared/apiPaths.ts';
import type { Database } from './db/database.ts';
import { describeZodError, HttpError } from './errors.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { manageAuditRoutes } from './routes/manageAudit.ts';
import { manageCampaignRoutes } from './routes/manageCampaigns.ts';
import { manageTransferRoutes } from './routes/manageTransfer.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { syncRoutes } from './routes/sync.ts';
import { isApiPath, registerClient } from './staticClient.ts';

export interface AppOptions {
  db: Database;
  /** The built PWA (dist/client); served with an SPA fallback when given. */
  clientDir?: string;
  logger?: boolean;
}

const INTERNAL_MESSAGE =
  'the server failed to handle this request; try again in a moment, and tell the administrator if it keeps happening';

/** What a caller can do about fastify's own 4xx errors, in words rather than error codes. */
function clientError(error: FastifyError, path: string): { error: string; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        error: 'payload_too_large',
        message:
          path === API.manageCampaignImport
            ? 'the file is too large to import; export fewer campaigns per file'
            : 'the request body is too large; send fewer entries per push',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: 'unsupported_media_type', message: 'send the request body as JSON (content-type: application/json)' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { error: 'invalid_request', message: 'the request body is empty; send a JSON object' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { error: 'invalid_json', message: `the request body is not valid JSON (${error.message}); send a JSON object` };
    default:
      if (error instanceof SyntaxError) {
        return { error: 'invalid_json', message: `the request body is not valid JSON (${error.message}); send a JSON object` };
      }
      return { error: 'bad_request', message: error.message };
  }
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) {
    return reply.code(error.statusCode).send({ ...error.details, error: error.code, message: error.message });
  }
  if (error instanceof ZodError) {
    return reply.code(400).send({ error: 'invalid_request', message: describeZodError(error) });
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return reply.code(status).send(clientError(error, request.url.split('?')[0] ?? ''));
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal', message: INTERNAL_MESSAGE });
}

export function buildApp(opts: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: opts.logger === true ? { level: process.env.LOG_LEVEL ?? 'warn' } : false,
    // A device-to-server JSON API: nobody needs the prototype-poisoning keys.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
  });
  app.decorateRequest('device', null);
  app.decorateRequest('manageActor', null);
  // The API speaks JSON only; a text body is a client bug better named (415) than half-parsed.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);

  const routeOpts = { database: opts.db };
  void app.register(healthRoutes, routeOpts);
  void app.register(deviceRoutes, routeOpts);
  void app.register(sessionRoutes, routeOpts);
  void app.register(syncRoutes, routeOpts);
  void app.register(manageCampaignRoutes, routeOpts);
  void app.register(manageTransferRoutes, routeOpts);
  void app.register(manageAuditRoutes, routeOpts);
  void app.register(reportRoutes, routeOpts);

  const clientDir = opts.clientDir;
  if (clientDir !== undefined) void app.register(async (instance) => registerClient(instance, clientDir));

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (clientDir !== undefined && !isApiPath(path) && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes (/counter, /manager/…) are index.html; the PWA routes them itself.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({
      error: 'not_found',
      message: `there is no ${request.method} ${path}; check the path (the API lives under /api/v1)`,
    });
  });
  return app;
}
