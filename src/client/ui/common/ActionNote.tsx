import { useI18n } from '../../i18n/index.ts';
import { useUiStore } from '../../state/uiStore.ts';

/** A short confirmation ("recorded ✓"), shown where the person just tapped; it never takes focus. */
export function ActionNote() {
  const { t } = useI18n();
  const toast = useUiStore((s) => s.toast);
  return (
    <div class="action-note" aria-live="polite">
      {toast && (
        <span key={toast.id} class="toast" data-testid="toast">
          {t(toast.key)}
        </span>
      )}
    </div>
  );
}
