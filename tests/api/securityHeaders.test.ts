import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { BODY_LIMIT } from '../../src/server/app.ts';
import { PUSH_BODY_LIMIT } from '../../src/server/routes/sync.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { entries, makeVisit, push } from '../helpers/apiFixtures.ts';
import { completeDraft, seedManageHall } from '../helpers/manageFixtures.ts';

const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

forEachEngine((engine) => {
  const clientDir = mkdtempSync(join(tmpdir(), 'talktrack-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>talktrack</title><div id="app"></div>');
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
  const ctx = useApiApp(engine, { clientDir });

  describe('security headers', () => {
    it('send the same policy with the app shell, client routes, API answers and errors', async () => {
      const { app } = ctx();
      for (const url of ['/', '/counter/visit', API.health, '/api/v1/nothing', API.push]) {
        const res = await app.inject({ method: url === API.push ? 'POST' : 'GET', url });
        expect(res.headers['content-security-policy'], url).toBe(EXPECTED_CSP);
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
        expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      }
    });
  });

  describe('body size limits', () => {
    const big = (bytes: number) => 'x'.repeat(bytes);

    it('answer 413 with a JSON reason naming the limit past 1 MiB on ordinary routes', async () => {
      const { app, database } = ctx();
      const { manager } = await seedManageHall(app, database);
      const overGlobal = BODY_LIMIT + 1024;
      const cases = [
        { url: API.enrol, headers: {}, payload: { code: big(overGlobal) } },
        { url: API.manageCampaigns, headers: manager.headers, payload: { draft: big(overGlobal) } },
      ];
      for (const c of cases) {
        const res = await app.inject({ method: 'POST', url: c.url, headers: c.headers, payload: c.payload });
        expect(res.statusCode, c.url).toBe(413);
        expect(ApiError.parse(res.json())).toEqual({ error: 'payload_too_large', message: expect.stringMatching(/larger than 1 MiB/) });
      }
    });

    it('let a push up to its own 2 MiB through, and say what to do past it', async () => {
      const { app, database } = ctx();
      const { fx } = await seedManageHall(app, database);
      // Bigger than the global limit: unknown fields of a record are dropped, but travel all the same.
      const padded = { ...makeVisit(fx), note: big(BODY_LIMIT + 1024) };
      const ok = await push(app, fx.device.token, { entries: entries([padded], 1, 1) });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(PushResponse.parse(ok.json())).toEqual({ ackedThrough: 1, rejected: [] });
      const tooBig = await push(app, fx.device.token, { entries: [{ seq: 2, record: { ...makeVisit(fx), note: big(PUSH_BODY_LIMIT) } }] });
      expect(tooBig.statusCode).toBe(413);
      expect(ApiError.parse(tooBig.json()).message).toMatch(/larger than 2 MiB; send fewer entries per push/);
    });

    it('answer 413 to a PUT as well', async () => {
      const { app, database } = ctx();
      const { manager } = await seedManageHall(app, database);
      const res = await app.inject({
        method: 'PUT',
        url: API.manageCampaignDraft.replace(':campaignId', '01a21c7a-2499-7338-a21b-85827c7b120e'),
        headers: { ...manager.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ expectedEditVersion: 0, draft: completeDraft([]), pad: big(BODY_LIMIT) }),
      });
      expect(res.statusCode).toBe(413);
      expect(ApiError.parse(res.json()).error).toBe('payload_too_large');
    });
  });
});
