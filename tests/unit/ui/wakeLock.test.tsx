import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readMeta } from '../../../src/client/db/db.ts';
import { counterFixture, resetUiState } from '../../helpers/uiFixtures.tsx';

/** A browser's Screen Wake Lock: each request grants a sentinel the page (or the browser, when the tab hides) releases. */
function fakeWakeLock() {
  const sentinels: { released: boolean; release: () => Promise<void> }[] = [];
  const request = vi.fn(async (type: 'screen') => {
    expect(type).toBe('screen');
    const sentinel = {
      released: false,
      release: vi.fn(async () => {
        sentinel.released = true;
      }),
    };
    sentinels.push(sentinel);
    return sentinel;
  });
  return { request, sentinels, held: () => sentinels.filter((s) => !s.released).length };
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(resetUiState);
afterEach(() => {
  Reflect.deleteProperty(navigator, 'wakeLock');
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('screen wake lock at the counter', () => {
  it('keeps the screen on while someone is signed in, asks again when the tab is back, and lets go at sign-out', async () => {
    const lock = fakeWakeLock();
    Object.defineProperty(navigator, 'wakeLock', { value: { request: lock.request }, configurable: true });
    const { db } = await counterFixture();
    await screen.findByTestId('next-customer');
    await waitFor(() => expect(lock.held()).toBe(1));

    // The browser releases the lock when the tab is hidden; nothing is asked while hidden.
    lock.sentinels[0]!.released = true;
    setVisibility('hidden');
    expect(lock.request).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    await waitFor(() => expect(lock.held()).toBe(1));
    expect(lock.request).toHaveBeenCalledTimes(2);
    // Visible again while the lock is still held: not asked twice.
    setVisibility('visible');
    expect(lock.request).toHaveBeenCalledTimes(2);

    fireEvent.click(screen.getByTestId('sign-out'));
    await waitFor(async () => expect(await readMeta(db, 'signedIn')).toBeUndefined());
    await waitFor(() => expect(lock.held()).toBe(0));
    expect(lock.sentinels[1]!.release).toHaveBeenCalledOnce();
    // Signed out: coming back to the tab asks for nothing.
    setVisibility('hidden');
    setVisibility('visible');
    expect(lock.request).toHaveBeenCalledTimes(2);
  });

  it('works as before where the browser has no wake lock or refuses it', async () => {
    await counterFixture();
    expect(await screen.findByTestId('next-customer')).toBeTruthy();

    const refuse = vi.fn(() => Promise.reject(new DOMException('battery saver', 'NotAllowedError')));
    Object.defineProperty(navigator, 'wakeLock', { value: { request: refuse }, configurable: true });
    await counterFixture();
    await waitFor(() => expect(refuse).toHaveBeenCalledOnce());
    expect(screen.getAllByTestId('next-customer').length).toBeGreaterThan(0);
  });
});
