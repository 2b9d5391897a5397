import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { type PropertyTotals, runSyncProperty } from '../helpers/syncProperty.ts';
import { runTsWorker } from '../helpers/tsWorker.ts';

/**
 * The device's real sync engine against the real server: whatever the order of writes, refused
 * writes, failed pushes (dropped before or after the server, 503, cut mid-body), retried pushes,
 * two syncs at once, restarts, syncs while the storage is full and the server restored from a
 * backup taken earlier (npm run backup / restore's own functions), once the network heals the
 * server ends with exactly the records written, once each (exact counts, exact id sets, one
 * receipt per outbox entry): the tablet sends again what the restore took back.
 * The property itself is in tests/helpers/syncProperty.ts.
 *
 * SYNC_PROPERTY_RUNS schedules (1,000 in `npm test`; `.ci/run` then runs 10,000 from a new seed it
 * prints; `npm run soak` runs 100,000), most of them
 * short, one in ten up to SYNC_PROPERTY_MAX_STEPS steps (25), from the fixed seed
 * SYNC_PROPERTY_SEED, split over SYNC_PROPERTY_THREADS worker threads (one per core, up to two;
 * 0 runs in this thread). Shard i draws its schedules from seed + i: the same schedules on every
 * run with the same settings.
 */

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 1_000);
const SEED = Number(process.env.SYNC_PROPERTY_SEED ?? 20261127);
const MAX_STEPS = Number(process.env.SYNC_PROPERTY_MAX_STEPS ?? 25);
const THREADS = Number(process.env.SYNC_PROPERTY_THREADS ?? Math.min(2, availableParallelism()));

describe('sync engine against the server (sqlite)', () => {
  it(`any interleaving leaves the server with exactly the records written, once each (${RUNS} schedules)`, async () => {
    const shards = Math.max(1, THREADS);
    const options = Array.from({ length: shards }, (_, i) => ({
      runs: Math.floor(RUNS / shards) + (i < RUNS % shards ? 1 : 0),
      seed: SEED + i,
      maxSteps: MAX_STEPS,
      label: `${process.pid}-${i}`,
    }));
    const results: PropertyTotals[] =
      THREADS === 0
        ? [await runSyncProperty(options[0]!)]
        : await Promise.all(options.map((o) => runTsWorker<PropertyTotals>(new URL('../helpers/syncPropertyWorker.ts', import.meta.url), o)));

    const sum = (k: keyof PropertyTotals) => results.reduce((n, r) => n + r[k], 0);
    const stored = sum('written') - sum('refused');
    console.log(
      `[sync property] seeds=${results.map((r) => r.seed).join(',')} threads=${shards} schedules=${sum('schedules')} (longer than 6 steps: ${sum('longSchedules')}) steps=${sum('steps')} ` +
        `faults=${sum('faults')} server restores=${sum('restores')} (in ${sum('restoringSchedules')} schedules) records written=${sum('written')} (refused on purpose ${sum('refused')}) on server=${sum('onServer')} ` +
        `lost=${Math.max(0, stored - sum('onServer'))} doubled=${Math.max(0, sum('onServer') - stored)} receipts=${sum('receipts')}`,
    );
    expect(sum('schedules')).toBe(RUNS);
    for (const r of results) {
      expect(r.onServer, `seed ${r.seed}: rows on the server`).toBe(r.written - r.refused);
      expect(r.fieldRecords, `seed ${r.seed}: registered records`).toBe(r.written - r.refused);
      expect(r.receipts, `seed ${r.seed}: receipts`).toBe(r.written);
    }
  }, Math.max(1_200_000, RUNS * 120));
});
