import { useEffect, useState } from 'preact/hooks';
import { localDate } from '../../../../shared/localDate.ts';
import { useServices } from '../../../app/ServicesContext.tsx';
import { localTodayByPerson } from '../../../db/dayQueries.ts';
import { readMeta } from '../../../db/db.ts';
import { todayParams } from '../../../reports/filters.ts';
import { reportProblemOf, type ReportProblem } from '../../../reports/problems.ts';
import { type DayFigures, dayFiguresFromLocal, dayFiguresFromRows } from '../../../reports/tallies.ts';
import { useNow } from '../../common/useNow.ts';
import { useOnline } from '../../common/useOnline.ts';
import { useLiveQuery } from '../../../db/useLiveQuery.ts';
import { useReports } from '../ReportsContext.tsx';

/** How often the open page asks the server again. */
export const TODAY_POLL_MS = 30_000;

export type TodayView =
  | { kind: 'loading'; today: string }
  | { kind: 'server'; today: string; figures: DayFigures; generatedAt: string; problem: ReportProblem | null }
  | {
      kind: 'local';
      today: string;
      figures: DayFigures | undefined;
      why: 'network' | 'signed_in_offline' | 'expired';
      problem: ReportProblem | null;
    };

/**
 * Today's figures: from the server while this person has a session and the browser is online,
 * asked again every 30 s and after each successful sync; otherwise (or when the server cannot be
 * reached) from the records this tablet holds, through the same shared measures.
 */
export function useTodayFigures(): TodayView {
  const { db } = useServices();
  const { api, scope, scopeContext, staffId, enrolment, sessionState } = useReports();
  const online = useOnline();
  const now = useNow(TODAY_POLL_MS);
  const hall = enrolment.hall;
  const today = localDate(now, hall.timeZone);
  const lastSync = useLiveQuery(async () => (await readMeta(db, 'sync'))?.lastSuccessAt ?? null, [db]);
  const [answer, setAnswer] = useState<{ day: string; figures: DayFigures; generatedAt: string } | null>(null);
  const [problem, setProblem] = useState<ReportProblem | null>(null);
  const asking = api !== null && online;

  useEffect(() => {
    if (!api || !online) return;
    let current = true;
    api.daily(todayParams(today, scopeContext)).then(
      (report) => {
        if (!current) return;
        setAnswer({ day: today, figures: dayFiguresFromRows(report.byPerson), generatedAt: report.generatedAt });
        setProblem(null);
      },
      (cause: unknown) => current && setProblem(reportProblemOf(cause)),
    );
    return () => {
      current = false;
    };
    // `now` ticks every 30 s (the poll); `lastSync` moves after each sync.
  }, [api, online, today, scopeContext, now, lastSync]);

  const local = useLiveQuery(
    async () =>
      dayFiguresFromLocal(
        await localTodayByPerson(db, { hallId: hall.id, timeZone: hall.timeZone, staffId: scope === 'own' ? staffId : null, now: new Date() }),
      ),
    [db, hall.id, hall.timeZone, scope, staffId, today],
  );

  const unreachable = problem?.kind === 'network';
  if (asking && !unreachable && answer?.day === today) {
    return { kind: 'server', today, figures: answer.figures, generatedAt: answer.generatedAt, problem };
  }
  if (asking && problem === null) return { kind: 'loading', today };
  const why = sessionState === 'online' ? 'network' : sessionState;
  return { kind: 'local', today, figures: local, why, problem: unreachable ? null : problem };
}
