import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createDatabase, type Database } from './db/database.ts';

/** Where the SQLite database lives: ${DATA_DIR:-./data}/talktrack.sqlite. */
export function sqliteFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.DATA_DIR ?? './data'), 'talktrack.sqlite');
}

/**
 * The settings the environment gives the server and the admin scripts. Each reader throws an Error
 * saying which variable is wrong and what it takes; the server then refuses to start with it.
 */

/**
 * The database the environment selects: DATABASE_URL=postgres://… for PostgreSQL, otherwise
 * SQLite at ${DATA_DIR:-./data}/talktrack.sqlite. Shared by the server and the admin scripts.
 */
export function openDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): { database: Database; where: string; sqliteFile?: string } {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const database = createDatabase({ url });
    // Never print a password from the URL.
    return { database, where: `PostgreSQL ${url.replace(/\/\/[^@/]*@/, '//…@')}` };
  }
  const file = sqliteFileFromEnv(env);
  mkdirSync(dirname(file), { recursive: true });
  return { database: createDatabase({ sqliteFile: file }), where: `SQLite ${file}`, sqliteFile: file };
}

export const DEFAULT_PORT = 8080;

/** PORT: the HTTP port (0 picks a free one). */
export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT ?? String(DEFAULT_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number from 0 to 65535 (got "${raw}")`);
  }
  return port;
}

/** SHUTDOWN_GRACE_MS: how long requests in flight get to finish at SIGTERM. */
export function shutdownGraceFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SHUTDOWN_GRACE_MS ?? '25000';
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds (got "${raw}")`);
  }
  return ms;
}

/**
 * TALKTRACK_DEMO: `on` (the default) loads the demo hall into an empty database and prints its
 * enrolment code and published passwords at every start; `off`, for a real deployment, never
 * seeds it and prints nothing secret. Anything else is refused rather than guessed: a typo must
 * not publish passwords in a real hall.
 */
export function demoFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.TALKTRACK_DEMO ?? 'on';
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`TALKTRACK_DEMO must be on (load and print the demo hall) or off (a real deployment); got "${raw}"`);
}

function wholeMs(name: string, fallback: number, env: NodeJS.ProcessEnv, min: number): number {
  const raw = env[name] ?? String(fallback);
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < min) {
    throw new Error(`${name} must be a whole number of milliseconds, at least ${min} (got "${raw}")`);
  }
  return ms;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 120_000;

/**
 * REQUEST_TIMEOUT_MS: how long a client has to send a whole request (headers and body). A body
 * sent a byte at a time, or stalled, is cut (408) once it is over, so slow clients cannot hold
 * the server's connections; a 2 MiB push needs only about 35 KB/s to arrive within the default.
 */
export function requestTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeMs('REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, env, 1);
}

/** CONNECTION_TIMEOUT_MS: a connection on which nothing moves for this long is closed. */
export function connectionTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeMs('CONNECTION_TIMEOUT_MS', DEFAULT_CONNECTION_TIMEOUT_MS, env, 1);
}
