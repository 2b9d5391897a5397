import { createApiClient, type ApiClient } from '../api/http.ts';
import { TalktrackDb } from '../db/db.ts';
import { createSyncScheduler, type SyncScheduler } from '../sync/scheduler.ts';
import type { SyncOutcome } from '../sync/engine.ts';

/** The app's long-lived services, created once per page. Tests build their own with `createServices`. */
export interface Services {
  db: TalktrackDb;
  api: ApiClient;
  sync: SyncScheduler;
}

export function createServices(options: { db?: TalktrackDb; api?: ApiClient; onSyncOutcome?: (o: SyncOutcome) => void } = {}): Services {
  const db = options.db ?? new TalktrackDb();
  const api = options.api ?? createApiClient();
  const sync = createSyncScheduler({ db, api, onOutcome: options.onSyncOutcome });
  return { db, api, sync };
}
