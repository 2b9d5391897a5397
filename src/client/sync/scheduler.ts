import { retryDelay } from './rules.ts';
import { type SyncEngineOptions, type SyncOutcome, syncOnce } from './engine.ts';

/**
 * When to sync: on start, when the browser comes online, shortly after each new record
 * (debounced), on a timer, and after failures with backoff. The engine itself keeps it to one
 * sync at a time per device.
 */
export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** A record was written: sync soon. */
  recordWritten(): void;
  /** Sync now (a person tapped "sync"). */
  syncNow(): Promise<SyncOutcome>;
}

export interface SchedulerOptions extends SyncEngineOptions {
  debounceMs?: number;
  intervalMs?: number;
  onOutcome?: (outcome: SyncOutcome) => void;
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { debounceMs = 1_500, intervalMs = 30_000, onOutcome } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let interval: ReturnType<typeof setInterval> | undefined;
  let failures = 0;
  let again = false;
  let running: Promise<SyncOutcome> | null = null;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };

  async function run(): Promise<SyncOutcome> {
    if (running) {
      // A record written while a push is in flight is picked up by one more round right after.
      again = true;
      return running;
    }
    running = syncOnce(options);
    try {
      const outcome = await running;
      onOutcome?.(outcome);
      if (outcome.kind === 'failed') {
        failures++;
        schedule(retryDelay(failures, outcome.retryAfterMs));
      } else {
        failures = 0;
      }
      return outcome;
    } finally {
      running = null;
      if (again) {
        again = false;
        schedule(0);
      }
    }
  }

  const onOnline = () => {
    failures = 0;
    schedule(0);
  };

  return {
    start() {
      window.addEventListener('online', onOnline);
      interval = setInterval(() => {
        if (failures === 0) void run();
      }, intervalMs);
      schedule(0);
    },
    stop() {
      window.removeEventListener('online', onOnline);
      clearInterval(interval);
      clearTimeout(timer);
    },
    recordWritten() {
      if (failures === 0) schedule(debounceMs);
    },
    syncNow() {
      failures = 0;
      return run();
    },
  };
}
