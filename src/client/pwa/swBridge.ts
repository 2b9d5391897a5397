import { Workbox } from 'workbox-window';
import { useUpdateStore } from './updateStore.ts';

/**
 * The page side of the service worker: registration and the update offer. A new version waits
 * until someone taps "update" (the counter only offers it between customers); queued records
 * live in IndexedDB, which an update never touches.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    useUpdateStore.getState().setWaiting(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  // Without a service worker (blocked by policy, private mode) the app still runs, only not offline.
  wb.register().catch((error: unknown) => console.warn('service worker not registered:', error));
}
