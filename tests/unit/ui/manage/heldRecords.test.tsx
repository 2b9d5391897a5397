import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/server/db/database.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { makeVisit, push } from '../../../helpers/apiFixtures.ts';
import { type ManageHall, seedManageHall } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);
// The manager pages' chunk is compiled once here, so the first test is not timed with it.
beforeAll(() => import('../../../../src/client/ui/manage/ManageApp.tsx'), 30_000);

/** What the page must show for an instant: Intl, in the hall's time zone, in the page's language. */
const shown = (instant: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hour12: false, timeZone: 'Asia/Shanghai' }).format(new Date(instant));

const FUTURE = '2099-03-01T10:00:00.000Z';

/**
 * Two records the server holds back, pushed as the hall's tablet would: a visit dated 2099 (its clock
 * is out of range: a manager may accept it) and a visit with no signature (only discarded).
 */
async function holdTwo(app: Parameters<typeof push>[0], database: Database, hall: ManageHall) {
  const late = makeVisit(hall.fx, { openedAt: FUTURE });
  const unsigned = makeVisit(hall.fx);
  const res = await push(app, hall.fx.device.token, { entries: [{ seq: 1, record: late }, { seq: 2, record: unsigned, sig: undefined }] });
  expect(res.statusCode, res.body).toBe(200);
  const rows = await database.db.selectFrom('held_records').select(['id', 'record_id', 'reason', 'received_at']).where('hall_id', '=', hall.fx.hall.id).execute();
  const find = (recordId: string) => {
    const row = rows.find((r) => r.record_id === recordId);
    if (row === undefined) throw new Error(`record ${recordId} was not held back: ${JSON.stringify(rows)}`);
    return row;
  };
  return { late: { ...find(late.id), record: late }, unsigned: { ...find(unsigned.id), record: unsigned } };
}

const heldStatus = async (database: Database, id: string) =>
  (await database.db.selectFrom('held_records').select(['status', 'decision_note']).where('id', '=', id).executeTakeFirstOrThrow());

