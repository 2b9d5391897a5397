import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DailyReport } from '../../../../shared/schemas/reports.ts';
import type { ReportsApi } from '../../../reports/api.ts';
import { withQuery } from '../../../reports/api.ts';
import type { QueryParams } from '../../../reports/filters.ts';
import { reportProblemOf, type ReportProblem } from '../../../reports/problems.ts';

export interface DailyState {
  /** The last report that arrived (kept on screen while the next one loads). */
  report: DailyReport | null;
  /** The query `report` answers. */
  reportKey: string | null;
  loading: boolean;
  problem: ReportProblem | null;
  reload: () => void;
}

/** Asks for the report whenever the query changes; an answer to an older query is dropped. */
export function useDailyReport(api: ReportsApi | null, params: QueryParams | null): DailyState {
  const key = params === null ? null : withQuery('', params);
  const [report, setReport] = useState<{ key: string; value: DailyReport } | null>(null);
  const [problem, setProblem] = useState<ReportProblem | null>(null);
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!api || params === null || key === null) return;
    let current = true;
    setLoading(true);
    setProblem(null);
    api.daily(params).then(
      (value) => {
        if (!current) return;
        setReport({ key, value });
        setLoading(false);
      },
      (cause: unknown) => {
        if (!current) return;
        setProblem(reportProblemOf(cause));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for `params`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { report: report?.value ?? null, reportKey: report?.key ?? null, loading, problem, reload };
}
