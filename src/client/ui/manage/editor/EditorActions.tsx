import type { ComponentChildren } from 'preact';
import { useManageI18n } from '../../../i18n/manage/index.ts';

interface Props {
  dirty: boolean;
  readOnly: boolean;
  isNew: boolean;
  /** Published, and nothing changed since: publishing again would change nothing. */
  upToDate: boolean;
  missingCount: number;
  busy: 'save' | 'publish' | null;
  onSave: () => void;
  onPublish: () => void;
  children?: ComponentChildren;
}

/** Save and publish, always in reach at the top of the form, with what they answered beneath. */
export function EditorActions({ dirty, readOnly, isNew, upToDate, missingCount, busy, onSave, onPublish, children }: Props) {
  const { t } = useManageI18n();
  return (
    <div class="m-editor-actions" data-testid="editor-actions">
      <div class="m-editor-buttons">
        <span class={dirty ? 'm-dirty' : 'm-saved muted'} data-testid="editor-dirty" data-dirty={String(dirty)} role="status">
          {dirty ? t('manage.editor.unsaved') : isNew ? t('manage.editor.notSavedYet') : t('manage.editor.allSaved')}
        </span>
        <button type="button" class="btn btn-secondary" data-testid="editor-save" disabled={readOnly || busy !== null || (!dirty && !isNew)} onClick={onSave}>
          {busy === 'save' ? t('manage.working') : t('manage.editor.save')}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          data-testid="editor-publish"
          data-missing={missingCount}
          aria-describedby={missingCount > 0 ? 'publish-missing-note' : undefined}
          disabled={readOnly || busy !== null || upToDate}
          onClick={onPublish}
        >
          {busy === 'publish' ? t('manage.working') : t('manage.editor.publish')}
        </button>
        {missingCount > 0 && !readOnly && (
          <span id="publish-missing-note" class="hint">
            {t('manage.editor.publishNeeds', { count: missingCount })}
          </span>
        )}
        {upToDate && !readOnly && <span class="hint">{t('manage.editor.upToDate')}</span>}
      </div>
      {children}
    </div>
  );
}
