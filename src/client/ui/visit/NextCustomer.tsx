import { useRef, useState } from 'preact/hooks';
import type { VisitBusiness, VisitSource } from '../../../shared/schemas/fieldRecords.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import { type Actor, openVisit } from '../../db/fieldWrites.ts';
import { useI18n } from '../../i18n/index.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { ActionNote } from '../common/ActionNote.tsx';
import { announceStored } from '../common/announceStored.ts';
import { VISIT_BUSINESSES, VISIT_SOURCES } from '../common/options.ts';
import { storeErrorOf } from '../common/storeError.ts';
import { useDeviceRefusal } from '../status/useDeviceRefusal.ts';

/** "Next customer": what they came for and how they came, then the visit is opened and queued. */
export function NextCustomer({ actor }: { actor: Actor }) {
  const { db, sync } = useServices();
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [business, setBusiness] = useState<VisitBusiness | null>(null);
  const [source, setSource] = useState<VisitSource>('walk_in');
  const inFlight = useRef(false);
  // A tablet the server refuses opens no new visit: none of it could ever be sent.
  const refusal = useDeviceRefusal();

  const confirm = async () => {
    if (!business || inFlight.current) return;
    inFlight.current = true;
    let visit;
    try {
      visit = await openVisit(db, actor, { business, source });
    } catch (cause) {
      // Keep the answers on screen so the person can retry.
      useUiStore.getState().setStoreError(storeErrorOf(cause));
      return;
    } finally {
      inFlight.current = false;
    }
    const { closedAt: _local, ...record } = visit;
    announceStored(record);
    if (useUiStore.getState().storeError) useUiStore.getState().setStoreError(null);
    sync.recordWritten();
  };

  if (!asking || refusal !== null) {
    return (
      <div class="next-customer">
        <button
          type="button"
          class="btn btn-primary btn-huge"
          data-testid="next-customer"
          disabled={refusal !== null}
          aria-describedby="next-customer-hint"
          onClick={() => setAsking(refusal === null)}
        >
          {t('visit.next')}
        </button>
        <p class={refusal !== null ? 'hint hint-bad' : 'hint'} id="next-customer-hint" data-testid="next-customer-hint">
          {refusal !== null ? t(`device.${refusal}.noVisits`) : t('visit.noVisitHint')}
        </p>
        <ActionNote />
      </div>
    );
  }

  return (
    <div class="open-visit-form">
      <fieldset class="chips-field">
        <legend>{t('visit.businessQ')}</legend>
        <div class="chips">
          {VISIT_BUSINESSES.map((b) => (
            <button
              key={b}
              type="button"
              class="chip"
              data-testid={`business-${b}`}
              aria-pressed={business === b}
              onClick={() => setBusiness(b)}
            >
              {t(`business.${b}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset class="chips-field">
        <legend>{t('visit.sourceQ')}</legend>
        <div class="chips">
          {VISIT_SOURCES.map((s) => (
            <button key={s} type="button" class="chip" data-testid={`source-${s}`} aria-pressed={source === s} onClick={() => setSource(s)}>
              {t(`source.${s}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <div class="actions">
        <button type="button" class="btn btn-secondary" data-testid="open-visit-cancel" onClick={() => setAsking(false)}>
          {t('visit.cancel')}
        </button>
        <button
          type="button"
          class="btn btn-primary btn-big grow"
          data-testid="open-visit-confirm"
          disabled={!business}
          onClick={() => void confirm()}
        >
          {t('visit.confirmOpen')}
        </button>
      </div>
    </div>
  );
}
