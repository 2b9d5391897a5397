import { describe, expect, it } from 'vitest';
import type { FieldRecord } from '../../../src/shared/schemas/fieldRecords.ts';
import { SENT_RETENTION_DAYS } from '../../../src/shared/outboxRetention.ts';
import { createApiClient } from '../../../src/client/api/http.ts';
import { INITIAL_SYNC_STATE, readMeta, type TalktrackDb, writeMeta } from '../../../src/client/db/db.ts';
import { outboxSummary } from '../../../src/client/db/queries.ts';
import { syncOnce } from '../../../src/client/sync/engine.ts';
import { useApiApp } from '../../helpers/apiApp.ts';
import { makeOutbox, seedHallFixture } from '../../helpers/apiFixtures.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { signedEntry } from '../../helpers/clientSigning.ts';
import { injectFetch } from '../../helpers/injectFetch.ts';
import { makeDb } from '../../helpers/uiFixtures.tsx';

/**
 * What the server acknowledged stays on the tablet as sent for the retention period (so that it
 * can be sent again should the server be restored from an earlier backup), never counts as
 * waiting, and is deleted once older than that. The real engine against the real server.
 */

const DAY_MS = 86_400_000;
const T0 = Date.parse('2026-11-02T09:00:00.000Z');
const at = (days: number) => () => new Date(T0 + days * DAY_MS);

async function addRecords(database: Database, db: TalktrackDb, records: readonly FieldRecord[]): Promise<void> {
  const sync = (await readMeta(db, 'sync')) ?? INITIAL_SYNC_STATE;
  const entries = await Promise.all(records.map((record, i) => signedEntry(database, sync.nextSeq + i, record)));
  await db.outbox.bulkAdd(entries);
  await writeMeta(db, 'sync', { ...sync, nextSeq: sync.nextSeq + records.length });
}

const statuses = async (db: TalktrackDb) => (await db.outbox.orderBy('seq').toArray()).map((e) => [e.seq, e.status, e.ackedAt ?? null]);

describe('records the server acknowledged', () => {
  const ctx = useApiApp('sqlite');

  async function tablet() {
    const fx = await seedHallFixture(ctx().app, ctx().database);
    const db = makeDb();
    await writeMeta(db, 'enrolment', { deviceId: fx.device.id, deviceToken: fx.device.token, hall: fx.hall, enrolledAt: new Date().toISOString() });
    return { fx, db, api: createApiClient('', injectFetch(ctx().app)) };
  }

  it('are kept as sent, with when, and none of them counts as waiting', async () => {
    const { fx, db, api } = await tablet();
    await addRecords(ctx().database, db, makeOutbox(fx, 3));
    expect((await outboxSummary(db)).waiting).toBe(3);
    expect(await syncOnce({ db, api, now: at(0) })).toEqual({ kind: 'done', pushed: 3, rejected: 0 });
    const ackedAt = at(0)().toISOString();
    expect(await statuses(db)).toEqual([[1, 'sent', ackedAt], [2, 'sent', ackedAt], [3, 'sent', ackedAt]]);
    expect(await outboxSummary(db)).toEqual({ waiting: 0, rejected: [] });
  });

  it(`are deleted at the first sync more than ${SENT_RETENTION_DAYS} days after they were acknowledged, the newer ones kept`, async () => {
    const { fx, db, api } = await tablet();
    const records = makeOutbox(fx, 4);
    await addRecords(ctx().database, db, records.slice(0, 2));
    expect((await syncOnce({ db, api, now: at(0) })).kind).toBe('done');
    await addRecords(ctx().database, db, records.slice(2));
    expect((await syncOnce({ db, api, now: at(10) })).kind).toBe('done');

    expect((await syncOnce({ db, api, now: at(SENT_RETENTION_DAYS) })).kind).toBe('done');
    expect((await statuses(db)).map(([seq]) => seq), 'exactly the retention period: still kept').toEqual([1, 2, 3, 4]);
    expect((await syncOnce({ db, api, now: at(SENT_RETENTION_DAYS + 1) })).kind).toBe('done');
    expect(await statuses(db)).toEqual([[3, 'sent', at(10)().toISOString()], [4, 'sent', at(10)().toISOString()]]);
    expect((await syncOnce({ db, api, now: at(10 + SENT_RETENTION_DAYS + 1) })).kind).toBe('done');
    expect(await statuses(db)).toEqual([]);
    // Deleting kept copies never touches the numbering.
    expect(await readMeta(db, 'sync')).toMatchObject({ nextSeq: 5, ackedThrough: 4 });
  });
});
