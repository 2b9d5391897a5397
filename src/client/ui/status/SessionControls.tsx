import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../app/ServicesContext.tsx';
import { useUpdateOffer } from '../../app/UpdateOfferContext.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useComposerStore } from '../../state/composerStore.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { LangSwitch } from '../common/LangSwitch.tsx';
import { useDialogFocus } from '../common/useDialogFocus.ts';

/**
 * The update offer (only between customers), and a menu holding the language, the way to the
 * reports (signed in online), to the manager pages (managers and admins) and sign-out (only between
 * customers). The menu keeps the strip to one row on a portrait tablet; its items stay in the page
 * while it is closed (hidden), so it opens at once.
 */
export function SessionControls({
  visitOpen,
  canManage = false,
  canReport = false,
}: {
  visitOpen: boolean;
  canManage?: boolean;
  canReport?: boolean;
}) {
  const { db, api } = useServices();
  const { t } = useI18n();
  const { waiting, apply } = useUpdateOffer();
  const [blocked, setBlocked] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const blockedBox = useRef<HTMLDivElement>(null);
  const closeBlocked = () => {
    setBlocked(false);
    setMenuOpen(false);
  };
  // Its "sign out" is in the menu, closed with it: the focus goes back to the menu's button.
  useDialogFocus(blockedBox, blocked && visitOpen, { onEscape: closeBlocked, returnTo: () => menuButton.current });

  // A tap anywhere else, or Escape, closes the menu.
  useEffect(() => {
    if (!menuOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Focus in the menu would be lost with it: it goes back to the menu's button.
      if (box.current?.contains(document.activeElement)) menuButton.current?.focus();
      setMenuOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  const onSignOut = async () => {
    if (visitOpen) {
      setBlocked(true);
      return;
    }
    setMenuOpen(false);
    const { signOut } = await import('../../auth/session.ts');
    await signOut(db, api);
    useComposerStore.getState().resetAll();
    useUiStore.getState().setStoreError(null);
  };

  return (
    <div class="session-controls" ref={box}>
      {waiting && (
        <span class="update">
          <button
            type="button"
            class="btn btn-accent"
            data-testid="update-app"
            disabled={visitOpen}
            aria-describedby={visitOpen ? 'update-hint' : undefined}
            onClick={apply}
          >
            {t('status.update')}
          </button>
          {visitOpen && (
            <span id="update-hint" class="hint">
              {t('status.updateBlocked')}
            </span>
          )}
        </span>
      )}
      <button
        type="button"
        class="btn btn-secondary menu-button"
        data-testid="session-menu"
        ref={menuButton}
        aria-expanded={menuOpen}
        aria-controls="session-menu-items"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        <span aria-hidden="true">☰</span> <span class="btn-label">{t('status.menu')}</span>
      </button>
      <div class="popover card session-menu" id="session-menu-items" role="group" aria-label={t('status.menu')} hidden={!menuOpen}>
        <LangSwitch />
        {canReport && (
          <a class="btn btn-secondary" href="/reports" data-testid="open-reports">
            {t('status.reports')}
          </a>
        )}
        {canManage && (
          <a class="btn btn-secondary" href="/manage" data-testid="open-manage">
            {t('status.manage')}
          </a>
        )}
        <button type="button" class="btn btn-secondary" data-testid="sign-out" onClick={() => void onSignOut()}>
          {t('status.signOut')}
        </button>
      </div>
      {blocked && visitOpen && (
        <div class="popover card" role="alertdialog" aria-labelledby="sign-out-blocked-text" data-testid="sign-out-blocked" ref={blockedBox}>
          <p id="sign-out-blocked-text">{t('status.signOutBlocked')}</p>
          <button type="button" class="btn btn-primary" data-testid="sign-out-blocked-ok" data-autofocus onClick={closeBlocked}>
            {t('status.ok')}
          </button>
        </div>
      )}
    </div>
  );
}
