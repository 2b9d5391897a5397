import { useI18n } from '../../i18n/index.ts';
import { useUiStore } from '../../state/uiStore.ts';

/**
 * Shown when the browser refused persistent storage: unsynced records could be evicted. It arrives
 * after the first paint, so it never pushes the screen down: it floats at the bottom edge, or on
 * the counter sits at the foot of the talk-track (`inCounter`), clear of every control a visit
 * needs. Once dismissed it stays dismissed on this tablet.
 */
export function PersistenceWarning({ inCounter = false }: { inCounter?: boolean }) {
  const { t } = useI18n();
  const denied = useUiStore((s) => s.persistence === 'denied' && !s.persistenceDismissed);
  const dismiss = useUiStore((s) => s.dismissPersistence);
  if (!denied) return null;
  return (
    <div class={inCounter ? 'banner banner-warn counter-warning' : 'banner banner-warn floating-warning'} role="alert" data-testid="persistence-warning">
      <p>{t('warn.persistDenied')}</p>
      <button type="button" class="btn btn-quiet" onClick={dismiss}>
        {t('warn.dismiss')}
      </button>
    </div>
  );
}
