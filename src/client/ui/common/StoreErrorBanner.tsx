import { useI18n } from '../../i18n/index.ts';
import { useUiStore } from '../../state/uiStore.ts';

/** A failed write stays on screen until a later write succeeds or the person dismisses it. */
export function StoreErrorBanner() {
  const { t } = useI18n();
  const error = useUiStore((s) => s.storeError);
  const clear = useUiStore((s) => s.setStoreError);
  if (!error) return null;
  const text =
    error.reason === 'quota'
      ? t('error.quota')
      : error.reason === 'unavailable'
        ? t('error.unavailable')
        : error.reason === 'visit_state'
          ? t('error.visitState')
          : t('error.unknown', { message: error.detail });
  return (
    <div class="banner banner-error" role="alert" data-testid="store-error" data-reason={error.reason}>
      <p>{text}</p>
      <button type="button" class="btn btn-quiet" onClick={() => clear(null)}>
        {t('warn.dismiss')}
      </button>
    </div>
  );
}
