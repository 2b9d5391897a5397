import { configure, type RenderResult } from '@testing-library/preact';
import type { FastifyInstance } from 'fastify';
import { SESSION_HEADER } from '../../src/shared/apiPaths.ts';
import { importSigningKey } from '../../src/shared/recordSignature.ts';
import { createApiClient } from '../../src/client/api/http.ts';
import type { Services } from '../../src/client/app/services.ts';
import { applyPull } from '../../src/client/db/referenceStore.ts';
import { syncOnce } from '../../src/client/sync/engine.ts';
import { INITIAL_SYNC_STATE, type TalktrackDb, writeMeta } from '../../src/client/db/db.ts';
import type { Database } from '../../src/server/db/database.ts';
import { injectFetch } from './injectFetch.ts';
import { type ManageHall, pull, seedManageHall, type SignedIn } from './manageFixtures.ts';
import { type FakeSync, fakeSync, makeDb, renderApp } from './uiFixtures.tsx';

// The manager pages are a lazily loaded chunk and every request goes through the real server.
configure({ asyncUtilTimeout: 8_000 });
// preact-iso scrolls to the top after a route change; jsdom has no layout to scroll.
window.scrollTo = () => undefined;

export type Who = 'manager' | 'admin' | 'consultant' | 'marketer';

export interface ManageUi {
  hall: ManageHall;
  db: TalktrackDb;
  services: Services & { sync: FakeSync };
  view: RenderResult;
  person: SignedIn;
}

/**
 * A browser enrolled in a real hall on the real server (fastify on SQLite, reached through
 * inject), its reference data pulled as the sync engine does, `who` signed in (online unless
 * `offline`), the app rendered at `path`.
 */
export async function manageUi(
  ctx: { app: FastifyInstance; database: Database },
  options: { who?: Who; offline?: boolean; path?: string; hall?: ManageHall; enrolled?: boolean; signedIn?: boolean } = {},
): Promise<ManageUi> {
  const { app, database } = ctx;
  const hall = options.hall ?? (await seedManageHall(app, database));
  const person = hall[options.who ?? 'manager'];
  const db = makeDb();
  if (options.enrolled !== false) {
    await writeMeta(db, 'enrolment', { deviceId: hall.fx.device.id, deviceToken: hall.fx.device.token, hall: hall.fx.hall, enrolledAt: new Date().toISOString() });
    await writeMeta(db, 'sync', INITIAL_SYNC_STATE);
    await applyPull(db, await pull(app, hall.fx.device.token));
    if (options.signedIn !== false) {
      await writeMeta(db, 'signedIn', {
        staffId: person.staffId,
        signedInAt: new Date().toISOString(),
        sessionToken: options.offline ? null : person.headers[SESSION_HEADER]!,
        signingKey: { id: person.signingKey.id, key: await importSigningKey(person.signingKey.secret) },
      });
    }
  }
  const services = { db, api: createApiClient('', injectFetch(app)), sync: fakeSync() };
  history.replaceState(null, '', options.path ?? '/manage');
  const view = renderApp(services);
  return { hall, db, services, view, person };
}

/**
 * A browser that is not enrolled (or enrolled as the test set it up) on the real server: its sync
 * really pushes and pulls, so what a tablet learns at its next pull shows on screen.
 */
export function tabletUi(ctx: { app: FastifyInstance }, options: { db?: TalktrackDb; path?: string } = {}): { db: TalktrackDb; services: Services & { sync: FakeSync }; view: RenderResult } {
  const db = options.db ?? makeDb();
  const api = createApiClient('', injectFetch(ctx.app));
  const sync = fakeSync();
  sync.syncNow.mockImplementation(() => syncOnce({ db, api }));
  const services = { db, api, sync };
  history.replaceState(null, '', options.path ?? '/');
  return { db, services, view: renderApp(services) };
}

/** A file the way the import input hands it over. */
export function chooseFile(input: HTMLElement, name: string, text: string): void {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
