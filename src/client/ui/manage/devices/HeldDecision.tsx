import { useRef, useState } from 'preact/hooks';
import type { HeldRecord } from '../../../../shared/schemas/heldRecords.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { useDialogFocus } from '../../common/useDialogFocus.ts';
import { heldReasonText, heldSummary } from './heldText.ts';

export type HeldAction = 'accept' | 'discard';

interface Props {
  record: HeldRecord;
  action: HeldAction;
  busy: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

/** The server keeps HeldDecisionRequest's limit; the field stops there so nothing typed is refused. */
const NOTE_MAX = 200;

/**
 * Accepting or discarding a held record, asked once more with the reason the audit keeps: the
 * confirm button does nothing until a reason is written. Opens where the eye goes (focus on the reason);
 * Escape cancels, and the focus goes back to the button that asked.
 */
export function HeldDecision({ record, action, busy, onConfirm, onCancel }: Props) {
  const { t } = useManageI18n();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useDialogFocus(box, true, { onEscape: onCancel });
  const missing = tried && note.trim() === '';
  const person = record.staff?.name ?? t('manage.held.noStaff');
  return (
    // The dialog holds the form (a form may not be a dialog itself).
    <div class="confirm m-confirm m-held-decision" role="alertdialog" aria-labelledby="held-decision-q" data-testid="held-decision" data-action={action} ref={box}>
      <form
        class="m-held-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (note.trim() !== '') onConfirm(note.trim());
        }}
      >
        <p id="held-decision-q" class="text">
          <strong>{action === 'accept' ? t('manage.held.accept.question', { person }) : t('manage.held.discard.question')}</strong>
        </p>
        <p class="text muted">
          {heldSummary(record, t)}
          <br />
          {heldReasonText(record, t)}
        </p>
        <label class={missing ? 'm-field m-invalid' : 'm-field'}>
          <span class="m-label">
            {t('manage.held.note')} <span class="m-required">*</span>
          </span>
          <input
            data-autofocus
            type="text"
            data-testid="held-note"
            maxLength={NOTE_MAX}
            placeholder={t('manage.held.notePlaceholder')}
            value={note}
            aria-invalid={missing || undefined}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          {missing && (
            <span class="m-note m-note-missing" data-testid="held-note-missing">
              {t('manage.held.noteRequired')}
            </span>
          )}
        </label>
        <div class="actions">
          <button type="submit" class={action === 'accept' ? 'btn btn-primary' : 'btn btn-danger'} disabled={busy} data-testid="held-decision-yes">
            {t(action === 'accept' ? 'manage.held.accept.yes' : 'manage.held.discard.yes')}
          </button>
          <button type="button" class="btn btn-secondary" data-testid="held-decision-no" onClick={onCancel}>
            {t('manage.held.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
