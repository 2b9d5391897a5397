import fastifyRateLimit, { type CreateRateLimitOptions, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { API } from '../../shared/apiPaths.ts';
import { bearerToken, requireDevice } from '../auth/deviceAuth.ts';
import { hashToken } from '../auth/tokens.ts';
import { HttpError } from '../errors.ts';
import type { Namespaced } from './rateLimitStore.ts';

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface RateLimits {
  /** POST /sessions, per device and staff member: the PIN lockout (5 wrong) stops guessing; this slows scripts. */
  signIn: RateLimit;
  /** POST /devices/enrol, per client address: enrolment codes are short and guessable in bulk. */
  enrol: RateLimit;
  /** POST /sync/push, per device: a tablet draining 10,000 records sends 20 batches of 500. */
  push: RateLimit;
  /** POST /password-codes/redeem, per client address: like enrolment, a code guessed in bulk opens an account. */
  passwordCode: RateLimit;
  /**
   * POST /sync/push from a revoked or expired tablet, per token: each one writes its lost-records
   * report, so it is counted before anything is read or written (a tablet retries every few minutes).
   */
  refusedPush: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signIn: { max: 10, windowMs: 60_000 },
  enrol: { max: 10, windowMs: 60_000 },
  push: { max: 120, windowMs: 60_000 },
  passwordCode: { max: 10, windowMs: 60_000 },
  refusedPush: { max: 10, windowMs: 60_000 },
};

/** Each limit replaced, or lifted with `false` (tests where the limit is not the subject). */
export type RateLimitOptions = { [K in keyof RateLimits]?: RateLimit | false };

/** Every limit lifted. */
export const NO_RATE_LIMITS: RateLimitOptions = { signIn: false, enrol: false, push: false, passwordCode: false, refusedPush: false };

interface Rule {
  method: 'POST';
  url: string;
  /**
   * onRequest runs before the body is read (after deviceAuth, so push is counted per device, and
   * a request without a token still gets its 401); sign-in needs the staff id, which is in the body.
   */
  hook: 'onRequest' | 'preHandler';
  /** Undefined: the client address (IPv6 by /64), the plugin's own key. */
  key?: (request: FastifyRequest) => string;
  /** "too many … ": what was counted. */
  what: string;
}

function staffIdOf(body: unknown): string {
  const id = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).staffId : undefined;
  // Only a plausible id becomes a key: junk must not grow the store with megabyte keys.
  return typeof id === 'string' && id.length <= 64 ? id : '-';
}

type RouteLimit = Exclude<keyof RateLimits, 'refusedPush'>;

const RULES: Record<RouteLimit, Rule> = {
  signIn: {
    method: 'POST',
    url: API.sessions,
    hook: 'preHandler',
    key: (request) => `${requireDevice(request).id}:${staffIdOf(request.body)}`,
    what: 'sign-in attempts for this person on this device',
  },
  enrol: { method: 'POST', url: API.enrol, hook: 'onRequest', what: 'enrolment attempts from this address' },
  passwordCode: { method: 'POST', url: API.passwordCodeRedeem, hook: 'onRequest', what: 'set-password attempts from this address' },
  push: {
    method: 'POST',
    url: API.push,
    hook: 'onRequest',
    key: (request) => requireDevice(request).id,
    what: 'pushes from this device',
  },
};

/** `POST /api/v1/sync/push` and the others a limit applies to (the OpenAPI description lists their 429). */
export const RATE_LIMITED_ROUTES: ReadonlySet<string> = new Set(Object.values(RULES).map((rule) => `${rule.method} ${rule.url}`));

function per(windowMs: number): string {
  if (windowMs === 60_000) return 'a minute';
  if (windowMs % 60_000 === 0) return `per ${windowMs / 60_000} minutes`;
  return `per ${Math.ceil(windowMs / 1000)} seconds`;
}

