import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { count, percent } from '../../../reports/format.ts';
import { RATIO_MEASURES } from '../../../reports/series.ts';
import type { PersonFigures } from '../../../reports/tallies.ts';
import { RATIO_KEYS } from '../common/measures.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

/** Each person's figures today; anyone with a visit left without a recommendation is marked and listed first. */
export function PeopleTable({ people }: { people: readonly PersonFigures[] }) {
  const { t, lang } = useReportsI18n();
  return (
    <section class="r-section" aria-labelledby="r-people-title">
      <h2 id="r-people-title">{t('reports.today.people')}</h2>
      <p class="hint">{t('reports.today.noRecLegend')}</p>
      <ScrollRegion class="r-table-wrap">
        <table class="r-table" data-testid="today-people">
          <thead>
            <tr>
              <th scope="col">{t('reports.today.person')}</th>
              <th scope="col" class="num">
                {t('measure.visits')}
              </th>
              <th scope="col" class="num">
                {t('measure.visitsWithoutRecommendation')}
              </th>
              {RATIO_MEASURES.map((m) => (
                <th key={m} scope="col" class="num">
                  {t(RATIO_KEYS[m])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const attention = p.visitsWithoutRecommendation > 0;
              return (
                <tr
                  key={p.staffId}
                  class={attention ? 'r-attention' : undefined}
                  data-testid={`today-person-${p.staffId}`}
                  data-attention={String(attention)}
                >
                  <th scope="row">
                    {p.staffName ?? '—'}
                    {attention && (
                      <span class="badge r-badge-attention" data-testid={`today-person-norec-${p.staffId}`}>
                        {t('reports.today.noRec', { count: count(p.visitsWithoutRecommendation, lang) })}
                      </span>
                    )}
                  </th>
                  <td class="num" data-testid={`today-person-visits-${p.staffId}`}>
                    {count(p.tally.visits, lang)}
                  </td>
                  <td class="num">{count(p.visitsWithoutRecommendation, lang)}</td>
                  {RATIO_MEASURES.map((m) => (
                    <td key={m} class="num" data-testid={`today-person-${m}-${p.staffId}`}>
                      {percent(p.tally[m], lang)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
