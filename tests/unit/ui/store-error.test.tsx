import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { counterFixture, resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);
afterEach(() => vi.restoreAllMocks());

async function startVisit() {
  fireEvent.click(await screen.findByTestId('next-customer'));
  fireEvent.click(screen.getByTestId('business-new_line'));
  fireEvent.click(screen.getByTestId('open-visit-confirm'));
  await screen.findByTestId('close-visit');
}

describe('a write that fails', () => {
  it('shows the storage-full message, keeps the form, and succeeds on retry', async () => {
    const { db, services } = await counterFixture();
    await startVisit();
    const add = vi
      .spyOn(db.recommendations, 'add')
      .mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    fireEvent.click(screen.getByTestId('element-name'));
    fireEvent.click(screen.getByTestId('element-validity'));
    fireEvent.click(screen.getByTestId('outcome-declined'));
    fireEvent.click(screen.getByTestId('decline-reason-has_similar'));
    fireEvent.click(screen.getByTestId('record-recommendation'));

    const banner = await screen.findByTestId('store-error');
    expect(banner.getAttribute('data-reason')).toBe('quota');
    expect(banner.textContent).toContain('存储空间已满');
    expect(banner.textContent).toContain('已保存的记录没有丢失');
    // Nothing half-written: neither the record nor its outbox entry.
    expect(await db.recommendations.count()).toBe(0);
    expect((await db.outbox.toArray()).map((e) => e.record.kind)).toEqual(['visit']);
    // The form is as the person left it.
    expect(screen.getByTestId('element-name').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('element-validity').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('outcome-declined').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('decline-reason-has_similar').getAttribute('aria-pressed')).toBe('true');
    expect(services.sync.recordWritten).toHaveBeenCalledTimes(1); // the visit only

    // Retry: stored, and the message goes away.
    fireEvent.click(screen.getByTestId('record-recommendation'));
    await waitFor(() => expect(screen.queryByTestId('store-error')).toBeNull());
    expect(add).toHaveBeenCalledTimes(2);
    const [rec] = await db.recommendations.toArray();
    expect(rec).toMatchObject({ elementsSaid: ['name', 'validity'], outcome: 'declined', declineReason: 'has_similar' });
  });

  it('says leave private mode when the browser does not allow storage', async () => {
    const { db } = await counterFixture();
    vi.spyOn(db.visits, 'add').mockRejectedValueOnce(new DOMException('no', 'InvalidStateError'));
    fireEvent.click(await screen.findByTestId('next-customer'));
    fireEvent.click(screen.getByTestId('business-inquiry'));
    fireEvent.click(screen.getByTestId('open-visit-confirm'));
    const banner = await screen.findByTestId('store-error');
    expect(banner.getAttribute('data-reason')).toBe('unavailable');
    expect(banner.textContent).toContain('无痕模式');
    // Still asking, with the answer kept.
    expect(screen.getByTestId('business-inquiry').getAttribute('aria-pressed')).toBe('true');
  });
});
