import type { Tally } from '../../../../shared/measures.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { count, percent } from '../../../reports/format.ts';
import { RATIO_MEASURES } from '../../../reports/series.ts';
import { RATIO_KEYS } from '../common/measures.ts';

/** The big numbers: visits, then each ratio (raw value in data-value, "" when empty), and how many went without a recommendation. */
export function FigureCards({ title, tally, withoutRecommendation }: { title: string; tally: Tally; withoutRecommendation: number }) {
  const { t, lang } = useReportsI18n();
  return (
    <section class="r-cards" aria-label={title} data-testid="today-figures">
      <h2 class="r-cards-title">{title}</h2>
      <dl class="r-figures">
        <div class="r-figure" data-testid="today-figure-visits" data-value={String(tally.visits)}>
          <dt>{t('measure.visits')}</dt>
          <dd>{count(tally.visits, lang)}</dd>
        </div>
        <div
          class={withoutRecommendation > 0 ? 'r-figure r-attention' : 'r-figure'}
          data-testid="today-figure-visitsWithoutRecommendation"
          data-value={String(withoutRecommendation)}
        >
          <dt>{t('measure.visitsWithoutRecommendation')}</dt>
          <dd>{count(withoutRecommendation, lang)}</dd>
        </div>
        {RATIO_MEASURES.map((m) => (
          <div key={m} class="r-figure" data-testid={`today-figure-${m}`} data-value={tally[m] === null ? '' : String(tally[m])}>
            <dt>{t(RATIO_KEYS[m])}</dt>
            <dd>{percent(tally[m], lang)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
