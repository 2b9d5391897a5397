import { MUST_SAY_KEYS } from '../../../shared/mustSay.ts';
import type { ActiveCampaign } from '../../db/queries.ts';
import { pick, useI18n } from '../../i18n/index.ts';
import { useComposerStore, useDraft } from '../../state/composerStore.ts';
import { DECLINE_REASONS, OUTCOMES } from '../common/options.ts';

/** The recommendation being composed for the selected campaign: ticks count, demo device, outcome, reason. */
export function Composer({ selected }: { selected: ActiveCampaign | undefined }) {
  const { t, lang } = useI18n();
  const campaignId = selected?.campaign.id ?? null;
  const draft = useDraft(campaignId);
  const store = useComposerStore.getState();

  if (!selected || !campaignId) return <p class="hint composer-empty">{t('composer.noCampaign')}</p>;

  const allSaid = draft.said.length === MUST_SAY_KEYS.length;

  return (
    <section class="composer" data-testid="composer" aria-labelledby="composer-title">
      <div class="composer-head">
        <h3 id="composer-title">{t('composer.title', { campaign: pick(selected.campaign.title, lang) })}</h3>
        <span class="said-count" data-testid="said-count" data-count={String(draft.said.length)}>
          {t('composer.said', { n: draft.said.length, total: MUST_SAY_KEYS.length })}
        </span>
      </div>
      <div class="composer-row">
        <button type="button" class="btn btn-secondary" data-testid="all-said" onClick={() => store.setAllSaid(campaignId, !allSaid)}>
          {allSaid ? t('composer.clearSaid') : t('composer.allSaid')}
        </button>
        <button
          type="button"
          class="toggle"
          role="switch"
          data-testid="demo-device"
          aria-checked={draft.demo}
          onClick={() => store.setDemo(campaignId, !draft.demo)}
        >
          <span class="toggle-box" aria-hidden="true">
            {draft.demo ? '✓' : ''}
          </span>
          {t('composer.demo')}
        </button>
      </div>
      <fieldset class="chips-field">
        <legend>{t('composer.outcomeQ')}</legend>
        <div class="chips outcomes">
          {OUTCOMES.map((o) => (
            <button
              key={o}
              type="button"
              class={`chip outcome outcome-${o}`}
              data-testid={`outcome-${o}`}
              aria-pressed={draft.outcome === o}
              onClick={() => store.setOutcome(campaignId, o)}
            >
              {t(`outcome.${o}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {draft.outcome === 'declined' && (
        <fieldset class="chips-field">
          <legend>{t('composer.reasonQ')}</legend>
          <div class="chips">
            {DECLINE_REASONS.map((r) => (
              <button
                key={r}
                type="button"
                class="chip"
                data-testid={`decline-reason-${r}`}
                aria-pressed={draft.declineReason === r}
                onClick={() => store.setDeclineReason(campaignId, r)}
              >
                {t(`reason.${r}`)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </section>
  );
}
