import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeVisit, openVisit } from '../../../src/client/db/fieldWrites.ts';
import { counterFixture, id, resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);
afterEach(() => vi.restoreAllMocks());

async function serveWithoutRecommendation() {
  fireEvent.click(await screen.findByTestId('next-customer'));
  fireEvent.click(screen.getByTestId('business-bill_payment'));
  fireEvent.click(screen.getByTestId('open-visit-confirm'));
  fireEvent.click(await screen.findByTestId('close-visit'));
  fireEvent.click(await screen.findByTestId('confirm-close-no-rec'));
  await screen.findByTestId('next-customer');
}

const todayCount = () => screen.getByTestId('today-visits').getAttribute('data-count');

describe('voiding a visit from the counter', () => {
  it('voids the person’s own visit of today with a reason: one record with its outbox entry, counts drop, the visit shows voided', async () => {
    const { db, services, me } = await counterFixture();
    await serveWithoutRecommendation();
    await waitFor(() => expect(todayCount()).toBe('1'));
    const [visit] = await db.visits.toArray();

    fireEvent.click(screen.getByTestId('open-today-visits'));
    const panel = await screen.findByTestId('today-visits-panel');
    const row = await within(panel).findByTestId(`today-visit-${visit!.id}`);
    expect(row.getAttribute('data-voided')).toBe('false');
    fireEvent.click(within(row).getByTestId(`void-visit-${visit!.id}`));

    // A reason is required: nothing but spaces does not count.
    const confirm = screen.getByTestId('void-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('void-reason'), { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('void-quick-mistap'));
    expect((screen.getByTestId('void-reason') as HTMLTextAreaElement).value).toBe('误点了“下一位客户”');
    fireEvent.input(screen.getByTestId('void-reason'), { target: { value: '误点了“下一位客户”，客户没有办理业务' } });
    expect(confirm.disabled).toBe(false);
    const outboxBefore = await db.outbox.count();
    fireEvent.click(confirm);

    expect((await screen.findByTestId('void-done')).textContent).toContain('已作废');
    const voided = await screen.findByTestId(`today-visit-reason-${visit!.id}`);
    expect(voided.textContent).toContain('误点了“下一位客户”，客户没有办理业务');
    expect(screen.getByTestId(`today-visit-${visit!.id}`).getAttribute('data-voided')).toBe('true');
    expect(screen.queryByTestId(`void-visit-${visit!.id}`)).toBeNull();

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(outboxBefore + 1);
    expect(outbox.at(-1)!.record).toMatchObject({ kind: 'visit_void', visitId: visit!.id, staffId: me.id, reason: '误点了“下一位客户”，客户没有办理业务' });
    expect((await db.visits.get(visit!.id))?.voided?.reason).toBe('误点了“下一位客户”，客户没有办理业务');
    await waitFor(() => expect(todayCount()).toBe('0'));
    expect(services.sync.recordWritten).toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('today-visits-close'));
    expect(screen.queryByTestId('today-visits-panel')).toBeNull();
  });

  it('lists only the person’s own visits of today: a colleague’s and yesterday’s have no void control', async () => {
    const { db, hall, me, deviceId } = await counterFixture();
    const colleague = { hallId: hall.id, deviceId, staffId: id() };
    const theirs = await openVisit(db, colleague, { source: 'walk_in', business: 'inquiry' });
    await closeVisit(db, colleague, theirs.id, true);
    const mine = { hallId: hall.id, deviceId, staffId: me.id };
    const yesterday = new Date(Date.now() - 26 * 3600_000);
    const old = await openVisit(db, mine, { source: 'walk_in', business: 'inquiry' }, yesterday);
    await closeVisit(db, mine, old.id, true, yesterday);
    await serveWithoutRecommendation();
    const [today] = (await db.visits.toArray()).filter((v) => v.id !== theirs.id && v.id !== old.id);

    fireEvent.click(screen.getByTestId('open-today-visits'));
    const list = await screen.findByTestId('today-visits-list');
    await waitFor(() => expect(list.getAttribute('data-count')).toBe('1'));
    expect(within(list).getByTestId(`void-visit-${today!.id}`)).toBeTruthy();
    expect(screen.queryByTestId(`today-visit-${theirs.id}`)).toBeNull();
    expect(screen.queryByTestId(`today-visit-${old.id}`)).toBeNull();
    expect(screen.queryByTestId(`void-visit-${theirs.id}`)).toBeNull();
    expect(screen.queryByTestId(`void-visit-${old.id}`)).toBeNull();
  });

  it('says a void that could not be stored in the language shown, also after a switch, and keeps the reason', async () => {
    const { db } = await counterFixture();
    await serveWithoutRecommendation();
    const [visit] = await db.visits.toArray();
    vi.spyOn(db.visits, 'update').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    fireEvent.click(screen.getByTestId('open-today-visits'));
    fireEvent.click(await screen.findByTestId(`void-visit-${visit!.id}`));
    fireEvent.click(screen.getByTestId('void-quick-mistap'));
    fireEvent.click(screen.getByTestId('void-confirm'));
    const failure = await screen.findByTestId('void-store-error');
    expect(failure.textContent).toContain('存储空间已满');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('void-store-error').textContent).toContain("This tablet's storage is full");
    expect((screen.getByTestId('void-reason') as HTMLTextAreaElement).value).toBe('误点了“下一位客户”');
    expect((await db.visits.get(visit!.id))?.voided).toBeFalsy();
  });

  it('offers no void while a customer is being served', async () => {
    const { db } = await counterFixture();
    await serveWithoutRecommendation();
    fireEvent.click(screen.getByTestId('next-customer'));
    fireEvent.click(screen.getByTestId('business-plan_change'));
    fireEvent.click(screen.getByTestId('open-visit-confirm'));
    await screen.findByTestId('close-visit');
    const visits = await db.visits.toArray();

    fireEvent.click(screen.getByTestId('open-today-visits'));
    await screen.findByTestId('void-blocked-open');
    const list = screen.getByTestId('today-visits-list');
    await waitFor(() => expect(list.getAttribute('data-count')).toBe('2'));
    for (const v of visits) expect(screen.queryByTestId(`void-visit-${v.id}`)).toBeNull();
  });
});
