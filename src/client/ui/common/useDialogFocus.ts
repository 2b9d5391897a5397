import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Options {
  /** Escape does this (cancel, close) while the dialog is open. */
  onEscape?: () => void;
  /** Where focus goes back to on close, when not the control that opened it (that one is hidden by then). */
  returnTo?: () => HTMLElement | null | undefined;
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

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const openerId = opener?.id ?? '';
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
        const back =
          latest.current.returnTo?.() ?? (opener?.isConnected ? opener : openerId ? document.getElementById(openerId) : null);
        back?.focus();
      });
    };
  }, [open, dialog]);
}
