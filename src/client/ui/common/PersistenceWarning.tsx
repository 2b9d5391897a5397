import { useI18n } from '../../i18n/index.ts';
import { useUiStore } from '../../state/uiStore.ts';

/** Shown when the browser refused persistent storage: unsynced records could be evicted. */
export function PersistenceWarning() {
  const { t } = useI18n();
  const denied = useUiStore((s) => s.persistence === 'denied' && !s.persistenceDismissed);
  const dismiss = useUiStore((s) => s.dismissPersistence);
  if (!denied) return null;
  return (
    <div class="banner banner-warn" role="alert" data-testid="persistence-warning">
      <p>{t('warn.persistDenied')}</p>
      <button type="button" class="btn btn-quiet" onClick={dismiss}>
        {t('warn.dismiss')}
      </button>
    </div>
  );
}
