import { useRef } from 'preact/hooks';
import { useDialogFocus } from '../../common/useDialogFocus.ts';

interface Props {
  /** Names the dialog: test ids `<id>-confirm`, `<id>-confirm-yes`, `<id>-confirm-no`. */
  id: string;
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * An action that cannot be taken back, asked once more in words, with the way out beside it: the
 * focus starts on the way out, and Escape takes it.
 */
export function ConfirmDanger({ id, question, yes, no, busy, onConfirm, onCancel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useDialogFocus(box, true, { onEscape: onCancel });
  return (
    <div class="confirm m-confirm" role="alertdialog" aria-labelledby={`${id}-q`} data-testid={`${id}-confirm`} ref={box}>
      <p id={`${id}-q`} class="text">
        {question}
      </p>
      <div class="actions">
        <button type="button" class="btn btn-danger" disabled={busy} data-testid={`${id}-confirm-yes`} onClick={onConfirm}>
          {yes}
        </button>
        <button type="button" class="btn btn-secondary" data-testid={`${id}-confirm-no`} data-autofocus onClick={onCancel}>
          {no}
        </button>
      </div>
    </div>
  );
}
