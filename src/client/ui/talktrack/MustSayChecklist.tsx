import { MUST_SAY_KEYS, type MustSayKey } from '../../../shared/mustSay.ts';
import type { MustSayTexts } from '../../../shared/schemas/reference.ts';
import { pick, useI18n } from '../../i18n/index.ts';
import { useComposerStore, useIsSaid } from '../../state/composerStore.ts';

interface RowProps {
  campaignId: string;
  elementKey: MustSayKey;
  index: number;
  text: string;
}

/** One element: it subscribes to its own tick, so only this row re-renders when it is ticked. */
function ElementRow({ campaignId, elementKey, index, text }: RowProps) {
  const { t } = useI18n();
  const said = useIsSaid(campaignId, elementKey);
  const toggle = useComposerStore((s) => s.toggleSaid);
  return (
    <li>
      <button
        type="button"
        role="checkbox"
        class={said ? 'element said' : 'element'}
        data-testid={`element-${elementKey}`}
        aria-checked={said}
        onClick={() => toggle(campaignId, elementKey)}
      >
        <span class="element-box" aria-hidden="true">
          {said ? '✓' : index + 1}
        </span>
        <span class="element-body">
          <span class="element-label">{t(`element.${elementKey}`)}</span>
          <span class="element-text text">{text}</span>
        </span>
      </button>
    </li>
  );
}

/** Renders once per campaign and language; the ticks live in each row. */
export function MustSayChecklist({ campaignId, elements }: { campaignId: string; elements: MustSayTexts }) {
  const { t, lang } = useI18n();
  return (
    <section class="must-say" aria-labelledby="must-say-title">
      <div class="section-head">
        <h3 id="must-say-title">{t('talk.mustSay')}</h3>
        <span class="hint">{t('talk.mustSayHint')}</span>
      </div>
      <ol class="element-list">
        {MUST_SAY_KEYS.map((key, i) => (
          <ElementRow key={key} campaignId={campaignId} elementKey={key} index={i} text={pick(elements[key], lang)} />
        ))}
      </ol>
    </section>
  );
}
