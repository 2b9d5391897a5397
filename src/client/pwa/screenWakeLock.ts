import { useEffect } from 'preact/hooks';

/** The parts of the page the wake lock needs; tests hand in fakes. */
export interface WakeLockHost {
  navigator: { wakeLock?: { request(type: 'screen'): Promise<{ released: boolean; release(): Promise<void> }> } };
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

/**
 * Keeps the screen on (Screen Wake Lock) until the returned function is called. The browser drops
 * the lock whenever the tab is hidden, so it is asked for again each time the tab is visible.
 * Where the browser has no wake lock, or refuses one (battery saver), the screen dims as usual.
 */
export function keepScreenOn(host: WakeLockHost = { navigator, document }): () => void {
  const wakeLock = host.navigator.wakeLock;
  if (!wakeLock) return () => undefined;
  let sentinel: { released: boolean; release(): Promise<void> } | null = null;
  let stopped = false;
  let asking = false;

  const acquire = async () => {
    if (stopped || asking || host.document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
    asking = true;
    try {
      const granted = await wakeLock.request('screen');
      if (stopped) void granted.release().catch(() => undefined);
      else sentinel = granted;
    } catch {
      // Refused: nothing to do but let the screen dim.
    } finally {
      asking = false;
    }
  };
  const onVisibility = () => void acquire();

  void acquire();
  host.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopped = true;
    host.document.removeEventListener('visibilitychange', onVisibility);
    if (sentinel && !sentinel.released) void sentinel.release().catch(() => undefined);
    sentinel = null;
  };
}

/** The screen stays on while the component that calls this is on screen (the counter, while someone is signed in). */
export function useScreenWakeLock(host?: WakeLockHost): void {
  useEffect(() => keepScreenOn(host), [host]);
}
