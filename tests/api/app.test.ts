import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError, Health } from '../../src/shared/schemas/auth.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { buildApp } from '../../src/server/app.ts';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src/server/db/migrate.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine, openTestDatabase } from '../helpers/apiEngines.ts';
import { entries, makeOutbox, seedHallFixture, signEntries } from '../helpers/apiFixtures.ts';

function makeClientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talktrack-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>talktrack</title><div id="app"></div>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"talktrack"}');
  writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), 'console.log(1);');
  return dir;
}

forEachEngine((engine) => {
  const clientDir = makeClientDir();
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
  const ctx = useApiApp(engine, { clientDir });

  describe('health and errors', () => {
    it('answers health without auth', async () => {
      const res = await ctx().app.inject({ method: 'GET', url: API.health });
      expect(res.statusCode).toBe(200);
      expect(Health.parse(res.json())).toEqual({ status: 'ok', engine, schemaVersion: LATEST_SCHEMA_VERSION, database: true });
    });

    it('says degraded (503) when the database does not answer', async () => {
      const testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
      const app = buildApp({ db: testDb.database });
      await testDb.cleanup();
      const res = await app.inject({ method: 'GET', url: API.health });
      expect(res.statusCode).toBe(503);
      expect(Health.parse(res.json())).toMatchObject({ status: 'degraded', database: false });
      await app.close();
    });

    it('answers unknown API paths with a JSON 404', async () => {
      for (const [method, url] of [['GET', '/api/v1/nothing'], ['POST', '/api/v1/sync/nothing'], ['GET', '/api']] as const) {
        const res = await ctx().app.inject({ method, url });
        expect(res.statusCode, url).toBe(404);
        expect(ApiError.parse(res.json()).error).toBe('not_found');
      }
    });

    it('turns an unexpected failure into a plain 500 without the stack', async () => {
      const testDb = await openTestDatabase(engine);
      const app = buildApp({ db: testDb.database });
      app.get('/api/v1/boom', async () => {
        throw new Error('secret internals at /srv/talktrack/x.ts:12');
      });
      const res = await app.inject({ method: 'GET', url: '/api/v1/boom' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: 'internal', message: expect.any(String) });
      expect(res.body).not.toContain('secret');
      await app.close();
      await testDb.cleanup();
    });
  });

  describe('the built PWA', () => {
    it('serves index.html, sw.js and the manifest revalidated, hashed assets immutable', async () => {
      const { app } = ctx();
      const index = await app.inject({ method: 'GET', url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('talktrack');
      expect(index.headers['cache-control']).toBe('no-cache');
      for (const url of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
      const asset = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
    });

    it('falls back to index.html for client routes, never for /api', async () => {
      const { app } = ctx();
      const route = await app.inject({ method: 'GET', url: '/counter/visit?x=1' });
      expect(route.statusCode).toBe(200);
      expect(route.headers['content-type']).toMatch(/text\/html/);
      expect(route.headers['cache-control']).toBe('no-cache');
      // A path no route has (/api/v1/campaigns/… is a real route now, behind device auth).
      const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here/none' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toMatch(/application\/json/);
      const post = await app.inject({ method: 'POST', url: '/counter' });
      expect(post.statusCode).toBe(404);
    });
  });

  describe('over real HTTP', () => {
    it('listens on a port and answers fetch: health, then a push', async () => {
      const { database } = ctx();
      const app = buildApp({ db: database });
      const fx = await seedHallFixture(app, database);
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const health = await fetch(`${base}${API.health}`);
        expect(health.status).toBe(200);
        expect(Health.parse(await health.json()).database).toBe(true);
        const body = JSON.stringify({ entries: await signEntries(database, entries(makeOutbox(fx, 4), 1, 4)) });
        const headers = { authorization: `Bearer ${fx.device.token}`, 'content-type': 'application/json' };
        const first = await fetch(`${base}${API.push}`, { method: 'POST', headers, body });
        expect(first.status).toBe(200);
        expect(PushResponse.parse(await first.json())).toEqual({ ackedThrough: 4, rejected: [] });
        const again = await fetch(`${base}${API.push}`, { method: 'POST', headers, body });
        expect(await again.json()).toEqual({ ackedThrough: 4, rejected: [] });
        const anonymous = await fetch(`${base}${API.push}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
        expect(anonymous.status).toBe(401);
      } finally {
        await app.close();
      }
    });
  });
});
