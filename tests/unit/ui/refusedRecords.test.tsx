import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatWhen } from '../../../src/client/i18n/format.ts';
import { counterFixture, makeStaff, resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

/** Serves one customer who came to pay a bill and accepts the campaign with every element said. */
async function serveOne() {
  fireEvent.click(await screen.findByTestId('next-customer'));
  fireEvent.click(screen.getByTestId('business-bill_payment'));
  fireEvent.click(screen.getByTestId('open-visit-confirm'));
  await screen.findByTestId('close-visit');
  fireEvent.click(screen.getByTestId('all-said'));
  fireEvent.click(screen.getByTestId('outcome-accepted'));
  fireEvent.click(screen.getByTestId('record-recommendation'));
  await waitFor(() => expect(screen.getByTestId('visit-recommendations').getAttribute('data-count')).toBe('1'));
}

async function refuse(db: Awaited<ReturnType<typeof counterFixture>>['db'], kind: 'visit' | 'recommendation', error: string) {
  const entry = (await db.outbox.toArray()).find((e) => e.record.kind === kind)!;
  await db.outbox.update(entry.seq, { status: 'rejected', error, message: `server words for ${error}` });
  return entry;
}

describe('records the server refused or holds back', () => {
  it('say which customer and visit they belong to: when, what the customer came for, who served them, the offer and its outcome, in both languages', async () => {
    const { db } = await counterFixture();
    await serveOne();
    const entry = await refuse(db, 'recommendation', 'campaign_not_live');
    const visit = (await db.visits.toArray())[0]!;

    fireEvent.click((await screen.findByTestId('rejected-records')).querySelector('button')!);
    const shown = screen.getByTestId(`rejected-entry-${entry.seq}`);
    expect(shown.getAttribute('data-visit')).toBe(visit.id);
    expect(shown.textContent).toContain('推荐 · 5G 畅享套餐 · 已办理');
    expect(screen.getByTestId(`rejected-visit-${entry.seq}`).textContent).toBe(`${formatWhen(visit.openedAt, 'zh-CN')} 接待 · 缴费 · 王芳`);
    // Focus went into the panel, which is named by its heading.
    const panel = screen.getByTestId('rejected-panel');
    expect(panel.getAttribute('aria-labelledby')).toBe('rejected-title');
    expect(document.activeElement?.id).toBe('rejected-title');

    fireEvent.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(shown.textContent).toContain('Recommendation · 5G unlimited plan · Accepted'));
    expect(screen.getByTestId(`rejected-visit-${entry.seq}`).textContent).toBe(`Visit at ${formatWhen(visit.openedAt, 'en')} · Bill payment · 王芳`);

    // Escape closes it and gives focus back to the button that opened it.
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('rejected-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('rejected-records').querySelector('button')));
  });

  it("are shown to the person they belong to and to managers, never to another consultant", async () => {
    const { db, hall, me } = await counterFixture();
    await serveOne();
    const mine = await refuse(db, 'visit', 'clock_out_of_range');
    // A colleague's refused record on the same tablet.
    const colleague = makeStaff(hall.id, { name: '赵磊' });
    await db.staff.put(colleague);
    await db.outbox.add({ ...mine, seq: 900, status: 'rejected', error: 'clock_out_of_range', record: { ...mine.record, staffId: colleague.id } });

    const badge = await screen.findByTestId('rejected-records');
    expect(badge.getAttribute('data-count')).toBe('1');
    fireEvent.click(badge.querySelector('button')!);
    expect(screen.getByTestId(`rejected-entry-${mine.seq}`)).toBeTruthy();
    expect(screen.queryByTestId('rejected-entry-900')).toBeNull();

    await db.staff.update(me.id, { role: 'manager' });
    await waitFor(() => expect(screen.getByTestId('rejected-records').getAttribute('data-count')).toBe('2'));
    expect(screen.getByTestId('rejected-visit-900').textContent).toContain('赵磊');
  });

  it("are marked on their visit in Today's visits", async () => {
    const { db } = await counterFixture();
    await serveOne();
    fireEvent.click(screen.getByTestId('close-visit'));
    await screen.findByTestId('next-customer');
    await serveOne();
    const refused = await refuse(db, 'recommendation', 'conflict');
    const visitId = refused.record.kind === 'recommendation' ? refused.record.visitId : '';

    fireEvent.click(screen.getByTestId('open-today-visits'));
    // The list is a chunk of its own, loaded on the first tap.
    const list = await screen.findByTestId('today-visits-list', {}, { timeout: 10_000 });
    await waitFor(() => expect(list.getAttribute('data-count')).toBe('2'));
    const row = within(list).getByTestId(`today-visit-${visitId}`);
    await waitFor(() => expect(row.getAttribute('data-refused')).toBe('true'));
    expect(within(row).getByTestId(`today-visit-refused-${visitId}`).textContent).toContain('服务器未接收');
    const other = [...list.querySelectorAll('[data-refused]')].filter((el) => el !== row);
    expect(other.map((el) => el.getAttribute('data-refused'))).toEqual(['false']);
  });
});
