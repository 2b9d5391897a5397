import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';

/**
 * While `active`, leaving asks first: closing or reloading the tab (the browser's own question),
 * a link inside the app, and the back button. Links and back are caught before preact-iso routes
 * them: a capturing listener runs first and stops the event when the person says no.
 */
export function useLeaveGuard(active: boolean, question: string): void {
  // The URL the unsaved work is at (a new campaign gets its id on the first save).
  const { url } = useLocation();
  const latest = useRef({ active, question, url });
  latest.current = { active, question, url };

  useEffect(() => {
    const stay = () => latest.current.active && !window.confirm(latest.current.question);

    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!latest.current.active) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && el.href !== '');
      if (!link || link.origin !== location.origin || link.download || (link.target && link.target !== '_self')) return;
      if (link.pathname + link.search === location.pathname + location.search) return;
      if (stay()) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    const onPopState = (e: PopStateEvent) => {
      if (stay()) {
        e.stopImmediatePropagation();
        history.pushState(null, '', latest.current.url); // back where the unsaved work is
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState, true);
    };
  }, []);
}
