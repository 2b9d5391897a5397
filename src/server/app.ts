import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { API } from '../shared/apiPaths.ts';
import type { ErrorCode } from '../shared/errorCodes.ts';
import { deviceTokenTtlFromEnv } from './auth/deviceState.ts';
import type { Database } from './db/database.ts';
import { connectionTimeoutFromEnv, requestTimeoutFromEnv } from './env.ts';
import { HttpError } from './errors.ts';
import { accessAuditRoutes } from './routes/accessAudit.ts';
import { adminDeviceRoutes } from './routes/adminDevices.ts';
import { adminEnrolmentCodeRoutes } from './routes/adminEnrolmentCodes.ts';
import { adminHallRoutes } from './routes/adminHalls.ts';
import { adminPeopleRoutes } from './routes/adminPeople.ts';
import { adminStaffRoutes } from './routes/adminStaff.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { heldRecordRoutes } from './routes/heldRecords.ts';
import { manageAuditRoutes } from './routes/manageAudit.ts';
import { manageCampaignRoutes } from './routes/manageCampaigns.ts';
import { manageTransferRoutes } from './routes/manageTransfer.ts';
import { passwordCodeRoutes } from './routes/passwordCodes.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { reportRoutes } from './routes/reports.ts';
import { rosterImportRoutes } from './routes/rosterImport.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { syncRoutes } from './routes/sync.ts';
import { clockWindowFromEnv } from './sync/recordTrust.ts';
import { SECURITY_HEADERS } from './security/headers.ts';
import { type LogOptions, loggerOptions } from './security/logging.ts';
import { databaseRateLimitStore } from './security/rateLimitStore.ts';
import { type RateLimitOptions, rateLimits } from './security/rateLimits.ts';
import { type TrustProxy } from './security/trustProxy.ts';
import { isApiPath, registerClient } from './staticClient.ts';

export interface AppOptions {
  db: Database;
  /** The built PWA (dist/client); served with an SPA fallback when given. */
  clientDir?: string;
  /** true: warn and above (LOG_LEVEL) to stdout, secrets redacted; tests may pass a stream. */
  logger?: boolean | LogOptions;
  /** Sign-in, enrolment and push limits (security/rateLimits.ts); `false` lifts them all. */
  rateLimits?: RateLimitOptions | false;
  /**
   * Where the limits count: `database` (the default on PostgreSQL, so every process on it counts
   * together) or `memory` (the default on SQLite, where one process serves the database).
   */
  rateLimitCounts?: 'database' | 'memory';
  /** How long a device token lives without use; DEVICE_TOKEN_TTL_DAYS (default 180 days) when not given. */
  deviceTokenTtlMs?: number;
  /** How old a record's device time may be on arrival; CLOCK_WINDOW_DAYS (default 7 days) when not given. */
  clockWindowMs?: number;
  /** The server's clock for receiving pushes (tests of past days fix it); the real time when not given. */
  pushClock?: () => Date;
  /** Whose X-Forwarded-For gives the client's address (security/trustProxy.ts); nobody's by default. */
  trustProxy?: TrustProxy;
  /** How long a client has to send a whole request; REQUEST_TIMEOUT_MS (default 60 s) when not given. */
  requestTimeoutMs?: number;
  /** How long a connection may stay silent; CONNECTION_TIMEOUT_MS (default 120 s) when not given. */
  connectionTimeoutMs?: number;
}

/** Every request body, unless its route allows more (push: PUSH_BODY_LIMIT, import: IMPORT_BODY_LIMIT). */
export const BODY_LIMIT = 1024 * 1024;

const INTERNAL_MESSAGE =
  'the server failed to handle this request; try again in a moment, and tell the administrator if it keeps happening';

const mebibytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;

/** Too large: the route's own limit, and what the sender can do about it. */
function tooLarge(request: FastifyRequest): string {
  const limit = mebibytes(request.routeOptions.bodyLimit ?? BODY_LIMIT);
  switch (request.routeOptions.url) {
    case API.manageCampaignImport:
      return `the file is too large to import (at most ${limit}); export fewer campaigns per file`;
    case API.push:
      return `the push is larger than ${limit}; send fewer entries per push`;
    case API.adminRosterImport:
      return `the roster file is too large (at most about 700 KB); split it into several files`;
    default:
      return `the request body is larger than ${limit}, the most this request accepts; send less`;
  }
}

