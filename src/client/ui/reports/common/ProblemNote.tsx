import { type ReportsTranslate, useReportsI18n } from '../../../i18n/reports/index.ts';
import type { ReportProblem } from '../../../reports/problems.ts';

export function problemText(problem: ReportProblem, t: ReportsTranslate): string {
  switch (problem.kind) {
    case 'network':
      return t('reports.problem.network');
    case 'expired':
      return t('reports.problem.expired');
    case 'forbidden':
      return t('reports.problem.forbidden', { message: problem.message });
    case 'invalid':
      return t('reports.problem.invalid', { message: problem.message });
    case 'server':
      return t('reports.problem.server', { message: problem.message });
    case 'unexpected':
      return t('reports.problem.unexpected', { message: problem.message });
  }
}

/** A failed request in words (what failed, what to do), with a retry when one helps. */
export function ProblemNote({ problem, onRetry, testId = 'reports-problem' }: { problem: ReportProblem; onRetry?: () => void; testId?: string }) {
  const { t } = useReportsI18n();
  return (
    <div class="msg msg-error r-problem" role="alert" data-testid={testId} data-kind={problem.kind}>
      <p>{problemText(problem, t)}</p>
      {onRetry && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          {t('reports.retry')}
        </button>
      )}
    </div>
  );
}
