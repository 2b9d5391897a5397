import { CampaignCategory } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { ALL_HALLS, type Filters, QUICK_RANGES, quickRange, type RangeProblem } from '../../../reports/filters.ts';
import { useReports } from '../ReportsContext.tsx';
import type { Choices } from './useChoices.ts';

interface Props {
  filters: Filters;
  choices: Choices;
  today: string;
  rangeProblem: RangeProblem | null;
  onChange: (next: Filters) => void;
}

const QUICK_KEYS = {
  today: 'reports.filter.today',
  last7: 'reports.filter.last7',
  last30: 'reports.filter.last30',
  thisMonth: 'reports.filter.thisMonth',
} as const;

/** Date range, then who and what: each change applies at once (and goes into the page's address). */
export function FiltersForm({ filters, choices, today, rangeProblem, onChange }: Props) {
  const { t, lang } = useReportsI18n();
  const { scope, enrolment } = useReports();
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  const orNull = (value: string) => (value === '' ? null : value);
  const hallValue = filters.hall ?? enrolment.hall.id;

  return (
    <section class="r-filters card" aria-label={t('reports.filters')} data-testid="report-filters">
      <div class="r-filter-row">
        <label class="r-field">
          <span>{t('reports.filter.from')}</span>
          <input type="date" data-testid="filter-from" value={filters.from} max={today} onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label class="r-field">
          <span>{t('reports.filter.to')}</span>
          <input type="date" data-testid="filter-to" value={filters.to} max={today} onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <div class="r-field r-quick" role="group" aria-label={t('reports.filter.quick')}>
          <span>{t('reports.filter.quick')}</span>
          <div class="chips">
            {QUICK_RANGES.map((r) => {
              const range = quickRange(r, today);
              return (
                <button
                  key={r}
                  type="button"
                  class="chip"
                  data-testid={`filter-quick-${r}`}
                  aria-pressed={filters.from === range.from && filters.to === range.to}
                  onClick={() => set(range)}
                >
                  {t(QUICK_KEYS[r])}
                </button>
              );
            })}
          </div>
        </div>
      </div>
      <div class="r-filter-row">
        {scope === 'admin' && (
          <label class="r-field">
            <span>{t('reports.filter.hall')}</span>
            <select
              data-testid="filter-hall"
              value={hallValue}
              // Another hall's people and campaigns are not this one's: those filters start again.
              onChange={(e) => {
                const hall = e.currentTarget.value;
                set({ hall: hall === enrolment.hall.id ? null : hall, staffId: null, campaignId: null });
              }}
            >
              <option value={ALL_HALLS}>{t('reports.filter.allHalls')}</option>
              {choices.halls.map((h) => (
                <option key={h.id} value={h.id}>
                  {pick(h.name, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        {scope !== 'own' && (
          <label class="r-field">
            <span>{t('reports.filter.person')}</span>
            <select data-testid="filter-person" value={filters.staffId ?? ''} onChange={(e) => set({ staffId: orNull(e.currentTarget.value) })}>
              <option value="">{t('reports.filter.everyone')}</option>
              {choices.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="r-field">
          <span>{t('reports.filter.campaign')}</span>
          <select data-testid="filter-campaign" value={filters.campaignId ?? ''} onChange={(e) => set({ campaignId: orNull(e.currentTarget.value) })}>
            <option value="">{t('reports.filter.allCampaigns')}</option>
            {choices.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {pick(c.title, lang)}
              </option>
            ))}
          </select>
        </label>
        <label class="r-field">
          <span>{t('reports.filter.category')}</span>
          <select
            data-testid="filter-category"
            value={filters.category ?? ''}
            onChange={(e) => {
              const parsed = CampaignCategory.safeParse(e.currentTarget.value);
              set({ category: parsed.success ? parsed.data : null });
            }}
          >
            <option value="">{t('reports.filter.allCategories')}</option>
            {CampaignCategory.options.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {(filters.campaignId !== null || filters.category !== null) && <p class="hint">{t('reports.filter.narrowNote')}</p>}
      {rangeProblem && (
        <p class="msg msg-error" role="alert" data-testid="filter-range-problem" data-kind={rangeProblem.kind}>
          {rangeProblem.kind === 'too_long'
            ? t('reports.filter.tooLong', { max: rangeProblem.max })
            : rangeProblem.kind === 'from_after_to'
              ? t('reports.filter.fromAfterTo')
              : t('reports.filter.badDate')}
        </p>
      )}
    </section>
  );
}
