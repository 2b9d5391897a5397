import { useManageI18n } from '../../../i18n/manage/index.ts';
import { fieldId } from '../../../manage/draftText.ts';
import { fieldLabel } from './fieldLabel.ts';

/**
 * What the draft still lacks before it may be published, each a button to its field. `refused`
 * after a publish was tried (here or by the server): then it is an alert, not only a reminder.
 */
export function MissingList({ missing, refused, onGo }: { missing: readonly string[]; refused: boolean; onGo: (path: string) => void }) {
  const { t } = useManageI18n();
  if (missing.length === 0) return null;
  return (
    <div
      class={refused ? 'msg msg-error m-missing' : 'msg m-missing m-missing-quiet'}
      role={refused ? 'alert' : undefined}
      data-testid="publish-missing"
      data-refused={String(refused)}
    >
      <p>{refused ? t('manage.missing.refused', { count: missing.length }) : t('manage.missing.before', { count: missing.length })}</p>
      <ul>
        {missing.map((path) => (
          <li key={path}>
            <button type="button" class="btn-link" data-testid={`missing-${path}`} onClick={() => onGo(path)}>
              {fieldLabel(path, t)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Brings a field into view and focus; `.zh`/`.en` are dropped (the field shows the chosen language). */
export function focusField(path: string): void {
  const base = path.replace(/\.(zh|en)$/, '');
  const el = document.getElementById(fieldId(base));
  if (!el) return;
  el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}
