import { screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FieldRecord } from '../../../src/shared/schemas/fieldRecords.ts';
import { createApiClient } from '../../../src/client/api/http.ts';
import { INITIAL_SYNC_STATE, type OutboxEntry, readMeta, type TalktrackDb, writeMeta } from '../../../src/client/db/db.ts';
import { applyPull } from '../../../src/client/db/referenceStore.ts';
import { syncOnce } from '../../../src/client/sync/engine.ts';
import { useApiApp } from '../../helpers/apiApp.ts';
import { enrolDevice, type HallFixture, makeOutbox } from '../../helpers/apiFixtures.ts';
import { adminApi, DAY_MS, lastUsed, lostReportRows } from '../../helpers/deviceFixtures.ts';
import { signedEntry } from '../../helpers/clientSigning.ts';
import { injectFetch } from '../../helpers/injectFetch.ts';
import { ADMIN_PASSWORD, pull, seedManageHall, signIn } from '../../helpers/manageFixtures.ts';
import { counterFixture, makeDb, resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

/** A tablet enrolled in a real hall, its outbox holding `records` as entries 1, 2, 3, … */
async function tablet(ctx: ReturnType<ReturnType<typeof useApiApp>>, fx: HallFixture, records: readonly FieldRecord[]) {
  const db = makeDb();
  await writeMeta(db, 'enrolment', { deviceId: fx.device.id, deviceToken: fx.device.token, hall: fx.hall, enrolledAt: new Date().toISOString() });
  await writeMeta(db, 'sync', { ...INITIAL_SYNC_STATE, nextSeq: records.length + 1 });
  await applyPull(db, await pull(ctx.app, fx.device.token));
  await db.outbox.bulkAdd(await Promise.all(records.map((record, i) => signedEntry(ctx.database, i + 1, record))));
  return { db, api: createApiClient('', injectFetch(ctx.app)) };
}

const entry = (seq: number, record: FieldRecord): OutboxEntry => ({ seq, record, status: 'pending', error: null, message: null, createdAt: new Date().toISOString() });

async function addRecords(ctx: ReturnType<ReturnType<typeof useApiApp>>, db: TalktrackDb, records: readonly FieldRecord[]) {
  const sync = (await readMeta(db, 'sync'))!;
  await db.outbox.bulkAdd(await Promise.all(records.map((record, i) => signedEntry(ctx.database, sync.nextSeq + i, record))));
  await writeMeta(db, 'sync', { ...sync, nextSeq: sync.nextSeq + records.length });
}

describe('a tablet the server no longer accepts', () => {
  const ctx = useApiApp('sqlite');

  it('revoked: the sync stops with device_revoked, keeps every waiting record unsent, and the server reports them', async () => {
    const hall = await seedManageHall(ctx().app, ctx().database);
    const records = makeOutbox(hall.fx, 5);
    const { db, api } = await tablet(ctx(), hall.fx, records.slice(0, 2));
    expect(await syncOnce({ db, api })).toEqual({ kind: 'done', pushed: 2, rejected: 0 });

    // The manager revokes it from the office PC; the consultants go on recording meanwhile.
    const office = await enrolDevice(ctx().app, ctx().database, hall.fx.hall.id);
    const admin = await signIn(ctx().app, office.token, hall.admin.staffId, ADMIN_PASSWORD);
    expect((await adminApi(ctx().app, admin).revoke(hall.fx.device.id)).statusCode).toBe(200);
    await addRecords(ctx(), db, records.slice(2));
    const outbox = await db.outbox.toArray();

    for (const attempt of [1, 2]) {
      expect(await syncOnce({ db, api })).toEqual({ kind: 'failed', failure: 'device_revoked' });
      // Nothing dropped, nothing marked sent or refused (the two sent before are kept as sent).
      expect(await db.outbox.toArray()).toEqual(outbox);
      expect(outbox.map((e) => [e.seq, e.status])).toEqual([[1, 'sent'], [2, 'sent'], [3, 'pending'], [4, 'pending'], [5, 'pending']]);
      expect(await readMeta(db, 'sync')).toMatchObject({ ackedThrough: 2, lastError: 'device_revoked' });
      expect(await lostReportRows(ctx().database, hall.fx.device.id)).toMatchObject([{ reason: 'revoked', attempts: attempt, offered: 3, first_seq: 3, last_seq: 5, pending: 3, pending_last_seq: 5 }]);
    }
  });

  it('expired: the sync stops with device_expired and keeps the records', async () => {
    const hall = await seedManageHall(ctx().app, ctx().database);
    const { db, api } = await tablet(ctx(), hall.fx, makeOutbox(hall.fx, 2));
    await lastUsed(ctx().database, hall.fx.device.id, 400 * DAY_MS);
    expect(await syncOnce({ db, api })).toEqual({ kind: 'failed', failure: 'device_expired' });
    expect((await db.outbox.toArray()).map((e) => e.status)).toEqual(['pending', 'pending']);
    expect(await lostReportRows(ctx().database, hall.fx.device.id)).toMatchObject([{ reason: 'expired', offered: 2 }]);
  });
});

describe('the counter’s banner', () => {
  async function refused(reason: 'device_revoked' | 'device_expired', waiting: number) {
    const { db, hall, me, deviceId } = await counterFixture();
    const visit = { kind: 'visit', v: 1, id: crypto.randomUUID(), hallId: hall.id, deviceId, staffId: me.id, openedAt: new Date().toISOString(), source: 'walk_in', business: 'bill_payment', segment: null } as FieldRecord;
    for (let seq = 1; seq <= waiting; seq++) await db.outbox.add(entry(seq, { ...visit, id: crypto.randomUUID() }));
    await writeMeta(db, 'sync', { ...INITIAL_SYNC_STATE, nextSeq: waiting + 1, lastError: reason });
    return screen.findByTestId('device-refused');
  }

  it('says the tablet was revoked, how many records could not be sent, that they are kept, and to tell the manager', async () => {
    const banner = await refused('device_revoked', 3);
    expect(banner.getAttribute('role')).toBe('alert');
    await waitFor(() => expect(screen.getByTestId('device-refused').getAttribute('data-count')).toBe('3'));
    expect(screen.getByTestId('device-refused').textContent).toBe('这台平板已被厅经理停用还有 3 条记录未能发送。它们仍保存在本平板上，不会被删除——请告诉厅经理。要继续使用，请厅经理提供新的登记码重新登记。');
    screen.getByTestId('lang-en').click();
    await waitFor(() => expect(screen.getByTestId('device-refused').textContent).toContain('Records that could not be sent: 3. They are kept on this tablet'));
    expect(screen.getByTestId('device-refused').textContent).toContain('A manager revoked this tablet');
  });

  it('says an expired enrolment must be renewed, and that nothing is missing when nothing waits', async () => {
    const banner = await refused('device_expired', 0);
    expect(banner.textContent).toContain('这台平板的登记已过期');
    expect(banner.textContent).toContain('所有记录此前都已发送，没有遗漏');
  });

  it('is not shown for other sync failures', async () => {
    const { db } = await counterFixture();
    await writeMeta(db, 'sync', { ...INITIAL_SYNC_STATE, lastError: 'offline' });
    await screen.findByTestId('sync-failure');
    expect(screen.queryByTestId('device-refused')).toBeNull();
  });
});

describe('a tablet the server asks to slow down', () => {
  const ctx = useApiApp('sqlite', { rateLimits: { push: { max: 1, windowMs: 60_000 } } });

  it('stops with rate_limited, keeps the records, and knows how long the server asked it to wait', async () => {
    const hall = await seedManageHall(ctx().app, ctx().database);
    const { db, api } = await tablet(ctx(), hall.fx, makeOutbox(hall.fx, 2));
    const outcome = await syncOnce({ db, api, batchSize: 1 });
    expect(outcome).toMatchObject({ kind: 'failed', failure: 'rate_limited' });
    const wait = outcome.kind === 'failed' ? outcome.retryAfterMs : undefined;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect((await db.outbox.toArray()).map((e) => [e.seq, e.status])).toEqual([[1, 'sent'], [2, 'pending']]);
    expect(await readMeta(db, 'sync')).toMatchObject({ ackedThrough: 1, lastError: 'rate_limited' });
  });
});
