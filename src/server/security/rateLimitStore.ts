import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/database.ts';
import { countHit, sweepRateLimitHits } from '../repos/rateLimitHits.ts';

/** How often one process clears the counts of windows that are over. */
const SWEEP_EVERY_MS = 60_000;

/** What each limit passes to createRateLimit besides its own options: the name its counts are kept under. */
export interface Namespaced {
  nameSpace?: string;
}

/**
 * A @fastify/rate-limit store that keeps its counts in the database (rate_limit_hits), so every
 * server process on one PostgreSQL counts against the same limit: N processes allow the limit
 * once, not N times. Each limit is its own child store, its keys prefixed with its name.
 */
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  const sweep = (nowMs: number) => {
    if (nowMs - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = nowMs;
    // Only tidiness: a failed sweep is tried again a minute later, and counting goes on meanwhile.
    sweepRateLimitHits(database.db, nowMs).catch(() => undefined);
  };

  class DatabaseStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(options: unknown = {}) {
      const name = (options as Namespaced).nameSpace;
      this.prefix = name === undefined ? '' : `${name}:`;
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const nowMs = Date.now();
      countHit(database, `${this.prefix}${key}`, timeWindow, nowMs).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
      sweep(nowMs);
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new DatabaseStore(routeOptions);
    }
  }
  return DatabaseStore;
}
