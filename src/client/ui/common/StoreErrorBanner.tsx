import { useI18n } from '../../i18n/index.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { storeErrorText } from './storeError.ts';

/** A failed write stays on screen until a later write succeeds or the person dismisses it. */
export function StoreErrorBanner() {
  const { t } = useI18n();
  const error = useUiStore((s) => s.storeError);
  const clear = useUiStore((s) => s.setStoreError);
  if (!error) return null;
  return (
    <div class="banner banner-error" role="alert" data-testid="store-error" data-reason={error.reason}>
      <p>{storeErrorText(error, t)}</p>
      <button type="button" class="btn btn-quiet" onClick={() => clear(null)}>
        {t('warn.dismiss')}
      </button>
    </div>
  );
}
