import { useServices } from '../../app/ServicesContext.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useUiStore } from '../../state/uiStore.ts';

/** "Sync now": pushes what is waiting and pulls reference data. */
export function SyncNowButton() {
  const { sync } = useServices();
  const { t } = useI18n();
  const syncing = useUiStore((s) => s.syncing);
  const run = async () => {
    useUiStore.getState().setSyncing(true);
    try {
      // The outcome shows in the strip: last sync time, or the failure in words.
      await sync.syncNow();
    } finally {
      useUiStore.getState().setSyncing(false);
    }
  };
  return (
    <button type="button" class="btn btn-secondary sync-now" data-testid="sync-now" onClick={() => void run()} disabled={syncing}>
      <span aria-hidden="true">⟳</span> <span class="btn-label">{syncing ? t('status.syncing') : t('status.syncNow')}</span>
    </button>
  );
}
