import { useState } from 'preact/hooks';
import { useServices } from '../../app/ServicesContext.tsx';
import { useUpdateOffer } from '../../app/UpdateOfferContext.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useComposerStore } from '../../state/composerStore.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { LangSwitch } from '../common/LangSwitch.tsx';

/**
 * Language, the way to the reports (signed in online) and to the manager pages (managers and
 * admins), the update offer (only between customers) and sign-out (only between customers).
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

  const onSignOut = async () => {
    if (visitOpen) {
      setBlocked(true);
      return;
    }
    const { signOut } = await import('../../auth/session.ts');
    await signOut(db, api);
    useComposerStore.getState().resetAll();
    useUiStore.getState().setStoreError(null);
  };

  return (
    <div class="session-controls">
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
      <button type="button" class="btn btn-secondary" data-testid="sign-out" onClick={() => void onSignOut()}>
        {t('status.signOut')}
      </button>
      {blocked && visitOpen && (
        <div class="popover card" role="alertdialog" data-testid="sign-out-blocked">
          <p>{t('status.signOutBlocked')}</p>
          <button type="button" class="btn btn-primary" onClick={() => setBlocked(false)}>
            {t('status.ok')}
          </button>
        </div>
      )}
    </div>
  );
}
