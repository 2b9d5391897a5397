import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Options {
  /** Escape does this (cancel, close) while the dialog is open. */
  onEscape?: () => void;
  /** Where focus goes back to on close, when not the control that opened it (that one is hidden by then). */
  returnTo?: () => HTMLElement | null | undefined;
}

/**
 * The element that last took the focus. A focused element taken out of the page leaves the focus
 * on the body without an event, so this still names it: the render that opens a dialog often
 * removes its opener before the dialog's own code runs.
 */
let lastFocused: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLElement) lastFocused = event.target;
  });
}

function focusedNow(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : lastFocused;
}

/**
 * While `open`, the dialog holds the focus: on opening it moves to the dialog's `[data-autofocus]`
 * element (else the dialog itself), so a screen reader says the dialog's name and a keyboard
 * starts inside it; on closing it goes back to the control that opened it. That control is often
 * drawn anew while the dialog shows (the same button, re-rendered): it is then found again by its id.
 */
export function useDialogFocus(dialog: RefObject<HTMLElement>, open: boolean, options: Options = {}): void {
  const latest = useRef(options);
  latest.current = options;
  // Read while rendering the opening: by the time effects run, the focus has moved on or been lost.
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current) opener.current = focusedNow();
  wasOpen.current = open;

  useEffect(() => {
    if (!open) return;
    const from = opener.current;
    const fromId = from?.id ?? '';
    const box = dialog.current;
    (box?.querySelector<HTMLElement>('[data-autofocus]') ?? box)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && latest.current.onEscape) latest.current.onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // After the render that closed it has finished, so the opener drawn anew is in the page.
      queueMicrotask(() => {
        const now = document.activeElement;
        // Someone who moved on elsewhere is left there.
        if (now && now !== document.body && now.isConnected && !box?.contains(now)) return;
        const back = latest.current.returnTo?.() ?? (from?.isConnected ? from : fromId ? document.getElementById(fromId) : null);
        back?.focus();
      });
    };
  }, [open, dialog]);
}
