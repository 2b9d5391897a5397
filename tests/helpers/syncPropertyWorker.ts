import { parentPort, workerData } from 'node:worker_threads';
import { type PropertyOptions, runSyncProperty } from './syncProperty.ts';

/** Worker-thread entry for one shard of the sync property (see runTsWorker). */
const describe = (e: unknown): string =>
  e instanceof Error ? `${e.stack ?? e.message}${e.cause !== undefined ? `\nCaused by: ${describe(e.cause)}` : ''}` : String(e);

const options = workerData as PropertyOptions;
try {
  parentPort!.postMessage({ ok: true, value: await runSyncProperty(options) });
} catch (error) {
  const replay = `replay this shard alone: SYNC_PROPERTY_THREADS=0 SYNC_PROPERTY_SEED=${options.seed} SYNC_PROPERTY_RUNS=${options.runs} SYNC_PROPERTY_MAX_STEPS=${options.maxSteps}`;
  parentPort!.postMessage({ ok: false, error: `${replay}\n${describe(error)}` });
}
