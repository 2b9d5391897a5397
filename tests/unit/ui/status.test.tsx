import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readMeta, writeMeta } from '../../../src/client/db/db.ts';
import { initialPersistenceDismissed, useUiStore } from '../../../src/client/state/uiStore.ts';
import { counterFixture, resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

async function startVisit() {
  fireEvent.click(await screen.findByTestId('next-customer'));
  fireEvent.click(screen.getByTestId('business-bill_payment'));
  fireEvent.click(screen.getByTestId('open-visit-confirm'));
  await screen.findByTestId('close-visit');
}

describe('status strip', () => {
  it('offers an update only between customers', async () => {
    const apply = vi.fn();
    await counterFixture(undefined, { waiting: true, apply });
    await startVisit();
    const update = screen.getByTestId('update-app') as HTMLButtonElement;
    expect(update.disabled).toBe(true);
    expect(screen.getByText('请先结束当前客户')).toBeTruthy();
    fireEvent.click(screen.getByTestId('close-visit'));
    fireEvent.click(await screen.findByTestId('confirm-close-no-rec'));
    await screen.findByTestId('next-customer');
    expect((screen.getByTestId('update-app') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('update-app'));
    expect(apply).toHaveBeenCalledOnce();
  });

  it('shows no update button when none is waiting', async () => {
    await counterFixture();
    await screen.findByTestId('next-customer');
    expect(screen.queryByTestId('update-app')).toBeNull();
  });

  it('keeps rejected records in view, each worded from its reason code with what to do', async () => {
    const { db } = await counterFixture();
    await startVisit();
    const [entry] = await db.outbox.toArray();
    await db.outbox.update(entry!.seq, { status: 'rejected', error: 'clock_out_of_range', message: 'openedAt is 40 days before the server received it' });
    const badge = await screen.findByTestId('rejected-records');
    expect(badge.getAttribute('data-count')).toBe('1');
    expect(badge.textContent).toContain('被退回 1 条');
    fireEvent.click(badge.querySelector('button')!);
    const shown = screen.getByTestId(`rejected-entry-${entry!.seq}`);
    expect(shown.textContent).toContain('请检查平板的日期和时间，然后告知厅经理');
    // The server's English is for its logs, not for the person at the counter.
    expect(shown.textContent).not.toContain('openedAt');
    await waitFor(() => expect(screen.getByTestId('status-waiting').getAttribute('data-count')).toBe('0'));
  });

  it.each([
    ['unsigned', '请联网重新登录，然后告知厅经理', 'sign in again with the network on, then tell your manager'],
    ['bad_signature', '签名核对不上', 'Its signature did not check'],
    ['conflict', '两条都已留存，请告知厅经理核对', 'both are kept; tell your manager'],
    ['clock_out_of_range', '平板的日期或时间可能不对', 'check the tablet’s date and time'],
    ['campaign_not_live', '请同步后按当前活动推荐', 'recommend a current campaign'],
    ['void_too_late', '接待只能在当天作废', 'can be voided only on its own day'],
    ['already_voided', '无需再做', 'nothing more to do'],
    ['some_future_code', '服务器未接受这条记录：请告知厅经理。', 'The server did not accept this record: tell your manager.'],
  ])('words a %s refusal in Chinese and English', async (code, zh, en) => {
    const { db } = await counterFixture();
    await startVisit();
    const [entry] = await db.outbox.toArray();
    await db.outbox.update(entry!.seq, { status: 'rejected', error: code, message: `server words for ${code}` });
    fireEvent.click((await screen.findByTestId('rejected-records')).querySelector('button')!);
    const reason = () => screen.getByTestId(`rejected-entry-${entry!.seq}`).querySelector('.rejected-reason')!.textContent;
    expect(reason()).toContain(zh);
    fireEvent.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(reason()).toContain(en));
    // Only a code the tablet cannot word shows the server's own message, as a detail.
    expect(screen.queryByText(`server words for ${code}`) !== null).toBe(code === 'some_future_code');
  });

  it('counts as waiting only what is not yet sent: records kept after the server acknowledged them are not', async () => {
    const { db } = await counterFixture();
    await startVisit();
    await waitFor(() => expect(screen.getByTestId('status-waiting').getAttribute('data-count')).toBe('1'));
    const [entry] = await db.outbox.toArray();
    await db.outbox.update(entry!.seq, { status: 'sent', ackedAt: new Date().toISOString() });
    await waitFor(() => expect(screen.getByTestId('status-waiting').getAttribute('data-count')).toBe('0'));
    expect(screen.queryByTestId('rejected-records')).toBeNull();
  });

  it('sync now runs the scheduler; the strip shows the last sync', async () => {
    const { db, services } = await counterFixture();
    expect((await screen.findByTestId('status-last-sync')).textContent).toBe('尚未同步');
    services.sync.syncNow.mockImplementationOnce(async () => {
      const sync = (await readMeta(db, 'sync'))!;
      await db.meta.put({ key: 'sync', value: { ...sync, lastSuccessAt: new Date().toISOString() } });
      return { kind: 'done', pushed: 0, rejected: 0 };
    });
    fireEvent.click(screen.getByTestId('sync-now'));
    await waitFor(() => expect(services.sync.syncNow).toHaveBeenCalledOnce());
    await waitFor(() => expect(screen.getByTestId('status-last-sync').textContent).toBe('上次同步 刚刚'));
  });

  it('follows the browser going offline and online', async () => {
    await counterFixture();
    await screen.findByTestId('status-online');
    const online = () => screen.getByTestId('status-online');
    let onLine = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => onLine });
    try {
      fireEvent(window, new Event('offline'));
      await waitFor(() => expect(online().getAttribute('data-online')).toBe('false'));
      expect(online().textContent).toBe('离线');
      onLine = true;
      fireEvent(window, new Event('online'));
      await waitFor(() => expect(online().getAttribute('data-online')).toBe('true'));
    } finally {
      delete (navigator as { onLine?: boolean }).onLine; // back to the prototype's getter
    }
  });

  it('warns, dismissably, when persistent storage was refused', async () => {
    useUiStore.getState().setPersistence('denied');
    await counterFixture();
    const warning = await screen.findByTestId('persistence-warning');
    expect(warning.textContent).toContain('未同步的记录在存储紧张时可能被清除');
    fireEvent.click(warning.querySelector('button')!);
    expect(screen.queryByTestId('persistence-warning')).toBeNull();
  });

  it('remembers on this tablet that the storage warning was dismissed, so a reload does not bring it back', async () => {
    useUiStore.getState().setPersistence('denied');
    await counterFixture();
    fireEvent.click((await screen.findByTestId('persistence-warning')).querySelector('button')!);
    cleanup();
    // A reload: the UI state starts again from what the tablet kept (localStorage survives).
    useUiStore.setState({ persistenceDismissed: initialPersistenceDismissed() });
    await counterFixture();
    await screen.findByTestId('signed-in-name');
    expect(screen.queryByTestId('persistence-warning')).toBeNull();
  });

  it('marks a demo hall while the pull says its published demo PINs still open it', async () => {
    const { db } = await counterFixture();
    await screen.findByTestId('next-customer');
    expect(screen.queryByTestId('demo-mark')).toBeNull();
    const enrolment = (await readMeta(db, 'enrolment'))!;
    await writeMeta(db, 'enrolment', { ...enrolment, demo: true });
    const mark = await screen.findByTestId('demo-mark');
    expect(mark.textContent).toBe('演示');
    expect(mark.getAttribute('title')).toContain('公开的演示 PIN 码和密码仍可登录');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('demo-mark').textContent).toBe('Demo');
    await writeMeta(db, 'enrolment', { ...enrolment, demo: false });
    await waitFor(() => expect(screen.queryByTestId('demo-mark')).toBeNull());
  });
});
