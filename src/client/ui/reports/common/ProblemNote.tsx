import { errorText } from '../../../i18n/errors/index.ts';
import { type ReportsTranslate, useReportsI18n } from '../../../i18n/reports/index.ts';
import type { Lang } from '../../../state/langStore.ts';
import type { ReportProblem } from '../../../reports/problems.ts';

/** A failed request in words; a refusal is worded from its code and params in the page's language. */
export function problemText(problem: ReportProblem, t: ReportsTranslate, lang: Lang): string {
  switch (problem.kind) {
    case 'network':
      return t('reports.problem.network');
    case 'expired':
      return t('reports.problem.expired');
    case 'forbidden':
    case 'invalid':
    case 'server':
      return errorText(problem, lang);
    case 'unexpected':
      return t('reports.problem.unexpected', { message: problem.message });
  }
}

/** A failed request in words (what failed, what to do), with a retry when one helps. */
export function ProblemNote({ problem, onRetry, testId = 'reports-problem' }: { problem: ReportProblem; onRetry?: () => void; testId?: string }) {
  const { t, lang } = useReportsI18n();
  return (
    <div class="msg msg-error r-problem" role="alert" data-testid={testId} data-kind={problem.kind}>
      <p>{problemText(problem, t, lang)}</p>
      {onRetry && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          {t('reports.retry')}
        </button>
      )}
    </div>
  );
}
