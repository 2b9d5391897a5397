import { useRef, useState } from 'preact/hooks';
import { useServices } from '../../app/ServicesContext.tsx';
import type { TodayVisit } from '../../db/dayQueries.ts';
import { type Actor, voidVisit, VoidRefusedError } from '../../db/fieldWrites.ts';
import { VOID_REASON_LIMIT, voidReasonOf } from '../../db/voidRules.ts';
import { formatTime } from '../../i18n/format.ts';
import { useVisitsI18n, type VisitsKey } from '../../i18n/visits/index.ts';
import { type StoreErrorState, useUiStore } from '../../state/uiStore.ts';
import { announceStored } from '../common/announceStored.ts';
import { useDialogFocus } from '../common/useDialogFocus.ts';
import { storeErrorOf, storeErrorText } from '../common/storeError.ts';

const QUICK: readonly VisitsKey[] = ['visits.quick.wrongCustomer', 'visits.quick.duplicate', 'visits.quick.mistap', 'visits.quick.practice'];

interface Props {
  actor: Actor;
  timeZone: string;
  entry: TodayVisit;
  onCancel: () => void;
  onVoided: () => void;
}

/** The reason (a quick one, or free text up to the limit), then the void is stored with its outbox entry. */
export function VoidForm({ actor, timeZone, entry, onCancel, onVoided }: Props) {
  const { db, sync } = useServices();
  const { t, lang } = useVisitsI18n();
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<VisitsKey | null>(null);
  // Kept as what failed, worded when shown: it follows a language switch.
  const [storeFailure, setStoreFailure] = useState<StoreErrorState | null>(null);
  const inFlight = useRef(false);
  // It takes the list's place in the dialog: the focus moves to it, and back to the visit's "void" on cancel.
  const form = useRef<HTMLFormElement>(null);
  useDialogFocus(form, true);
  const reason = voidReasonOf(text);
  const { visit } = entry;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (inFlight.current) return;
    if (reason === null) {
      setRefused('visits.reasonRequired');
      return;
    }
    inFlight.current = true;
    setStoreFailure(null);
    try {
      announceStored(await voidVisit(db, actor, { visitId: visit.id, reason, timeZone }));
    } catch (cause) {
      if (cause instanceof VoidRefusedError) setRefused(`visits.refused.${cause.refusal}`);
      else {
        // Said here, over the counter, and kept in the counter's banner once the list is closed.
        const failure = storeErrorOf(cause);
        useUiStore.getState().setStoreError(failure);
        setStoreFailure(failure);
      }
      return;
    } finally {
      inFlight.current = false;
    }
    if (useUiStore.getState().storeError) useUiStore.getState().setStoreError(null);
    sync.recordWritten();
    onVoided();
  };

  return (
    <form class="tv-void" data-testid="void-form" onSubmit={(e) => void submit(e)} aria-labelledby="tv-void-title" ref={form}>
      <h3 id="tv-void-title" tabIndex={-1} data-autofocus>{t('visits.voidTitle')}</h3>
      <p class="tv-void-what">
        <strong>{formatTime(visit.openedAt, lang)}</strong> · {t(`business.${visit.business}`)} ·{' '}
        {entry.recs.length === 0 ? t('visits.noRecs') : t('visits.recs', { count: entry.recs.length })}
      </p>
      <p class="hint">{t('visits.voidExplain')}</p>
      <fieldset class="chips-field">
        <legend>{t('visits.quickReasons')}</legend>
        <div class="chips">
          {QUICK.map((key) => (
            <button
              key={key}
              type="button"
              class="chip"
              data-testid={`void-quick-${key.slice('visits.quick.'.length)}`}
              aria-pressed={text === t(key)}
              onClick={() => {
                setText(t(key));
                setRefused(null);
              }}
            >
              {t(key)}
            </button>
          ))}
        </div>
      </fieldset>
      <label class="tv-field">
        <span>{t('visits.reasonLabel')}</span>
        <textarea
          data-testid="void-reason"
          rows={2}
          maxLength={VOID_REASON_LIMIT}
          required
          value={text}
          aria-invalid={refused !== null || undefined}
          aria-describedby="tv-reason-count"
          onInput={(e) => {
            setText(e.currentTarget.value);
            setRefused(null);
          }}
        />
      </label>
      <span id="tv-reason-count" class="hint tv-count">
        {t('visits.reasonCount', { count: text.trim().length, max: VOID_REASON_LIMIT })}
      </span>
      {refused && (
        <p class="msg msg-error" role="alert" data-testid="void-refused">
          {t(refused)}
        </p>
      )}
      {storeFailure && (
        <p class="msg msg-error" role="alert" data-testid="void-store-error">
          {storeErrorText(storeFailure, t)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn btn-secondary" data-testid="void-cancel" onClick={onCancel}>
          {t('visits.cancel')}
        </button>
        <button type="submit" class="btn btn-danger grow" data-testid="void-confirm" disabled={reason === null}>
          {t('visits.confirm')}
        </button>
      </div>
    </form>
  );
}
