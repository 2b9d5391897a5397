import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import { API } from '../../src/shared/apiPaths.ts';
import { EnrolResponse } from '../../src/shared/schemas/auth.ts';
import { PullResponse } from '../../src/shared/schemas/sync.ts';
import type { Engine } from '../../src/server/db/database.ts';
import { DEMO_STAFF } from '../../src/server/seed/demo.ts';
import { forEachEngine, TEST_PG_URL } from '../helpers/apiEngines.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * As `npm run serve` starts it: node with tsx's loader, so that signals reach main.ts itself (the
 * tsx command's relay SIGKILLs a child that takes over 60 ms to acknowledge one).
 */
const NODE_ARGS = ['--import', 'tsx'];

interface Started {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [...NODE_ARGS, join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, out: () => out, exited };
}

// Generous: on a busy machine tsx may take a while to compile and start the server.
async function waitFor(started: Started, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const match = pattern.exec(started.out());
    if (match !== null) return match;
    if (started.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`main.ts did not print ${pattern}; it printed:\n${started.out()}`);
}

interface ServerEnv {
  env: Record<string, string>;
  sql: (q: string) => Promise<void>;
}

/**
 * DATA_DIR for SQLite, or DATABASE_URL with a schema of its own for PostgreSQL. Prepared inside
 * the tests (not in beforeAll) so an unreachable PostgreSQL fails them rather than skipping them.
 */
function useServerEnv(engine: Engine): () => Promise<ServerEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'talktrack-main-'));
  const schema = `t_main_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  let connected: Promise<unknown> | undefined;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (connected !== undefined) {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });
  const env: Record<string, string> =
    engine === 'sqlite'
      ? { DATA_DIR: dir, DATABASE_URL: '' }
      : { DATABASE_URL: `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}` };
  const sql = async (q: string) => {
    if (engine === 'postgres') {
      await admin.query(`set search_path = ${schema}`);
      await admin.query(q);
      return;
    }
    const { default: Sqlite } = await import('better-sqlite3');
    const db = new Sqlite(join(dir, 'talktrack.sqlite'));
    db.exec(q);
    db.close();
  };
  return async () => {
    if (engine === 'postgres') {
      connected ??= admin.connect().then(() => admin.query(`create schema ${schema}`));
      await connected;
    }
    return { env, sql };
  };
}

forEachEngine((engine) => {
  const server = useServerEnv(engine);

  describe('npm run serve (main.ts)', () => {
    it('seeds the demo, prints URL, code and staff, serves them, and stops on SIGTERM', { timeout: 180_000 }, async () => {
      const { env } = await server();
      const started = start(env);
      try {
        const [, url] = await waitFor(started, /listening on (http:\/\/\S+)/);
        const [, code] = await waitFor(started, /enrolment code: (\S+)/);
        expect(started.out()).toContain('talktrack listening on http://localhost:');
        // The staff list comes after the code, possibly in a later chunk of output.
        await waitFor(started, /manager\s+王敏 Wang Min\s+password wangmin2026/);
        await waitFor(started, /admin\s+赵强 Zhao Qiang\s+password zhaoqiang2026/);
        const base = (url ?? '').replace('localhost', '127.0.0.1').replace(/\/$/, '');
        const enrol = await fetch(`${base}${API.enrol}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
        });
        expect(enrol.status).toBe(200);
        const device = EnrolResponse.parse(await enrol.json());
        expect(device.hall.name.zh).toBe('中关村营业厅');
        const pulled = await fetch(`${base}${API.pull}`, { headers: { authorization: `Bearer ${device.deviceToken}` } });
        const data = PullResponse.parse(await pulled.json());
        expect(data.staff.map((s) => s.role).sort()).toEqual(['admin', 'consultant', 'consultant', 'consultant', 'floor_marketer', 'manager']);
        expect(data.campaigns.length).toBeGreaterThanOrEqual(6);
        expect(new Set(data.campaigns.map((c) => c.category))).toEqual(new Set(['voice_data', 'vas', 'broadband', 'handset', 'other']));
        expect(data.campaigns.filter((c) => c.category === 'vas').length).toBeGreaterThanOrEqual(2);
        const focus = data.campaigns.filter((c) => c.focus).length;
        expect(focus === 2 || focus === 3).toBe(true);
        expect(data.talkTracks).toHaveLength(data.campaigns.length);
        for (const track of data.talkTracks) {
          for (const key of MUST_SAY_KEYS) {
            expect(track.elements[key].zh.length, `${track.campaignId} ${key}`).toBeGreaterThan(3);
            expect(track.elements[key].en?.length ?? 0, `${track.campaignId} ${key}`).toBeGreaterThan(3);
          }
          expect(track.objections.length).toBeGreaterThanOrEqual(2);
        }
        started.child.kill('SIGTERM');
        expect(await started.exited).toBe(0);
      } finally {
        started.child.kill('SIGKILL');
      }

      // A second start keeps the data, does not seed again and issues a new code.
      const again = start(env);
      try {
        const [, code2] = await waitFor(again, /enrolment code: (\S+)/);
        expect(again.out()).not.toContain('demo data seeded');
        expect(code2).toMatch(/^[A-Z2-9]{8}$/);
        again.child.kill('SIGINT');
        expect(await again.exited).toBe(0);
      } finally {
        again.child.kill('SIGKILL');
      }
    });

    it('refuses to start (exit 1) on a database from a newer release', { timeout: 120_000 }, async () => {
      const { env, sql } = await server();
      // The first test left a migrated database behind; make it look written by a newer release.
      await sql(`insert into schema_version (version, name, applied_at) values (999, 'future', '2030-01-01T00:00:00Z')`);
      const started = start(env);
      try {
        expect(await started.exited).toBe(1);
        expect(started.out()).toMatch(/cannot start: the database schema is version 999 but this server only knows up to version \d+/);
      } finally {
        started.child.kill('SIGKILL');
      }
    });
  });

  const production = useServerEnv(engine);

  describe('npm run serve with TALKTRACK_DEMO=off', () => {
    it('never seeds the demo, prints nothing secret, and says how to run npm run setup', { timeout: 180_000 }, async () => {
      const { env } = await production();
      const started = start({ ...env, TALKTRACK_DEMO: 'off' });
      try {
        const [, url] = await waitFor(started, /listening on (http:\/\/\S+)/);
        // The hint is the last thing printed at start.
        await waitFor(started, /npm run setup -- --hall "<hall name>" --time-zone Asia\/Shanghai --admin "<admin name>"/);
        const out = started.out();
        expect(out).toMatch(/demo off/);
        expect(out).not.toMatch(/demo data seeded/);
        expect(out).not.toMatch(/enrolment code/i);
        expect(out).not.toMatch(/\bPIN\b|password/i);
        for (const s of DEMO_STAFF) expect(out).not.toContain(s.secret);
        const base = (url ?? '').replace('localhost', '127.0.0.1').replace(/\/$/, '');
        expect((await fetch(`${base}${API.health}`)).status).toBe(200);
        started.child.kill('SIGTERM');
        expect(await started.exited).toBe(0);
      } finally {
        started.child.kill('SIGKILL');
      }
      // The database was left empty: the demo, switched on, seeds it now.
      const demo = start({ ...env, TALKTRACK_DEMO: 'on' });
      try {
        await waitFor(demo, /demo data seeded/);
        await waitFor(demo, /enrolment code: \S+/);
        demo.child.kill('SIGTERM');
        expect(await demo.exited).toBe(0);
      } finally {
        demo.child.kill('SIGKILL');
      }
    });

    it('refuses to start (exit 1) on a TALKTRACK_DEMO it does not know, saying which values it takes', { timeout: 120_000 }, async () => {
      const { env } = await production();
      const started = start({ ...env, TALKTRACK_DEMO: 'false' });
      try {
        expect(await started.exited).toBe(1);
        expect(started.out()).toMatch(/cannot start: TALKTRACK_DEMO must be on \(.*\) or off \(.*\); got "false"/);
      } finally {
        started.child.kill('SIGKILL');
      }
    });
  });
});
