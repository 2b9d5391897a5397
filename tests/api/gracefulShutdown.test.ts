import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { EnrolResponse, Health } from '../../src/shared/schemas/auth.ts';
import { MAX_PUSH_ENTRIES, PushResponse } from '../../src/shared/schemas/sync.ts';
import { LATEST_SCHEMA_VERSION } from '../../src/server/db/migrate.ts';
import { ackedSeq, countStored, entries, signEntries } from '../helpers/apiFixtures.ts';
import { forEachEngine, TEST_PG_URL } from '../helpers/apiEngines.ts';
import { demoOutbox } from '../helpers/demoRecords.ts';
import { type RunningServer, startServer } from '../helpers/e2eServer.ts';
import { createServerStore, type ServerStore } from '../helpers/serverStore.ts';

/**
 * SIGTERM while a large push is in flight: the real server process (main.ts) stops accepting
 * connections, answers the push it had accepted (on PostgreSQL while the push's transaction waits
 * for a row lock the test holds, so it is mid-transaction when the signal comes), closes the
 * database and exits 0. No sleeps: each step waits for the server to say or show it got there.
 */

interface HeldPush {
  /** Sends the body the server is waiting for. */
  sendBody(): void;
  answer: Promise<{ status: number; text: string }>;
}

/**
 * A push sent with `Expect: 100-continue`: it resolves once the server has answered "100 Continue",
 * i.e. has taken the request in (past fastify's closing check) and waits for its body.
 */
function pushAcceptedButNotSent(base: string, token: string, body: string, agent: Agent): Promise<HeldPush> {
  return new Promise((accepted, failed) => {
    const req = request(new URL(API.push, base), {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: `Bearer ${token}`,
        expect: '100-continue',
      },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
    answer.catch(failed);
    req.on('continue', () => accepted({ sendBody: () => req.end(body), answer }));
    req.flushHeaders();
  });
}

function tryConnect(url: string): Promise<'connected' | string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

async function waitForOutput(server: RunningServer, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 3000 && !pattern.test(server.output()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(server.output()).toMatch(pattern);
}

/** PostgreSQL: holds the device's row (FOR UPDATE) from the test, so the push's transaction waits on it. */
async function lockDeviceRow(schema: string, deviceId: string) {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  await client.query('begin');
  await client.query(`select id from ${schema}.devices where id = $1 for update`, [deviceId]);
  return {
    /** Resolves once a server connection is blocked by this lock. */
    async blockedSomeone(): Promise<void> {
      const blocked = async () =>
        (await client.query<{ n: string }>('select count(*) as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [pid])).rows[0]!.n !== '0';
      for (let i = 0; i < 3000 && !(await blocked()); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await blocked(), 'the push never reached the device row lock').toBe(true);
    },
    async release(): Promise<void> {
      await client.query('rollback');
      await client.end();
    },
  };
}

forEachEngine((engine) => {
  let store: ServerStore | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    await store?.cleanup();
    server = undefined;
    store = undefined;
  });

  describe('the real server process', () => {
    it('reports its engine, schema version and database in /health', { timeout: 60_000 }, async () => {
      store = await createServerStore(engine);
      server = await startServer(store.serverOptions);
      const res = await fetch(`${server.url}${API.health}`);
      expect(res.status).toBe(200);
      expect(Health.parse(await res.json())).toEqual({ status: 'ok', engine, schemaVersion: LATEST_SCHEMA_VERSION, database: true });
    });

    it('on SIGTERM refuses new connections, answers the push in flight, closes the database and exits 0', { timeout: 90_000 }, async () => {
      store = await createServerStore(engine);
      server = await startServer(store.serverOptions);
      const enrol = await fetch(`${server.url}${API.enrol}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: server.enrolmentCode }),
      });
      expect(enrol.status).toBe(200);
      const device = EnrolResponse.parse(await enrol.json());
      const records = demoOutbox(device.deviceId, MAX_PUSH_ENTRIES);
      // Signed as the tablet signs them once the person signed in on it.
      const keys = store.open();
      const signed = await signEntries(keys, entries(records, 1, records.length)).finally(() => keys.destroy());
      const body = JSON.stringify({ entries: signed });

      const lock = store.pgSchema !== undefined ? await lockDeviceRow(store.pgSchema, device.deviceId) : undefined;
      // Keep-alive, as tablets do: the server must still close the connection once it has answered.
      const agent = new Agent({ keepAlive: true });
      try {
        const held = await pushAcceptedButNotSent(server.url, device.deviceToken, body, agent);
        server.kill('SIGTERM');
        await waitForOutput(server, /no longer accepting connections/);
        expect(await tryConnect(server.url)).toBe('ECONNREFUSED');

        held.sendBody();
        if (lock !== undefined) {
          await lock.blockedSomeone();
          // Mid-transaction, after SIGTERM: the process waits for the push rather than exiting.
          expect(await Promise.race([server.exited, Promise.resolve('running')])).toBe('running');
          await lock.release();
        }
        const answer = await held.answer;
        expect(answer.status, answer.text).toBe(200);
        expect(PushResponse.parse(JSON.parse(answer.text))).toEqual({ ackedThrough: records.length, rejected: [] });
        expect(await server.exited).toBe(0);
        expect(server.output()).toMatch(/talktrack: closed/);
        // Closed because every request was answered, not because the grace period ran out.
        expect(server.output()).not.toMatch(/cutting their connections/);
      } finally {
        agent.destroy();
        await lock?.release().catch(() => undefined);
      }

      const database = store.open();
      try {
        expect(await ackedSeq(database, device.deviceId)).toBe(records.length);
        expect(await countStored(database, device.deviceId)).toEqual({
          visits: records.length / 2,
          recommendations: records.length / 2,
          visitCloses: 0,
          fieldRecords: records.length,
          receipts: records.length,
        });
      } finally {
        await database.destroy();
      }
    });
  });
});
