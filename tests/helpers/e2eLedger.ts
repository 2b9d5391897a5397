import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Both sides of "exactly the records written, once each": what the tablet holds in its IndexedDB
 * (every record it made is kept locally; the outbox keeps what is not yet acknowledged, and for a
 * while what was, as sent) and what the server's SQLite file holds, compared id by id.
 */

export interface DeviceOutboxEntry {
  seq: number;
  status: 'pending' | 'sent' | 'rejected';
  kind: string;
  id: string;
  error: string | null;
  message: string | null;
}

export interface DeviceLedger {
  visits: Array<{ id: string; closedAt: string | null }>;
  recommendationIds: string[];
  outbox: DeviceOutboxEntry[];
  nextSeq: number;
  ackedThrough: number;
}

/** The tablet's own records, read straight from the app's IndexedDB (not through the app). */
export async function deviceLedger(page: Page): Promise<DeviceLedger> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('talktrack');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        });
      const visits = await all<{ id: string; closedAt: string | null }>('visits');
      const recs = await all<{ id: string }>('recommendations');
      const outbox = await all<{ seq: number; status: 'pending' | 'sent' | 'rejected'; record: { kind: string; id: string }; error: string | null; message: string | null }>('outbox');
      const meta = await all<{ key: string; value: { nextSeq: number; ackedThrough: number } }>('meta');
      const sync = meta.find((m) => m.key === 'sync')?.value ?? { nextSeq: 1, ackedThrough: 0 };
      return {
        visits: visits.map((v) => ({ id: v.id, closedAt: v.closedAt })),
        recommendationIds: recs.map((r) => r.id),
        outbox: outbox.map((e) => ({ seq: e.seq, status: e.status, kind: e.record.kind, id: e.record.id, error: e.error, message: e.message })),
        nextSeq: sync.nextSeq,
        ackedThrough: sync.ackedThrough,
      };
    } finally {
      db.close();
    }
  });
}

export interface ServerLedger {
  visitIds: string[];
  recommendationIds: string[];
  /** visit id of each stored close, one entry per row. */
  closeVisitIds: string[];
  fieldRecords: number;
  receipts: Array<{ device_id: string; seq: number; status: string; error: string | null; message: string | null }>;
  devices: Array<{ id: string; acked_seq: number }>;
}

/** What the server holds, read from its SQLite file (read-only). */
export function serverLedger(sqliteFile: string): ServerLedger {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const ids = (sql: string) => (db.prepare(sql).pluck().all() as string[]);
    return {
      visitIds: ids('select id from visits'),
      recommendationIds: ids('select id from recommendations'),
      closeVisitIds: ids('select visit_id from visit_closes'),
      fieldRecords: db.prepare('select count(*) from field_records').pluck().get() as number,
      receipts: db.prepare('select device_id, seq, status, error, message from push_receipts order by device_id, seq').all() as ServerLedger['receipts'],
      devices: db.prepare('select id, acked_seq from devices').all() as ServerLedger['devices'],
    };
  } finally {
    db.close();
  }
}

/** What the test itself logged through the UI. */
export interface Logged {
  visits: number;
  recommendations: number;
  closes: number;
}

export interface Reconciled {
  written: number;
  onServer: number;
  lost: number;
  doubled: number;
  setAside: number;
  outboxLeft: number;
}

/**
 * Compares the three: what the test logged, what the tablet holds, what the server holds.
 * Records the server refused (set aside on the tablet) are expected on the tablet only.
 */
export function reconcile(logged: Logged, device: DeviceLedger, server: ServerLedger): Reconciled {
  const setAside = new Set(device.outbox.filter((e) => e.status === 'rejected').map((e) => e.id));
  const localVisits = new Set(device.visits.map((v) => v.id));
  const localRecs = new Set(device.recommendationIds.filter((id) => !setAside.has(id)));
  const closedLocally = new Set(device.visits.filter((v) => v.closedAt !== null).map((v) => v.id));

  const serverVisits = new Set(server.visitIds);
  const serverRecs = new Set(server.recommendationIds);
  const closesPerVisit = new Map<string, number>();
  for (const v of server.closeVisitIds) closesPerVisit.set(v, (closesPerVisit.get(v) ?? 0) + 1);

  const lost =
    [...localVisits].filter((id) => !serverVisits.has(id)).length +
    [...localRecs].filter((id) => !serverRecs.has(id)).length +
    [...closedLocally].filter((id) => !closesPerVisit.has(id)).length;
  const doubled =
    server.visitIds.filter((id) => !localVisits.has(id)).length +
    server.recommendationIds.filter((id) => !localRecs.has(id)).length +
    [...closesPerVisit].reduce((n, [visitId, count]) => n + (closedLocally.has(visitId) ? count - 1 : count), 0);

  const written = logged.visits + logged.recommendations + logged.closes;
  return {
    written,
    onServer: server.visitIds.length + server.recommendationIds.length + server.closeVisitIds.length,
    lost,
    doubled,
    setAside: setAside.size,
    outboxLeft: device.outbox.filter((e) => e.status === 'pending').length,
  };
}

/**
 * The whole check after the network healed: the tablet made exactly what was logged, the server
 * holds each of those records once (and nothing else), nothing waits in the outbox (what was sent
 * stays there as sent; refused records are set aside), and the server's receipts and acknowledged
 * sequence cover every outbox entry. Prints a
 * one-line summary so the counts show in the run output.
 */
export function expectExactlyOnce(label: string, logged: Logged, device: DeviceLedger, server: ServerLedger, extra = ''): Reconciled {
  const r = reconcile(logged, device, server);
  console.log(
    `[${label}] written=${r.written} (visits ${logged.visits}, recommendations ${logged.recommendations}, closes ${logged.closes}) ` +
      `on server=${r.onServer} lost=${r.lost} doubled=${r.doubled} set aside=${r.setAside} outbox left=${r.outboxLeft}${extra ? ' ' + extra : ''}`,
  );
  // The tablet made what the person did, once each.
  expect(device.visits.length, 'visits on the tablet').toBe(logged.visits);
  expect(device.recommendationIds.length - r.setAside, 'recommendations on the tablet').toBe(logged.recommendations);
  expect(device.visits.filter((v) => v.closedAt !== null).length, 'closed visits on the tablet').toBe(logged.closes);
  // The server holds each of them once.
  expect(r.lost, 'records lost').toBe(0);
  expect(r.doubled, 'records doubled').toBe(0);
  expect(r.onServer).toBe(r.written);
  expect(server.fieldRecords).toBe(r.written);
  // Nothing waits; what is set aside is kept with the server's reason.
  expect(device.outbox.filter((e) => e.status === 'pending'), 'outbox entries still pending').toEqual([]);
  // Every outbox entry the tablet numbered has one receipt, and the server acknowledged them all.
  // (One tablet per test server: all receipts are its own.)
  const lastSeq = device.nextSeq - 1;
  const pushing = new Set(server.receipts.map((x) => x.device_id));
  expect(pushing.size, 'devices that pushed').toBe(1);
  expect(server.receipts.map((x) => x.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
  expect(server.receipts.filter((x) => x.status === 'duplicate'), 'a record sent under two sequence numbers').toEqual([]);
  expect(server.receipts.filter((x) => x.status === 'rejected').length).toBe(r.setAside);
  expect(server.devices.find((d) => pushing.has(d.id))?.acked_seq).toBe(lastSeq);
  expect(device.ackedThrough).toBe(lastSeq);
  return r;
}
