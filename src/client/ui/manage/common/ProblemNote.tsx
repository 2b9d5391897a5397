import { errorText, fileProblemText } from '../../../i18n/errors/index.ts';
import { useManageI18n, type ManageTranslate } from '../../../i18n/manage/index.ts';
import type { Lang } from '../../../state/langStore.ts';
import type { Problem } from '../../../manage/problems.ts';

/**
 * A failed request in words: what failed and what to do. Conflicts, missing fields and file errors
 * have their own views; every other refusal is worded from its code and params in the page's language.
 */
export function problemText(problem: Problem, t: ManageTranslate, lang: Lang): string {
  switch (problem.kind) {
    case 'network':
      return t('manage.problem.network');
    case 'expired':
      return t('manage.gate.expired.body');
    case 'device':
      return t('manage.problem.device', { message: errorText(problem, lang) });
    case 'forbidden':
      return errorText(problem, lang);
    case 'not_found':
      return t('manage.problem.notFound');
    case 'conflict':
      return t('manage.problem.conflict');
    case 'incomplete':
      return t('manage.problem.incomplete', { count: problem.missing.length });
    case 'invalid_file':
      return fileErrorText(problem, t, lang);
    case 'roster':
      return t('manage.roster.refused', { count: problem.issues.length });
    case 'hall_in_use':
      return errorText(problem, lang);
    case 'server':
      return errorText(problem, lang);
    case 'unexpected':
      return t('manage.problem.unexpected', { message: problem.message });
  }
}

/** "line 12, field campaigns.0.campaign.offerCode: it is missing" for a refused import file, in the page's language. */
export function fileErrorText(e: { line: number; field: string; problem: string }, t: ManageTranslate, lang: Lang): string {
  const message = fileProblemText(e.problem, lang);
  return e.field === '' ? t('manage.import.errorAtLine', { line: e.line, message }) : t('manage.import.errorAt', { line: e.line, field: e.field, message });
}

export function ProblemNote({ problem, onRetry, testId = 'manage-problem' }: { problem: Problem; onRetry?: () => void; testId?: string }) {
  const { t, lang } = useManageI18n();
  // The gate says it above the page, with the way to sign in again.
  if (problem.kind === 'expired') return null;
  return (
    <div class="msg msg-error m-problem" role="alert" data-testid={testId} data-kind={problem.kind}>
      <p class="text">{problemText(problem, t, lang)}</p>
      {onRetry && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          {t('manage.retry')}
        </button>
      )}
    </div>
  );
}