/** What a caller can do about fastify's own 4xx errors, in words rather than error codes. */
function clientError(error: FastifyError, request: FastifyRequest): { error: ErrorCode; message: string; params?: Record<string, string> } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { error: 'payload_too_large', message: tooLarge(request) };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: 'unsupported_media_type', message: 'send the request body as JSON (content-type: application/json)' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { error: 'invalid_request', message: 'the request body is empty; send a JSON object', params: { field: 'body' } };
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
    const retryAfter = error.details.retryAfterSeconds;
    if (error.statusCode === 429 && typeof retryAfter === 'number') reply.header('retry-after', retryAfter);
    // params only where the code carries values, so a plain refusal stays { error, message }.
    const params = Object.keys(error.params).length === 0 ? {} : { params: error.params };
    return reply.code(error.statusCode).send({ ...error.details, error: error.code, message: error.message, ...params });
  }
  // Input is checked with parseInput (a 400 naming the field); a ZodError here is the server's own
  // answer failing its schema: a bug to log, not the caller's fault.
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return reply.code(status).send(clientError(error, request));
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal' satisfies ErrorCode, message: INTERNAL_MESSAGE });
}

/**
 * Node checks request deadlines only every connectionsCheckingInterval (30 s by default), so a
 * stalled body would outlive a short timeout by that much: check a few times per timeout.
 */
const checkEvery = (requestTimeoutMs: number) => Math.min(30_000, Math.max(25, Math.floor(requestTimeoutMs / 4)));

export function buildApp(opts: AppOptions): FastifyInstance {
  const requestTimeout = opts.requestTimeoutMs ?? requestTimeoutFromEnv();
  const app = Fastify({
    logger: loggerOptions(opts.logger),
    bodyLimit: BODY_LIMIT,
    // A slow or stalled body is cut (408) rather than holding a connection for as long as it likes.
    requestTimeout,
    connectionTimeout: opts.connectionTimeoutMs ?? connectionTimeoutFromEnv(),
    http: { connectionsCheckingInterval: checkEvery(requestTimeout), headersTimeout: Math.min(requestTimeout, 60_000) },
    trustProxy: opts.trustProxy ?? false,
    // A device-to-server JSON API: nobody needs the prototype-poisoning keys.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
  });
  app.decorateRequest('device', null);
  app.decorateRequest('manageActor', null);
  app.decorate('deviceTokenTtlMs', opts.deviceTokenTtlMs ?? deviceTokenTtlFromEnv());
  app.decorate('clockWindowMs', opts.clockWindowMs ?? clockWindowFromEnv());
  app.decorate('pushClock', opts.pushClock ?? (() => new Date()));
  // The API speaks JSON only; a text body is a client bug better named (415) than half-parsed.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  void app.register(fastifyHelmet, SECURITY_HEADERS);
  if (opts.rateLimits !== false) {
    const shared = (opts.rateLimitCounts ?? (opts.db.engine === 'postgres' ? 'database' : 'memory')) === 'database';
    void app.register(rateLimits, { limits: opts.rateLimits ?? {}, ...(shared ? { store: databaseRateLimitStore(opts.db) } : {}) });
  }

  const routeOpts = { database: opts.db };
  void app.register(healthRoutes, routeOpts);
  void app.register(openApiRoutes);
  void app.register(deviceRoutes, routeOpts);
  void app.register(sessionRoutes, routeOpts);
  void app.register(syncRoutes, routeOpts);
  void app.register(manageCampaignRoutes, routeOpts);
  void app.register(manageTransferRoutes, routeOpts);
  void app.register(manageAuditRoutes, routeOpts);
  void app.register(reportRoutes, routeOpts);
  void app.register(adminDeviceRoutes, routeOpts);
  void app.register(heldRecordRoutes, routeOpts);
  void app.register(adminStaffRoutes, routeOpts);
  void app.register(adminHallRoutes, routeOpts);
  void app.register(adminPeopleRoutes, routeOpts);
  void app.register(accessAuditRoutes, routeOpts);
  void app.register(passwordCodeRoutes, routeOpts);
  void app.register(rosterImportRoutes, routeOpts);
  void app.register(adminEnrolmentCodeRoutes, routeOpts);

  const clientDir = opts.clientDir;
  if (clientDir !== undefined) void app.register(async (instance) => registerClient(instance, clientDir));

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (clientDir !== undefined && !isApiPath(path) && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes (/counter, /manager/…) are index.html; the PWA routes them itself.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({
      error: 'not_found' satisfies ErrorCode,
      message: `there is no ${request.method} ${path}; check the path (the API lives under /api/v1)`,
    });
  });
  return app;
}
