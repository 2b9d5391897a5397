import type { ApiClient } from '../api/http.ts';
import { TalktrackDb } from '../db/db.ts';
import type { SyncScheduler } from '../sync/scheduler.ts';
import type { Services } from './services.ts';

/**
 * The counter paints from IndexedDB alone, so only the database is made up front; the network
 * layer (API client, sync engine and the schemas that check answers) is a chunk of its own, which
 * the service worker precaches like the rest. It loads once `loadAfter` settles (the page passes
 * its first screen being shown, so building the schemas does not hold that screen back) or at the
 * first request, whichever comes first. Calls made before it arrives wait for it; so does the sync
 * scheduler's start.
 */
export function createLazyServices(
  db: TalktrackDb = new TalktrackDb(),
  loadAfter: Promise<unknown> = Promise.resolve(),
): Services & { ready: Promise<Services> } {
  let loading: Promise<Services> | undefined;
  let loaded!: (services: Promise<Services>) => void;
  const ready = new Promise<Services>((resolve) => (loaded = resolve));
  const load = (): Promise<Services> => {
    if (loading === undefined) {
      loading = import('./services.ts').then(({ createServices }) => createServices({ db }));
      loaded(loading);
    }
    return loading;
  };
  void loadAfter.then(load, load);

  const api: ApiClient = {
    request(path, schema, options) {
      return load().then((s) => s.api.request(path, schema, options));
    },
    requestNoContent(path, options) {
      return load().then((s) => s.api.requestNoContent(path, options));
    },
    requestFile(path, options) {
      return load().then((s) => s.api.requestFile(path, options));
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
      void load().then((s) => s.sync.recordWritten());
    },
    syncNow() {
      return load().then((s) => s.sync.syncNow());
    },
  };
  return { db, api, sync, ready };
}
