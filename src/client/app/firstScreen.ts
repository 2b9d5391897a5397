import { useEffect } from 'preact/hooks';

let shown!: () => void;

/** Resolves once the page has painted its first real screen (enrolment, sign-in or the counter). */
export const firstScreenShown = new Promise<void>((resolve) => (shown = resolve));

/**
 * Marks the first screen as shown once `ready` holds. Preact runs effects after the browser has
 * painted, so whatever waits on firstScreenShown (the network layer's chunk) starts after that paint.
 */
export function useFirstScreenShown(ready: boolean): void {
  useEffect(() => {
    if (ready) shown();
  }, [ready]);
}