const appliesTo = (route: RouteOptions, rule: Rule) =>
  route.url === rule.url && (Array.isArray(route.method) ? route.method.includes(rule.method) : route.method === rule.method);

function appendHook(route: RouteOptions, name: Rule['hook'], hook: onRequestAsyncHookHandler): void {
  const existing = route[name];
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  (route as unknown as Record<string, unknown>)[name] = [...list, hook];
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Counts a push from a revoked or expired tablet (refusedPush, per token) and throws 429 past
     * the limit; the push route calls it before it reads or writes anything. Unset when lifted.
     */
    limitRefusedPush?: (request: FastifyRequest) => Promise<void>;
  }
}

interface Verdict {
  isAllowed: boolean;
  isExceeded: boolean;
  max: number;
  remaining: number;
  ttlInSeconds: number;
}

/** 429 `rate_limited`, saying what was counted and when to retry (handleError sets Retry-After from it). */
function throttled(request: FastifyRequest, name: keyof RateLimits, limit: RateLimit, what: string, result: Verdict): HttpError {
  const seconds = Math.max(1, result.ttlInSeconds);
  request.log.warn({ limit: name, max: limit.max }, 'rate limited');
  return new HttpError(
    429,
    'rate_limited',
    `too many ${what} (at most ${limit.max} ${per(limit.windowMs)}); try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`,
    { seconds },
    { retryAfterSeconds: seconds },
  );
}

/** Per token, not per device row: the tablet is refused before its device is trusted with anything. */
const tokenKey = (request: FastifyRequest) => `refused:${hashToken(bearerToken(request) ?? '')}`;

/**
 * Limits on the routes a stranger or a stuck client can hammer: sign-in, enrolment and push, and
 * pushes from refused tablets. Over the limit the answer is 429 `rate_limited` with a Retry-After
 * header and a message that says when to retry. Counted in `store` when given (the database's,
 * shared by every process on one PostgreSQL: rateLimitStore.ts), else in this process's memory.
 */
export const rateLimits = fp<{ limits: RateLimitOptions; store?: FastifyRateLimitStoreCtor }>(
  async (app, opts) => {
    await app.register(fastifyRateLimit, { global: false, ...(opts.store === undefined ? {} : { store: opts.store }) });
    // Each limit counts under its own name: enrolment and set-password codes both key by address.
    const limiter = (name: keyof RateLimits, options: CreateRateLimitOptions) => {
      const named: CreateRateLimitOptions & Namespaced = { ...options, nameSpace: name };
      return app.createRateLimit(named);
    };
    const refused = opts.limits.refusedPush ?? DEFAULT_RATE_LIMITS.refusedPush;
    if (refused !== false) {
      const check = limiter('refusedPush', { max: refused.max, timeWindow: refused.windowMs, keyGenerator: tokenKey });
      app.decorate('limitRefusedPush', async (request: FastifyRequest) => {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) return;
        throw throttled(request, 'refusedPush', refused, 'pushes from this revoked or expired device', result);
      });
    }
    app.addHook('onRoute', (route) => {
      for (const [name, rule] of Object.entries(RULES) as [RouteLimit, Rule][]) {
        const limit = opts.limits[name] ?? DEFAULT_RATE_LIMITS[name];
        if (limit === false || !appliesTo(route, rule)) continue;
        const check = limiter(name, {
          max: limit.max,
          timeWindow: limit.windowMs,
          ...(rule.key === undefined ? {} : { keyGenerator: rule.key }),
        });
        appendHook(route, rule.hook, async (request: FastifyRequest, reply: FastifyReply) => {
          const result = await check(request);
          if (result.isAllowed) return;
          reply.header('x-ratelimit-limit', result.max);
          reply.header('x-ratelimit-remaining', result.remaining);
          reply.header('x-ratelimit-reset', result.ttlInSeconds);
          if (!result.isExceeded) return;
          throw throttled(request, name, limit, rule.what, result);
        });
      }
    });
  },
  { name: 'talktrack-rate-limits' },
);
