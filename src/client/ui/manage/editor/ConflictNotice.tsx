import { useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import type { Problem } from '../../../manage/problems.ts';

type Conflict = Extract<Problem, { kind: 'conflict' }>;

/** Someone saved after this page loaded: nothing was overwritten; the person chooses what happens next. */
export function ConflictNotice({ conflict, timeZone, onReload, onKeep }: { conflict: Conflict; timeZone: string; onReload: () => void; onKeep: () => void }) {
  const { t, lang } = useManageI18n();
  const who = conflict.editedBy?.name ?? t('manage.conflict.someone');
  const when = conflict.editedAt ? formatDateTime(conflict.editedAt, lang, timeZone) : null;
  return (
    <div class="msg msg-error m-conflict" role="alert" data-testid="edit-conflict" data-edited-by={conflict.editedBy?.name ?? ''}>
      <p>{when ? t('manage.conflict.savedAt', { name: who, time: when }) : t('manage.conflict.saved', { name: who })}</p>
      <p>{t('manage.conflict.notSaved')}</p>
      <div class="actions">
        <button type="button" class="btn btn-primary" data-testid="conflict-reload" onClick={onReload}>
          {t('manage.conflict.reload')}
        </button>
        <button type="button" class="btn btn-secondary" data-testid="conflict-keep" onClick={onKeep}>
          {t('manage.conflict.keep')}
        </button>
      </div>
    </div>
  );
}
