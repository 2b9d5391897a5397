import { createHash } from 'node:crypto';
import {
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathItemObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { API, SESSION_HEADER } from '../../shared/apiPaths.ts';
import { ApiError, Health } from '../../shared/schemas/auth.ts';
import { Id, Instant, LocalDate, LocalizedText } from '../../shared/schemas/common.ts';
import { DeviceSummary } from '../../shared/schemas/devices.ts';
import { CampaignDraft, ManagedCampaign, PersonRef } from '../../shared/schemas/manage.ts';
import { Campaign, Hall, StaffMember, TalkTrackVersion } from '../../shared/schemas/reference.ts';
import { type Access, type RouteContract, type Success, TAGS } from './contract.ts';
import { ROUTE_CONTRACTS } from './contracts/index.ts';
import { otherStatuses } from './statuses.ts';

/** Schemas shown once under components and referenced everywhere they appear (by identity). */
const COMPONENTS = {
  ApiError,
  Health,
  Id,
  Instant,
  LocalDate,
  LocalizedText,
  Hall,
  StaffMember,
  Campaign,
  TalkTrackVersion,
  PersonRef,
  ManagedCampaign,
  CampaignDraft,
  DeviceSummary,
};

const SECURITY_SCHEMES = {
  deviceToken: {
    type: 'http',
    scheme: 'bearer',
    description: `The device token from enrolment (POST ${API.enrol}).`,
  },
  staffSession: {
    type: 'apiKey',
    in: 'header',
    name: SESSION_HEADER,
    description: `The staff session token from sign-in (POST ${API.sessions}), on the device that signed in.`,
  },
} as const;

export type OpenApiObject = ReturnType<typeof createDocument>;

/** `/api/v1/campaigns/:campaignId` → `/api/v1/campaigns/{campaignId}`. */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

const pathParamNames = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');

const API_NAMES = new Map<string, string>(Object.entries(API).map(([name, path]) => [path, name]));

/** `GET` + API.manageCampaign → `getManageCampaign`: stable, and named as the code names the path. */
function operationId(c: RouteContract): string {
  const name = API_NAMES.get(c.path) ?? c.path;
  return `${c.method.toLowerCase()}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function security(access: Access): oas31.SecurityRequirementObject[] {
  switch (access.kind) {
    case 'public':
      return [];
    case 'device':
      return [{ deviceToken: [] }];
    case 'staff':
      return [{ deviceToken: [], staffSession: [] }];
  }
}

function accessInWords(access: Access): string {
  switch (access.kind) {
    case 'public':
      return 'Public: no token.';
    case 'device':
      return 'Device token (Authorization: Bearer).';
    case 'staff':
      return `Device token and a staff session (${SESSION_HEADER}) of: ${access.roles.join(', ')}.`;
  }
}

/** `text/csv; charset=utf-8` → `text/csv`: a content key names the media type only. */
const mediaType = (contentType: string): string => contentType.split(';')[0]?.trim() ?? contentType;

/** 404 → '404', typed as the response keys zod-openapi accepts. */
const statusKey = (status: number) => String(status) as `${1 | 2 | 3 | 4 | 5}${string}`;

function success(ok: Success): ZodOpenApiResponsesObject {
  if (ok.status === 204) return { 204: { description: ok.description } };
  const content =
    'body' in ok
      ? { 'application/json': { schema: ok.body } }
      : Object.fromEntries(Object.entries(ok.files).map(([type, schema]) => [mediaType(type), schema === null ? {} : { schema }]));
  return { [statusKey(ok.status)]: { description: ok.description, content, ...(ok.headers ? { headers: ok.headers } : {}) } };
}

function operation(c: RouteContract): ZodOpenApiOperationObject {
  const declared = Object.keys(c.params?.shape ?? {}).sort().join(',');
  if (declared !== pathParamNames(c.path).sort().join(',')) {
    throw new Error(`${c.method} ${c.path}: its params schema names {${declared}}, not the path's parameters`);
  }
  const responses: ZodOpenApiResponsesObject = success(c.ok);
  for (const [status, answer] of otherStatuses(c)) {
    responses[statusKey(status)] = {
      description: answer.description,
      ...(answer.body === null ? {} : { content: { 'application/json': { schema: answer.body } } }),
      ...(answer.headers ? { headers: answer.headers } : {}),
    };
  }
  const requestParams = {
    ...(c.params ? { path: c.params } : {}),
    ...(c.query ? { query: c.query } : {}),
    ...(c.headers ? { header: c.headers } : {}),
  };
  return {
    operationId: operationId(c),
    tags: [c.tag],
    summary: c.summary,
    description: [c.description, accessInWords(c.access)].filter((s) => s !== undefined).join('\n\n'),
    security: security(c.access),
    ...(c.access.kind === 'staff' ? { 'x-roles': [...c.access.roles] } : {}),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(c.body
      ? { requestBody: { required: c.bodyOptional !== true, content: { 'application/json': { schema: c.body } } } }
      : {}),
    responses,
  };
}

const METHOD_KEYS = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

/** The OpenAPI 3.1 document of the given routes (every route of the app by default). */
export function buildOpenApiDocument(contracts: readonly RouteContract[] = ROUTE_CONTRACTS): OpenApiObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const c of contracts) {
    const item: ZodOpenApiPathItemObject = (paths[openApiPath(c.path)] ??= {});
    const key = METHOD_KEYS[c.method];
    if (item[key] !== undefined) throw new Error(`two contracts for ${c.method} ${c.path}`);
    item[key] = operation(c);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'talktrack API',
      version: '1',
      description:
        'The API of talktrack, the offline-first counter app for telecom service halls. Every refusal is 4xx JSON `{ error, message }`: a stable code for programs and a message saying what to do.',
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas: COMPONENTS, securitySchemes: SECURITY_SCHEMES },
  });
}

export interface ServedDocument {
  json: string;
  etag: string;
}

let served: ServedDocument | undefined;

/** Built on first use and kept: the routes do not change while the process runs. */
export function servedOpenApiDocument(): ServedDocument {
  if (served === undefined) {
    const json = JSON.stringify(buildOpenApiDocument());
    served = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
  }
  return served;
}
