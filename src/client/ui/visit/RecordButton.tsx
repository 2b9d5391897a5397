import { useRef } from 'preact/hooks';
import { useServices } from '../../app/ServicesContext.tsx';
import { type Actor, addRecommendation } from '../../db/fieldWrites.ts';
import type { ActiveCampaign } from '../../db/queries.ts';
import { useI18n } from '../../i18n/index.ts';
import { EMPTY_DRAFT, useComposerStore, useDraft } from '../../state/composerStore.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { announceStored } from '../common/announceStored.ts';
import { storeErrorOf } from '../common/storeError.ts';

interface Props {
  actor: Actor;
  visitId: string;
  selected: ActiveCampaign | undefined;
}

/** "Record recommendation": stores the draft with its outbox entry, then clears it for the next one. */
export function RecordButton({ actor, visitId, selected }: Props) {
  const { db, sync } = useServices();
  const { t } = useI18n();
  const campaignId = selected?.campaign.id ?? null;
  const draft = useDraft(campaignId);
  const inFlight = useRef(false);

  const missing = !selected
    ? t('composer.noCampaign')
    : !draft.outcome
      ? t('composer.needOutcome')
      : draft.outcome === 'declined' && !draft.declineReason
        ? t('composer.needReason')
        : null;

  // Lean on purpose (tap-to-stored latency is measured): the write first, UI updates after it commits.
  const record = async () => {
    if (inFlight.current || !selected || !campaignId) return;
    const d = useComposerStore.getState().drafts[campaignId] ?? EMPTY_DRAFT;
    if (!d.outcome || (d.outcome === 'declined' && !d.declineReason)) return;
    inFlight.current = true;
    let stored;
    try {
      stored = await addRecommendation(db, actor, {
        visitId,
        campaignId,
        talkTrackVersionId: selected.talkTrack.id,
        elementsSaid: d.said,
        demoDeviceUsed: d.demo,
        outcome: d.outcome,
        declineReason: d.outcome === 'declined' ? d.declineReason : null,
      });
    } catch (cause) {
      // The draft stays as it was, so the person can retry once the problem is fixed.
      useUiStore.getState().setStoreError(storeErrorOf(cause));
      return;
    } finally {
      inFlight.current = false;
    }
    announceStored(stored);
    useComposerStore.getState().resetDraft(campaignId);
    const ui = useUiStore.getState();
    if (ui.storeError) ui.setStoreError(null);
    ui.showToast('composer.recorded');
    sync.recordWritten();
  };

  return (
    <>
      {missing && selected && (
        <p class="hint" data-testid="composer-missing">
          {missing}
        </p>
      )}
      <button
        type="button"
        class="btn btn-primary btn-big"
        data-testid="record-recommendation"
        disabled={missing !== null}
        onClick={() => void record()}
      >
        {t('composer.record')}
      </button>
    </>
  );
}
