import { MUST_SAY_KEYS, type MustSayKey } from '../../../shared/mustSay.ts';
import { useI18n } from '../../i18n/index.ts';
import { useComposerStore, useIsSaid } from '../../state/composerStore.ts';

function Tick({ campaignId, elementKey, index }: { campaignId: string; elementKey: MustSayKey; index: number }) {
  const { t } = useI18n();
  const said = useIsSaid(campaignId, elementKey);
  const toggle = useComposerStore((s) => s.toggleSaid);
  return (
    <button
      type="button"
      role="checkbox"
      class={said ? 'tick said' : 'tick'}
      data-testid={`tick-${elementKey}`}
      aria-checked={said}
      aria-label={`${index + 1} ${t(`element.${elementKey}`)}`}
      onClick={() => toggle(campaignId, elementKey)}
    >
      <span class="tick-mark" aria-hidden="true">
        {said ? '✓' : index + 1}
      </span>
      <span class="tick-label" aria-hidden="true">
        {t(`elementShort.${elementKey}`)}
      </span>
    </button>
  );
}

/**
 * The seven elements as one compact row of ticks in the visit panel, numbered as in the
 * talk-track: ticking them one by one never needs the talk-track scrolled. Same ticks as the
 * talk-track's rows (one store), so either place can be used.
 */
export function SaidTicks({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  return (
    <div class="said-ticks" role="group" aria-label={t('talk.ticks')} data-testid="said-ticks">
      {MUST_SAY_KEYS.map((key, i) => (
        <Tick key={key} campaignId={campaignId} elementKey={key} index={i} />
      ))}
    </div>
  );
}
