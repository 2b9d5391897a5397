import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { Health } from '../../src/shared/schemas/auth.ts';
import { buildApp } from '../../src/server/app.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import {
  connectionTimeoutFromEnv,
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  requestTimeoutFromEnv,
} from '../../src/server/env.ts';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../helpers/apiEngines.ts';

/**
 * 100 clients that open a request and never finish it, some sending the body a byte at a time,
 * some stalling mid-body, some mid-headers: the server still answers health within a second, and
 * cuts every one of them once the request timeout is over.
 */

const REQUEST_TIMEOUT_MS = 1500;
const SLOW_CLIENTS = 100;

interface SlowClient {
  /** Everything the server sent back before it closed the connection. */
  closed: Promise<string>;
  stop(): void;
}

function slowClient(port: number, kind: 'trickle' | 'stall-body' | 'stall-headers'): SlowClient {
  const socket: Socket = connect(port, '127.0.0.1');
  let answer = '';
  let timer: NodeJS.Timeout | undefined;
  const body = JSON.stringify({ code: 'WRONG-CODE-0000', label: 'a tablet on a very slow line' });
  const closed = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(answer);
    });
  });
  socket.on('connect', () => {
    const head = `POST ${API.enrol} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${body.length + 1000}\r\n\r\n`;
    if (kind === 'stall-headers') {
      socket.write(head.slice(0, 30));
      return;
    }
    socket.write(head);
    if (kind === 'stall-body') {
      socket.write(body.slice(0, 10));
      return;
    }
    let sent = 0;
    // One byte every 50 ms: never silent long enough for an idle timeout, never done either.
    timer = setInterval(() => {
      if (!socket.writable) return;
      socket.write(body.charAt(sent % body.length));
      sent++;
    }, 50);
  });
  return { closed, stop: () => socket.destroy() };
}

describe('request and connection timeout settings', () => {
  it('default to 60 s and 120 s, and refuse what is not a number of milliseconds', () => {
    expect(requestTimeoutFromEnv({})).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(60_000);
    expect(connectionTimeoutFromEnv({})).toBe(DEFAULT_CONNECTION_TIMEOUT_MS);
    expect(requestTimeoutFromEnv({ REQUEST_TIMEOUT_MS: '5000' })).toBe(5000);
    expect(() => requestTimeoutFromEnv({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS must be a whole number of milliseconds, at least 1 \(got "0"\)/);
    expect(() => connectionTimeoutFromEnv({ CONNECTION_TIMEOUT_MS: 'a minute' })).toThrow(/CONNECTION_TIMEOUT_MS must be/);
  });
});

forEachEngine((engine) => {
  describe('slow clients', () => {
    let testDb: TestDatabase | undefined;
    let app: FastifyInstance | undefined;
    let port = 0;
    beforeAll(async () => {
      testDb = await openTestDatabase(engine);
      await migrate(testDb.database);
      app = buildApp({ db: testDb.database, rateLimits: false, requestTimeoutMs: REQUEST_TIMEOUT_MS, connectionTimeoutMs: 10_000 });
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = (app.server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await app?.close();
      await testDb?.cleanup();
    });

    it('100 slow connections neither keep health from answering within 1 s nor outlive the request timeout', async () => {
      const kinds = ['trickle', 'stall-body', 'stall-headers'] as const;
      const clients = Array.from({ length: SLOW_CLIENTS }, (_, i) => slowClient(port, kinds[i % kinds.length]!));
      try {
        // Let every slow client get its request under way before asking.
        await new Promise((r) => setTimeout(r, 300));
        const started = Date.now();
        // A timeout here throws (AbortError): the test fails.
        const res = await fetch(`http://127.0.0.1:${port}${API.health}`, { signal: AbortSignal.timeout(1000) });
        expect(res.status).toBe(200);
        expect(Health.parse(await res.json()).database).toBe(true);
        expect(Date.now() - started).toBeLessThan(1000);

        // Every slow one is cut: within the timeout plus Node's check interval (a quarter of it) and some slack.
        const cut = await Promise.race([
          Promise.all(clients.map((c) => c.closed)),
          new Promise<null>((r) => setTimeout(() => r(null), REQUEST_TIMEOUT_MS * 3)),
        ]);
        expect(cut, 'some slow connections were still open three request timeouts later').not.toBeNull();
        for (const answer of cut ?? []) {
          // Cut, never served: either a 408 or the connection closed without an answer.
          if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 408/);
        }
        expect((cut ?? []).filter((a) => a.startsWith('HTTP/1.1 408')).length).toBeGreaterThan(0);
      } finally {
        for (const c of clients) c.stop();
      }
    });
  });
});
