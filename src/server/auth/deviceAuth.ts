import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { unauthorized } from '../errors.ts';
import { type DeviceRow, findActiveDeviceByTokenHash } from '../repos/devices.ts';
import { hashToken } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled device that sent the request, set by the deviceAuth hook. */
    device: DeviceRow | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/**
 * An onRequest hook: it runs before fastify reads the body, so a request without a valid device
 * token gets 401 whatever it carries, and no unauthenticated body is ever parsed.
 */
export function deviceAuth(db: Kysely<Schema>): onRequestAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request);
    if (token === null) {
      throw unauthorized(
        'this request needs the device token (Authorization: Bearer <deviceToken>); enrol the device with a code from the manager if it has none',
      );
    }
    const device = await findActiveDeviceByTokenHash(db, hashToken(token));
    if (device === undefined) {
      throw unauthorized(
        'the device token is not valid or the device was revoked; enrol this device again with a new code from the manager',
      );
    }
    request.device = device;
  };
}

/** The device set by deviceAuth; a route that forgot the hook fails closed. */
export function requireDevice(request: FastifyRequest): DeviceRow {
  if (request.device === null) throw unauthorized('this request needs an enrolled device');
  return request.device;
}
