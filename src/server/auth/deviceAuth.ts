import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { RefusalReason } from '../../shared/schemas/devices.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError, unauthorized } from '../errors.ts';
import { type DeviceRow, findDeviceByTokenHash, touchDevice } from '../repos/devices.ts';
import { DEFAULT_DEVICE_TOKEN_TTL_DAYS, deviceState, needsTouch } from './deviceState.ts';
import { hashToken } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled device that sent the request, set by the deviceAuth hook. */
    device: DeviceRow | null;
  }
  interface FastifyInstance {
    /** How long a device token lives without use (buildApp sets it; DEVICE_TOKEN_TTL_DAYS). */
    deviceTokenTtlMs: number;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** 401 for a device a manager revoked; the code tells the tablet which banner to show. */
export function deviceRevoked(): HttpError {
  return new HttpError(
    401,
    'device_revoked',
    'a manager revoked this device; it can no longer send or receive anything. Records not yet sent stay on it: tell the manager how many, and enrol it again with a new code',
  );
}

/** The lifetime in whole days (at least 1), for the page's own words. */
const lifetimeDays = (ms: number) => Math.max(1, Math.round(ms / 86_400_000));

/** "180 days", or "2 hours" for a lifetime shorter than a day. */
function lifetime(ms: number): string {
  const days = Math.round(ms / 86_400_000);
  if (days >= 1) return days === 1 ? '1 day' : `${days} days`;
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** 401 for a device unused for longer than the token lives. */
export function deviceExpired(ttlMs: number): HttpError {
  return new HttpError(
    401,
    'device_expired',
    `this device was not used for ${lifetime(ttlMs)}, so its enrolment expired; enrol it again with a new code from the manager. Records not yet sent stay on it: tell the manager`,
    { days: lifetimeDays(ttlMs) },
  );
}

/** Called for a known device that is refused, before the 401 (push notes what it offered). */
export type RefusedHandler = (request: FastifyRequest, device: DeviceRow, reason: RefusalReason) => Promise<void>;

/**
 * An onRequest hook: it runs before fastify reads the body, so a request without a valid device
 * token gets 401 whatever it carries, and no unauthenticated body ever reaches a route. A revoked
 * or expired device gets 401 `device_revoked` / `device_expired` (the push route first reads what
 * it offered, through `onRefused`, to report it as lost); each accepted request keeps the token
 * alive (DEFAULT_DEVICE_TOKEN_TTL_DAYS from the last use).
 */
export function deviceAuth(db: Kysely<Schema>, options: { onRefused?: RefusedHandler } = {}): onRequestAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request);
    if (token === null) {
      throw unauthorized(
        'this request needs the device token (Authorization: Bearer <deviceToken>); enrol the device with a code from the manager if it has none',
      );
    }
    const device = await findDeviceByTokenHash(db, hashToken(token));
    if (device === undefined) {
      throw unauthorized('the device token is not valid; enrol this device again with a new code from the manager');
    }
    const ttlMs = request.server.deviceTokenTtlMs ?? DEFAULT_DEVICE_TOKEN_TTL_DAYS * 86_400_000;
    const now = new Date();
    const state = deviceState(device, ttlMs, now);
    if (state !== 'active') {
      await options.onRefused?.(request, device, state);
      throw state === 'revoked' ? deviceRevoked() : deviceExpired(ttlMs);
    }
    if (needsTouch(device, now)) await touchDevice(db, device.id, now);
    request.device = device;
  };
}

/** The device set by deviceAuth; a route that forgot the hook fails closed. */
export function requireDevice(request: FastifyRequest): DeviceRow {
  if (request.device === null) throw unauthorized('this request needs an enrolled device');
  return request.device;
}
