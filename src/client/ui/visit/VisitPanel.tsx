import { useRef, useState } from 'preact/hooks';
import { MUST_SAY_KEYS } from '../../../shared/mustSay.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import type { LocalVisit } from '../../db/db.ts';
import { type Actor, closeVisit } from '../../db/fieldWrites.ts';
import { type ActiveCampaign, recommendationCount, recommendationsWithTitles } from '../../db/queries.ts';
import { formatTime } from '../../i18n/format.ts';
import { pick, useI18n } from '../../i18n/index.ts';
import { useComposerStore } from '../../state/composerStore.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { ActionNote } from '../common/ActionNote.tsx';
import { announceStored } from '../common/announceStored.ts';
import { useDialogFocus } from '../common/useDialogFocus.ts';
import { storeErrorOf } from '../common/storeError.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';
import { SaidTicks } from '../talktrack/SaidTicks.tsx';
import { Composer } from './Composer.tsx';
import { NextCustomer } from './NextCustomer.tsx';
import { RecordButton } from './RecordButton.tsx';

interface Props {
  actor: Actor;
  visit: LocalVisit | null;
  selected: ActiveCampaign | undefined;
}

/** The right-hand panel: "next customer" between customers, the open visit while serving one. */
export function VisitPanel({ actor, visit, selected }: Props) {
  return (
    <aside class="visit-panel" data-testid="visit-panel" data-visit={visit?.id ?? ''}>
      {visit ? <OpenVisit key={visit.id} actor={actor} visit={visit} selected={selected} /> : <NextCustomer actor={actor} />}
    </aside>
  );
}

function OpenVisit({ actor, visit, selected }: { actor: Actor; visit: LocalVisit; selected: ActiveCampaign | undefined }) {
  const { db, sync } = useServices();
  const { t, lang } = useI18n();
  const recs = useLiveQuery(() => recommendationsWithTitles(db, visit.id), [db, visit.id]);
  const [confirming, setConfirming] = useState(false);
  const confirmBox = useRef<HTMLDivElement>(null);
  useDialogFocus(confirmBox, confirming, { onEscape: () => setConfirming(false) });
  const inFlight = useRef(false);
  const count = recs?.length ?? 0;

  const close = async (noRecommendationConfirmed: boolean) => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      // Counted from the store, not the live list, so a tap right after a record is judged correctly.
      const none = (await recommendationCount(db, visit.id)) === 0;
      if (none && !noRecommendationConfirmed) {
        setConfirming(true);
        return;
      }
      announceStored(await closeVisit(db, actor, visit.id, none));
    } catch (cause) {
      useUiStore.getState().setStoreError(storeErrorOf(cause));
      return;
    } finally {
      inFlight.current = false;
    }
    useComposerStore.getState().resetAll();
    const ui = useUiStore.getState();
    if (ui.storeError) ui.setStoreError(null);
    ui.showToast('visit.closed');
    sync.recordWritten();
  };

  return (
    <div class="open-visit">
      <ActionNote />
      <div class="visit-head">
        <span class="badge badge-live">{t('visit.open')}</span>
        <strong data-testid="visit-business">{t(`business.${visit.business}`)}</strong>
        <span class="muted">
          {t(`source.${visit.source}`)} · {t('visit.since', { time: formatTime(visit.openedAt, lang) })}
        </span>
      </div>
      <section class="recs" aria-labelledby="recs-title">
        <h3 id="recs-title">{t('visit.recsTitle')}</h3>
        {recs !== undefined && count === 0 && <p class="hint">{t('visit.recsNone')}</p>}
        <ul data-testid="visit-recommendations" data-count={String(count)}>
          {recs?.map(({ rec, title }) => (
            <li key={rec.id} class="rec">
              <span class="rec-title">{title ? pick(title, lang) : '—'}</span>
              <span class={`badge outcome-${rec.outcome}`}>{t(`outcome.${rec.outcome}`)}</span>
              <span class="muted">{t('visit.recSaid', { n: rec.elementsSaid.length, total: MUST_SAY_KEYS.length })}</span>
            </li>
          ))}
        </ul>
      </section>
      {selected && <SaidTicks campaignId={selected.campaign.id} />}
      <Composer selected={selected} />
      {/* Kept in view at the bottom of the panel: the two taps every customer needs. */}
      <div class="visit-actions">
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby="close-q" ref={confirmBox}>
            <p id="close-q">{t('visit.closeNoRecQ')}</p>
            <div class="actions">
              <button type="button" class="btn btn-secondary" data-testid="cancel-close-no-rec" data-autofocus onClick={() => setConfirming(false)}>
                {t('visit.closeNoRecCancel')}
              </button>
              <button type="button" class="btn btn-danger" data-testid="confirm-close-no-rec" onClick={() => void close(true)}>
                {t('visit.closeNoRecConfirm')}
              </button>
            </div>
          </div>
        ) : (
          <div class="actions">
            <button type="button" class="btn btn-outline btn-big" id="close-visit" data-testid="close-visit" onClick={() => void close(false)}>
              {t('visit.close')}
            </button>
            <div class="record-slot">
              <RecordButton actor={actor} visitId={visit.id} selected={selected} />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
