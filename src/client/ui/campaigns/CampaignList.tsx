import type { ActiveCampaign } from '../../db/queries.ts';
import { pick, useI18n } from '../../i18n/index.ts';
import { useComposerStore } from '../../state/composerStore.ts';

/** Today's campaigns for the hall, focus ones first (the query orders them); tap to show the talk-track. */
export function CampaignList({ campaigns, selectedId }: { campaigns: readonly ActiveCampaign[]; selectedId: string | null }) {
  const { t, lang } = useI18n();
  const select = useComposerStore((s) => s.select);
  return (
    <nav class="campaigns" aria-label={t('campaigns.title')}>
      <h2 class="panel-title">{t('campaigns.title')}</h2>
      {campaigns.length === 0 && <p class="muted">{t('campaigns.none')}</p>}
      <ul>
        {campaigns.map(({ campaign }) => (
          <li key={campaign.id}>
            <button
              type="button"
              class={campaign.id === selectedId ? 'campaign selected' : 'campaign'}
              data-testid={`campaign-${campaign.id}`}
              data-focus={String(campaign.focus)}
              aria-pressed={campaign.id === selectedId}
              onClick={() => select(campaign.id)}
            >
              <span class="campaign-title">{pick(campaign.title, lang)}</span>
              <span class="campaign-tags">
                {campaign.focus && <span class="badge badge-focus">{t('campaigns.focus')}</span>}
                <span class={`badge badge-cat cat-${campaign.category}`}>{t(`category.${campaign.category}`)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
