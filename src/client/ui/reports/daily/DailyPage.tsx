import { useCallback, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { localDate } from '../../../../shared/localDate.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { withQuery } from '../../../reports/api.ts';
import { count, timeIn } from '../../../reports/format.ts';
import { type DetailTarget, type Filters, filtersFromSearch, rangeProblem, reportParams, searchOf } from '../../../reports/filters.ts';
import { useNow } from '../../common/useNow.ts';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { VisitDetailPanel } from '../detail/VisitDetailPanel.tsx';
import { useReports } from '../ReportsContext.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { FiltersForm } from './FiltersForm.tsx';
import { CampaignTable, PersonTable } from './TallyTables.tsx';
import { useChoices } from './useChoices.ts';
import { useDailyReport } from './useDailyReport.ts';

const NEEDS_ONLINE = {
  online: 'reports.daily.needsOnline',
  signed_in_offline: 'reports.daily.needsOnlineSignedOffline',
  expired: 'reports.daily.needsOnlineExpired',
} as const;

/**
 * Daily tallies for a date range: filters (kept in the page's address), the per-person or
 * per-campaign table, exports of exactly that, charts, and the visits behind any row.
 */
export function DailyPage() {
  const { t, lang } = useReportsI18n();
  const { api, scope, scopeContext, enrolment, sessionState } = useReports();
  const { url, query, route } = useLocation();
  const today = localDate(useNow(60_000), enrolment.hall.timeZone);
  const search = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  // One Filters object per address, so everything built from it only changes when the filters do.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => filtersFromSearch(query, today), [search, today]);
  const problem = rangeProblem(filters);
  const params = problem ? null : reportParams(filters, scopeContext);
  const daily = useDailyReport(api, params);
  const choices = useChoices(daily.report, today);
  const [detail, setDetail] = useState<DetailTarget | null>(null);
  const closeDetail = useCallback(() => setDetail(null), []);

  const setFilters = (next: Filters) => route(`/reports/daily?${searchOf(next)}`, true);
  const report = daily.report;
  // Exports repeat the filters on screen: only while the table shown is the answer to them.
  const current = report !== null && params !== null && daily.reportKey === withQuery('', params) && !daily.loading;
  const halls = report?.halls ?? [enrolment.hall];
  const withYear = report !== null && report.from.slice(0, 4) !== report.to.slice(0, 4);

  return (
    <section class="r-page r-daily" aria-labelledby="r-daily-title" data-testid="report-daily" data-loading={String(daily.loading)}>
      <div class="r-page-head">
        <h1 id="r-daily-title">{scope === 'own' ? t('reports.daily.titleOwn') : t('reports.daily.title')}</h1>
      </div>
      {!api ? (
        <p class="msg msg-info" role="status" data-testid="daily-needs-online" data-why={sessionState}>
          {t(NEEDS_ONLINE[sessionState])}
        </p>
      ) : (
        <>
          <FiltersForm filters={filters} choices={choices} today={today} rangeProblem={problem} onChange={setFilters} />
          {daily.problem && <ProblemNote problem={daily.problem} onRetry={daily.reload} />}
          <div class="r-toolbar">
            <div class="r-tabs" role="group" aria-label={t('reports.table.which')}>
              {(['person', 'campaign'] as const).map((table) => (
                <button
                  key={table}
                  type="button"
                  class="chip"
                  data-testid={`table-tab-${table}`}
                  aria-pressed={filters.table === table}
                  onClick={() => setFilters({ ...filters, table })}
                >
                  {t(`reports.table.${table}`)}
                </button>
              ))}
            </div>
            <ExportButtons filters={filters} disabled={problem !== null || !current} />
          </div>
          {daily.loading && (
            <p class="hint" role="status">
              {daily.report ? t('reports.daily.updating') : t('reports.loading')}
            </p>
          )}
          {report && (
            <>
              <p class="hint r-table-meta">
                <span data-testid="daily-row-count">
                  {t('reports.daily.rows', { count: count(filters.table === 'person' ? report.byPerson.length : report.byCampaign.length, lang) })}
                </span>
                <span>{t('reports.daily.rowHint')}</span>
                <span data-testid="daily-generated" data-at={report.generatedAt}>
                  {t('reports.daily.generatedAt', { time: timeIn(report.generatedAt, lang, enrolment.hall.timeZone) })}
                </span>
              </p>
              {(filters.table === 'person' ? report.byPerson.length : report.byCampaign.length) === 0 ? (
                <p class="msg msg-info" data-testid="daily-none">
                  {t('reports.daily.none')}
                </p>
              ) : filters.table === 'person' ? (
                <PersonTable rows={report.byPerson} halls={halls} withYear={withYear} onOpen={setDetail} />
              ) : (
                <CampaignTable rows={report.byCampaign} halls={halls} withYear={withYear} onOpen={setDetail} />
              )}
              {report.byPerson.length + report.byCampaign.length > 0 && <ChartsPanel report={report} />}
            </>
          )}
        </>
      )}
      {detail && <VisitDetailPanel target={detail} filters={filters} halls={halls} onClose={closeDetail} />}
    </section>
  );
}
