import type { ApiClient } from '../api/http.ts';
import { TalktrackDb } from '../db/db.ts';
import type { SyncScheduler } from '../sync/scheduler.ts';
import type { Services } from './services.ts';

/**
 * The counter paints from IndexedDB alone, so only the database is made up front; the network
 * layer (API client, sync engine and the schemas that check answers) loads right after, in its own
 * chunk that the service worker precaches like the rest. Calls made before it arrives wait for it.
 */
export function createLazyServices(db: TalktrackDb = new TalktrackDb()): Services & { ready: Promise<Services> } {
  const ready = import('./services.ts').then(({ createServices }) => createServices({ db }));
  const api: ApiClient = {
    request(path, schema, options) {
      return ready.then((s) => s.api.request(path, schema, options));
    },
    requestNoContent(path, options) {
      return ready.then((s) => s.api.requestNoContent(path, options));
    },
    requestFile(path, options) {
      return ready.then((s) => s.api.requestFile(path, options));
    },
  };
  let running = false;
  const sync: SyncScheduler = {
    start() {
      running = true;
      void ready.then((s) => running && s.sync.start());
    },
    stop() {
      running = false;
      void ready.then((s) => s.sync.stop());
    },
    recordWritten() {
      void ready.then((s) => s.sync.recordWritten());
    },
    syncNow() {
      return ready.then((s) => s.sync.syncNow());
    },
  };
  return { db, api, sync, ready };
}
