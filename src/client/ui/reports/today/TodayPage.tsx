import { useServices } from '../../../app/ServicesContext.tsx';
import { pick } from '../../../i18n/index.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { count, dayLabel, timeIn } from '../../../reports/format.ts';
import { useLiveQuery } from '../../../db/useLiveQuery.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useReports } from '../ReportsContext.tsx';
import { FigureCards } from './FigureCards.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { useTodayFigures } from './useTodayFigures.ts';
import { waitingCount } from '../../../db/queries.ts';

const LOCAL_NOTICE = {
  network: 'reports.today.local',
  signed_in_offline: 'reports.today.localSignedOffline',
  expired: 'reports.today.localExpired',
} as const;

/** Today at a glance: the hall (or, for a consultant, their own) figures and each person's, refreshed while open. */
export function TodayPage() {
  const { t, lang } = useReportsI18n();
  const { db } = useServices();
  const { enrolment, scope } = useReports();
  const view = useTodayFigures();
  const waiting = useLiveQuery(() => waitingCount(db), [db]);
  const hall = enrolment.hall;
  const figures = view.kind === 'loading' ? undefined : view.figures;

  return (
    <section class="r-page r-today" aria-labelledby="r-today-title" data-testid="report-today" data-source={view.kind}>
      <div class="r-page-head">
        <h1 id="r-today-title">{scope === 'own' ? t('reports.today.titleOwn') : t('reports.today.title')}</h1>
        <span class="muted" data-testid="report-today-day" data-day={view.today}>
          {t('reports.today.day', { date: dayLabel(view.today, lang), hall: pick(hall.name, lang) })}
        </span>
      </div>
      {view.kind === 'local' && (
        <p class="msg r-local-notice" role="status" data-testid="today-local-notice" data-why={view.why}>
          {t(LOCAL_NOTICE[view.why])}
        </p>
      )}
      {view.kind !== 'loading' && view.problem && <ProblemNote problem={view.problem} />}
      {view.kind === 'loading' || !figures ? (
        <p class="loading">{t('reports.loading')}</p>
      ) : (
        <>
          <FigureCards
            title={scope === 'own' ? t('reports.today.you') : t('reports.today.hall')}
            tally={figures.hall}
            withoutRecommendation={figures.visitsWithoutRecommendation}
          />
          {scope !== 'own' &&
            (figures.people.length === 0 ? (
              <p class="hint" data-testid="today-nobody">
                {t('reports.today.nobody')}
              </p>
            ) : (
              <PeopleTable people={figures.people} />
            ))}
          {scope === 'own' && figures.hall.visits === 0 && <p class="hint">{t('reports.today.nobody')}</p>}
        </>
      )}
      <div class="r-foot muted">
        {view.kind === 'server' && (
          <span data-testid="today-updated" data-at={view.generatedAt}>
            {t('reports.today.updated', { time: timeIn(view.generatedAt, lang, hall.timeZone) })}
          </span>
        )}
        {view.kind === 'server' && waiting !== undefined && waiting > 0 && (
          <span data-testid="today-unsynced" data-count={String(waiting)}>
            {t('reports.today.waiting', { count: count(waiting, lang) })}
          </span>
        )}
      </div>
    </section>
  );
}
