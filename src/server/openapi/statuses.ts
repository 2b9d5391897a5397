import { z } from 'zod';
import { SESSION_HEADER } from '../../shared/apiPaths.ts';
import { ApiError, RateLimitedError } from '../../shared/schemas/auth.ts';
import { StaffRole } from '../../shared/schemas/reference.ts';
import { RATE_LIMITED_ROUTES } from '../security/rateLimits.ts';
import type { RouteContract } from './contract.ts';

/** One status of an operation besides its success: what it means, its body (null: none) and its headers. */
export interface StatusAnswer {
  description: string;
  body: z.ZodType | null;
  headers?: z.ZodObject;
}

/**
 * What every route of a kind answers besides its own refusals: parseInput's 400, the body
 * parser's 413/415 (app.ts), the identity hooks' 401/403 and the rate limits' 429.
 */
export function standardStatuses(c: RouteContract): Map<number, StatusAnswer> {
  const out = new Map<number, StatusAnswer>();
  const plain = (status: number, description: string) => out.set(status, { description, body: ApiError });
  const input = [c.params, c.query, c.headers, c.body].some((schema) => schema !== undefined);
  if (input) {
    const json = c.body === undefined ? '' : ' `invalid_json`: the body is not JSON.';
    plain(400, `\`invalid_request\`: a parameter or field is missing or wrong; the message names it.${json}`);
  }
  if (c.body !== undefined) {
    plain(413, '`payload_too_large`: the body is larger than this route accepts.');
    plain(415, '`unsupported_media_type`: send the body as application/json.');
  }
  if (c.access.kind !== 'public') {
    const session = c.access.kind === 'staff' ? ` \`unauthorized\` / \`session_expired\`: no live staff session in ${SESSION_HEADER}; sign in again.` : '';
    plain(401, `\`unauthorized\`: no valid device token; \`device_revoked\` / \`device_expired\`: enrol the device again.${session}`);
  }
  if (c.access.kind === 'staff' && c.access.roles.length < StaffRole.options.length) {
    plain(403, `\`forbidden\`: the signed-in role is not one of ${c.access.roles.join(', ')}.`);
  }
  if (RATE_LIMITED_ROUTES.has(`${c.method} ${c.path}`)) {
    out.set(429, {
      description: '`rate_limited`: too many requests; wait Retry-After seconds.',
      body: RateLimitedError,
      headers: z.object({ 'retry-after': z.string().meta({ description: 'Seconds to wait before trying again.' }) }),
    });
  }
  return out;
}

/**
 * The standard statuses and the route's own answers, by status: descriptions joined, and a route's
 * own body in place of ApiError (a route that also answers plain refusals there unions ApiError in).
 */
export function otherStatuses(c: RouteContract): Map<number, StatusAnswer> {
  const out = standardStatuses(c);
  for (const [key, answer] of Object.entries(c.answers ?? {})) {
    if (answer === undefined) continue;
    const status = Number(key);
    const own = typeof answer === 'string' ? { description: answer, body: ApiError } : answer;
    const standard = out.get(status);
    out.set(status, {
      ...standard,
      description: standard === undefined ? own.description : `${standard.description} ${own.description}`,
      body: typeof answer === 'string' ? (standard?.body ?? ApiError) : answer.body,
    });
  }
  return out;
}
