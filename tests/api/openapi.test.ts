import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { buildApp } from '../../src/server/app.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { OpenApiDocument } from '../../src/server/openapi/contracts/service.ts';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../helpers/apiEngines.ts';

/**
 * GET /api/v1/openapi.json: public, cached, OpenAPI 3.1 in shape, and listing exactly the routes
 * fastify registers, each with the schemas its handler parses.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

interface Json {
  [key: string]: unknown;
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Json }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
}

/** `METHOD /api/v1/campaigns/:campaignId`, as fastify names a route, for each operation of the document. */
function documentedRoutes(doc: OpenApiDocument): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation !== undefined) out.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, operation as Operation);
    }
  }
  return out;
}

/** Every `$ref` anywhere in the document, with where it was found. */
function refs(value: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [{ ref: child, at }] : refs(child, `${at}/${key}`),
  );
}

/** A local JSON pointer (`#/components/schemas/Hall`) in the document, or undefined. */
function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

/** The body schema, following a $ref into components. */
function bodySchema(doc: OpenApiDocument, operation: Operation | undefined): Json {
  const schema = operation?.requestBody?.content['application/json']?.schema ?? {};
  return typeof schema.$ref === 'string' ? (resolve(doc, schema.$ref) as Json) : schema;
}

forEachEngine((engine) => {
  describe('openapi description', () => {
    let testDb: TestDatabase | undefined;
    let app: FastifyInstance | undefined;
    let doc: OpenApiDocument | undefined;
    let operations = new Map<string, Operation>();
    const registered: string[] = [];
    // The built client too, so its static route is registered and shown to be the one left out.
    const clientDir = mkdtempSync(join(tmpdir(), 'talktrack-openapi-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>talktrack</title>');

    beforeAll(async () => {
      testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
      app = buildApp({ db: testDb.database, clientDir, rateLimits: false });
      // Before ready(): the route plugins load then, and every route they add passes here.
      app.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) registered.push(`${method} ${route.url}`);
      });
      await app.ready();
      const res = await app.inject({ method: 'GET', url: API.openapi });
      doc = OpenApiDocument.parse(res.json());
      operations = documentedRoutes(doc);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await testDb?.cleanup();
      rmSync(clientDir, { recursive: true, force: true });
    });

    it('is served to anyone, as JSON, cached and revalidated by its ETag', async () => {
      const res = await app!.inject({ method: 'GET', url: API.openapi });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
      const etag = res.headers.etag;
      expect(typeof etag).toBe('string');
      const again = await app!.inject({ method: 'GET', url: API.openapi, headers: { 'if-none-match': String(etag) } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      // The same bytes each time: built once, not per request.
      expect((await app!.inject({ method: 'GET', url: API.openapi })).body).toBe(res.body);
    });

    it('is OpenAPI 3.1 in shape: info, paths, responses on every operation, every $ref resolving', () => {
      const d = doc!;
      expect(d.openapi).toMatch(/^3\.1\.\d+$/);
      expect(d.info.title).not.toBe('');
      expect(d.info.version).not.toBe('');
      for (const [route, operation] of operations) {
        const statuses = Object.keys(operation.responses);
        expect(statuses.length, route).toBeGreaterThan(0);
        expect(statuses.some((s) => s.startsWith('2')), `${route} has a success`).toBe(true);
        for (const status of statuses) expect(operation.responses[status]?.description, `${route} ${status}`).toBeTruthy();
      }
      const all = refs(d);
      expect(all.length).toBeGreaterThan(10);
      expect(all.filter(({ ref }) => resolve(d, ref) === undefined)).toEqual([]);
      const ids = [...operations.values()].map((o) => o.operationId);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('lists exactly the routes fastify registers, no more and no fewer', () => {
      // HEAD is the GET answered without a body; GET /* is the built PWA, not the API.
      const api = [...new Set(registered.filter((r) => !r.startsWith('HEAD ') && r !== 'GET /*'))].sort();
      expect(api.length).toBeGreaterThan(20);
      expect(registered).toContain('GET /*');
      const documented = [...operations.keys()].sort();
      expect(api.filter((r) => !operations.has(r)), 'routes missing from the description').toEqual([]);
      expect(documented.filter((r) => !api.includes(r)), 'described routes fastify does not have').toEqual([]);
    });

    it('names every path parameter, and says how each route is authenticated', () => {
      for (const [route, operation] of operations) {
        const inPath = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), route).toEqual(inPath);
        expect(declared.every((p) => p.required === true), route).toBe(true);
        expect(Array.isArray(operation.security), `${route} states its security`).toBe(true);
      }
      const d = doc! as unknown as Json;
      expect(resolve(d, '#/components/securitySchemes/deviceToken')).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(resolve(d, '#/components/securitySchemes/staffSession')).toMatchObject({ type: 'apiKey', in: 'header', name: SESSION_HEADER });
      expect(operations.get(`POST ${API.enrol}`)?.security).toEqual([]);
      expect(operations.get(`GET ${API.openapi}`)?.security).toEqual([]);
      expect(operations.get(`POST ${API.push}`)?.security).toEqual([{ deviceToken: [] }]);
      expect(operations.get(`GET ${API.manageCampaigns}`)?.security).toEqual([{ deviceToken: [], staffSession: [] }]);
      expect(operations.get(`GET ${API.manageAudit}`)).toMatchObject({ 'x-roles': ['admin'] });
    });

    it('carries the request schemas the routes parse', () => {
      const d = doc!;
      const push = bodySchema(d, operations.get(`POST ${API.push}`));
      expect(push.required).toContain('entries');
      expect(push.properties).toHaveProperty('entries.type', 'array');
      const signIn = bodySchema(d, operations.get(`POST ${API.sessions}`));
      expect(signIn.required).toContain('staffId');
      expect(Object.keys(signIn.properties as Json)).toEqual(expect.arrayContaining(['staffId', 'pin', 'password']));
      expect(operations.get(`POST ${API.sessions}`)?.requestBody?.required).toBe(true);
      expect(operations.get(`POST ${API.manageCampaignDuplicate}`)?.requestBody?.required).toBe(false);

      const exportQuery = operations.get(`GET ${API.reportExport}`)?.parameters?.filter((p) => p.in === 'query') ?? [];
      expect(exportQuery.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'format', 'table', 'lang', 'hallId']));
      expect(exportQuery.find((p) => p.name === 'format')?.required).toBe(true);
      expect(exportQuery.find((p) => p.name === 'hallId')?.required).toBeFalsy();
      expect(operations.get(`DELETE ${API.currentSession}`)?.parameters).toContainEqual(
        expect.objectContaining({ in: 'header', name: SESSION_HEADER, required: true }),
      );
    });

    it('describes answers: downloads by content type, refusals as { error, message, params }', () => {
      const d = doc!;
      const reportFile = operations.get(`GET ${API.reportExport}`)?.responses['200']?.content ?? {};
      expect(Object.keys(reportFile).sort()).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
      expect(Object.keys(operations.get(`GET ${API.manageCampaignExport}`)?.responses['200']?.content ?? {})).toEqual(['application/json']);
      expect(operations.get(`DELETE ${API.currentSession}`)?.responses['204']).toBeDefined();
      expect(operations.get(`POST ${API.manageCampaigns}`)?.responses['201']).toBeDefined();

      const apiError = resolve(d, '#/components/schemas/ApiError') as Json;
      expect(apiError.required).toEqual(['error', 'message']);
      // The values a message carries, for clients that word the code in their own language.
      const properties = apiError.properties as Record<string, Json>;
      expect(properties.params).toMatchObject({ type: 'object', additionalProperties: { type: ['string', 'number'] } });
      expect(properties.params?.description).toMatch(/word the error code in its own language/);
      expect(properties.error?.description).toMatch(/\bhall_inactive\b.*\bwrong_pin\b|\bwrong_pin\b.*\bhall_inactive\b/);
      const notFound = operations.get(`GET ${API.manageCampaign}`)?.responses['404']?.content?.['application/json']?.schema;
      expect(notFound).toEqual({ $ref: '#/components/schemas/ApiError' });
      // Identity and role refusals on a manager page, the limit on a rate-limited one.
      expect(Object.keys(operations.get(`POST ${API.adminDeviceRevoke}`)?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
      );
      expect(operations.get(`POST ${API.push}`)?.responses).toHaveProperty('429');
      expect(operations.get(`GET ${API.pull}`)?.responses).not.toHaveProperty('429');
      expect(operations.get(`GET ${API.health}`)?.responses).not.toHaveProperty('401');
      const publish = operations.get(`POST ${API.manageCampaignPublish}`)?.responses['422']?.content?.['application/json']?.schema as Json;
      expect(publish.required).toEqual(expect.arrayContaining(['error', 'message', 'missing']));
    });
  });
});
