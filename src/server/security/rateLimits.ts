import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { API } from '../../shared/apiPaths.ts';
import { requireDevice } from '../auth/deviceAuth.ts';
import { HttpError } from '../errors.ts';

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
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signIn: { max: 10, windowMs: 60_000 },
  enrol: { max: 10, windowMs: 60_000 },
  push: { max: 120, windowMs: 60_000 },
  passwordCode: { max: 10, windowMs: 60_000 },
};

/** Each limit replaced, or lifted with `false` (tests where the limit is not the subject). */
export type RateLimitOptions = { [K in keyof RateLimits]?: RateLimit | false };

/** Every limit lifted. */
export const NO_RATE_LIMITS: RateLimitOptions = { signIn: false, enrol: false, push: false, passwordCode: false };

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

const RULES: Record<keyof RateLimits, Rule> = {
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

/**
 * Limits on the routes a stranger or a stuck client can hammer: sign-in, enrolment and push.
 * Counted in this process's memory (several processes each count their own). Over the limit the
 * answer is 429 `rate_limited` with a Retry-After header and a message that says when to retry.
 */
export const rateLimits = fp<{ limits: RateLimitOptions }>(
  async (app, opts) => {
    await app.register(fastifyRateLimit, { global: false });
    app.addHook('onRoute', (route) => {
      for (const [name, rule] of Object.entries(RULES) as [keyof RateLimits, Rule][]) {
        const limit = opts.limits[name] ?? DEFAULT_RATE_LIMITS[name];
        if (limit === false || !appliesTo(route, rule)) continue;
        const check = app.createRateLimit({
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
          const seconds = Math.max(1, result.ttlInSeconds);
          reply.header('retry-after', seconds);
          request.log.warn({ limit: name, max: limit.max }, 'rate limited');
          throw new HttpError(
            429,
            'rate_limited',
            `too many ${rule.what} (at most ${limit.max} ${per(limit.windowMs)}); try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`,
            { retryAfterSeconds: seconds },
          );
        });
      }
    });
  },
  { name: 'talktrack-rate-limits' },
);
