import { z } from 'zod';
import type { API } from '../../shared/apiPaths.ts';
import type { StaffRole } from '../../shared/schemas/reference.ts';

/**
 * What one route promises its callers: the OpenAPI description is built from a list of these
 * (contracts/), with the zod schemas the route itself parses and answers with.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A path of apiPaths.ts: contracts name the routes' own constants, never a retyped string. */
export type ApiPath = (typeof API)[keyof typeof API];

/** How the route's onRequest hooks identify the caller. */
export type Access =
  | { kind: 'public' }
  /** `Authorization: Bearer <deviceToken>` of an enrolled, unrevoked device. */
  | { kind: 'device' }
  /** The device token and a live staff session on that device (SESSION_HEADER) of one of these roles. */
  | { kind: 'staff'; roles: readonly StaffRole[] };

export const PUBLIC: Access = { kind: 'public' };
export const DEVICE: Access = { kind: 'device' };
export const signedIn = (roles: readonly StaffRole[]): Access => ({ kind: 'staff', roles });

/** The groups the description shows the routes in. */
export const TAGS = {
  Service: 'Whether the server is up, and this description.',
  Counter: 'What a tablet calls: enrolment, staff sign-in and sign-out, and sync (push records up, pull reference data down).',
  Campaigns: 'Authoring campaigns and their talk-tracks (manager: own hall; admin: every hall), moving them between servers as files, and the audit log.',
  Reports: 'Daily figures, visit detail and their CSV/XLSX export (a consultant or floor marketer sees their own rows, a manager their hall).',
  Devices: "A hall's enrolled devices, revoking a lost one, and what refused devices still hold.",
  Halls: 'The halls of the organisation: created, renamed and deactivated by an admin.',
  People: "A hall's people: adding them, their one-time PINs and set-password codes, moves, deactivation, unlocking, the roster import, the access audit.",
} as const;
export type Tag = keyof typeof TAGS;

/** A successful answer: JSON, a file download, or nothing. */
export type Success =
  | { status: 200 | 201; description: string; body: z.ZodType; headers?: z.ZodObject }
  | { status: 200; description: string; files: Readonly<Record<string, z.ZodType | null>>; headers?: z.ZodObject }
  | { status: 204; description: string };

/** Another status the route answers: a refusal in words (body ApiError), or with its own body (null: none). */
export type Answer = string | { description: string; body: z.ZodType | null };

export interface RouteContract {
  method: Method;
  path: ApiPath;
  tag: Tag;
  summary: string;
  description?: string;
  access: Access;
  /** Every `:name` of the path, as the route parses them. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  /** A JSON body; `bodyOptional` when the route accepts none. */
  body?: z.ZodType;
  bodyOptional?: boolean;
  ok: Success;
  /**
   * Its other statuses (mostly refusals, with their codes), beyond those every route of its kind
   * answers, which statuses.ts adds: 400 for bad input, 413/415 for a body, 401/403 for its access,
   * 429 for a rate-limited route.
   */
  answers?: Readonly<Partial<Record<number, Answer>>>;
}

export const json = (status: 200 | 201, body: z.ZodType, description: string, headers?: z.ZodObject): Success => ({
  status,
  description,
  body,
  ...(headers ? { headers } : {}),
});

export const noContent = (description: string): Success => ({ status: 204, description });

/** A file to save: the content types it comes as (each with the schema of its content, when it has one). */
export const download = (files: Readonly<Record<string, z.ZodType | null>>, description: string): Success => ({
  status: 200,
  description,
  files,
  headers: z.object({
    'content-disposition': z.string().meta({ description: "attachment; filename=\"…\" (ASCII) and filename*=UTF-8''… (RFC 6266)" }),
  }),
});