describe('devices page: records held back', () => {
  const ctx = useApiApp('sqlite');

  it('lists each held record with its reason in the page’s language, tablet, person, record time and receipt time', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const { late, unsigned } = await holdTwo(app, database, hall);
    expect([late.reason, unsigned.reason]).toEqual(['clock_out_of_range', 'unsigned']);
    await manageUi(ctx(), { hall, path: '/manage/devices' });

    const lateRow = await screen.findByTestId(`held-row-${late.id}`);
    expect(lateRow.getAttribute('data-status')).toBe('held');
    for (const text of ['接待 · 测试员甲', 'test tablet · 序号 1', '时间超出范围', shown(FUTURE, 'zh-CN'), shown(late.received_at, 'zh-CN')]) {
      expect(lateRow.textContent).toContain(text);
    }
    const unsignedRow = screen.getByTestId(`held-row-${unsigned.id}`);
    expect(within(unsignedRow).getByTestId('held-reason').textContent).toContain('没有签名');
    // The server's English message is for its logs; the page words the reason itself.
    expect(screen.getByTestId('held-table').textContent).not.toMatch(/signature|window|received/i);
    // Only a record whose fault is its clock may be accepted; any may be discarded.
    expect(within(lateRow).getByTestId(`held-accept-${late.id}`)).toBeTruthy();
    expect(within(unsignedRow).queryByTestId(`held-accept-${unsigned.id}`)).toBeNull();
    expect(within(unsignedRow).getByTestId(`held-discard-${unsigned.id}`)).toBeTruthy();
    // One place for what the server does not have: held back, and never arrived.
    expect(screen.getByTestId('not-stored-summary').textContent).toBe('暂扣 2 条 · 未能收到 0 条');
    expect(within(screen.getByTestId('not-stored')).getByTestId('lost-none')).toBeTruthy();

    fireEvent.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(screen.getByTestId(`held-row-${late.id}`).textContent).toContain('Time out of range'));
    expect(screen.getByTestId(`held-row-${late.id}`).textContent).toContain(shown(FUTURE, 'en'));
    expect(within(screen.getByTestId(`held-row-${unsigned.id}`)).getByTestId('held-reason').textContent).toContain('Not signed');
    expect(screen.getByTestId('not-stored-summary').textContent).toBe('2 held back · 0 never arrived');
    expect(screen.getByRole('heading', { level: 2, name: 'Records the server does not have' })).toBeTruthy();
  });

  it('accepts a record only with a reason, then shows it accepted with who and why', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const { late } = await holdTwo(app, database, hall);
    await manageUi(ctx(), { hall, path: '/manage/devices' });

    const accept = await screen.findByTestId(`held-accept-${late.id}`);
    expect((accept as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(accept);
    const form = screen.getByTestId('held-decision');
    expect(form.getAttribute('data-action')).toBe('accept');
    expect(form.textContent).toContain('接受这条记录，计入 测试员甲 的数据？');
    // No reason, no decision: said on the field, nothing sent.
    fireEvent.click(screen.getByTestId('held-decision-yes'));
    expect(screen.getByTestId('held-note-missing').textContent).toBe('请写明原因。');
    fireEvent.input(screen.getByTestId('held-note'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('held-decision-yes'));
    expect(screen.getByTestId('held-note-missing')).toBeTruthy();
    expect((await heldStatus(database, late.id)).status).toBe('held');

    fireEvent.input(screen.getByTestId('held-note'), { target: { value: '平板时钟错了，已核对' } });
    fireEvent.click(screen.getByTestId('held-decision-yes'));
    await waitFor(() => expect(screen.getByTestId(`held-row-${late.id}`).getAttribute('data-status')).toBe('accepted'));
    expect(await heldStatus(database, late.id)).toEqual({ status: 'accepted', decision_note: '平板时钟错了，已核对' });
    // Accepted is stored: the visit now counts.
    expect(await database.db.selectFrom('visits').select('id').where('id', '=', late.record.id).executeTakeFirst()).toEqual({ id: late.record.id });
    const row = screen.getByTestId(`held-row-${late.id}`);
    expect(within(row).queryByRole('button')).toBeNull();
    expect(within(row).getByTestId('held-decided').textContent).toContain(`已接受${hall.manager.name} 于`);
    expect(row.textContent).toContain('平板时钟错了，已核对');
    expect(screen.queryByTestId('held-decision')).toBeNull();
    expect(screen.getByTestId('held-notice').textContent).toBe('已接受并计入：接待，测试员甲，test tablet。');
    expect(screen.getByTestId('not-stored-summary').textContent).toBe('暂扣 1 条 · 未能收到 0 条');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('held-notice').textContent).toBe('Accepted and counted: Visit, 测试员甲, test tablet.');
  });

  it('discards a record with a reason; cancelling leaves it held; decided ones show when asked for', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const { unsigned } = await holdTwo(app, database, hall);
    await manageUi(ctx(), { hall, path: '/manage/devices' });

    fireEvent.click(await screen.findByTestId(`held-discard-${unsigned.id}`));
    expect(screen.getByTestId('held-decision').getAttribute('data-action')).toBe('discard');
    fireEvent.click(screen.getByTestId('held-decision-no'));
    expect(screen.queryByTestId('held-decision')).toBeNull();
    expect((await heldStatus(database, unsigned.id)).status).toBe('held');

    fireEvent.click(screen.getByTestId(`held-discard-${unsigned.id}`));
    fireEvent.click(screen.getByTestId('held-decision-yes'));
    expect(screen.getByTestId('held-note-missing')).toBeTruthy();
    fireEvent.input(screen.getByTestId('held-note'), { target: { value: 'test from an old tablet' } });
    fireEvent.click(screen.getByTestId('held-decision-yes'));
    await waitFor(() => expect(screen.getByTestId(`held-row-${unsigned.id}`).getAttribute('data-status')).toBe('discarded'));
    expect(await heldStatus(database, unsigned.id)).toEqual({ status: 'discarded', decision_note: 'test from an old tablet' });
    expect(screen.getByTestId('held-notice').textContent).toBe('已舍弃：接待，测试员甲，test tablet。');
    expect(within(screen.getByTestId(`held-row-${unsigned.id}`)).getByTestId('held-decided').textContent).toContain('已舍弃');

    // Read again, the list holds what is still held; decided ones come back when asked for.
    fireEvent.click(screen.getByTestId('held-show-decided'));
    await waitFor(() => expect(screen.getByTestId(`held-row-${unsigned.id}`).getAttribute('data-status')).toBe('discarded'));
    fireEvent.click(screen.getByTestId('held-show-decided'));
    await waitFor(() => expect(screen.queryByTestId(`held-row-${unsigned.id}`)).toBeNull());
  });
});
