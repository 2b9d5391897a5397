import { useManageI18n, type ManageTranslate } from '../../../i18n/manage/index.ts';
import type { Problem } from '../../../manage/problems.ts';

/** Refusals of the office pages worded in the page's language; any other shows the server's reason. */
const WORDED_ERRORS = [
  'staff_no_taken',
  'own_account',
  'same_hall',
  'hall_inactive',
  'unknown_hall',
  'staff_inactive',
  'wrong_credential_kind',
  'already_decided',
  'not_acceptable',
  'already_stored',
  'ask_an_admin',
] as const;
type WordedError = (typeof WORDED_ERRORS)[number];
const isWordedError = (code: string): code is WordedError => (WORDED_ERRORS as readonly string[]).includes(code);

/** A failed request in words: what failed and what to do. Conflicts, missing fields and file errors have their own views. */
export function problemText(problem: Problem, t: ManageTranslate): string {
  switch (problem.kind) {
    case 'network':
      return t('manage.problem.network');
    case 'expired':
      return t('manage.gate.expired.body');
    case 'device':
      return t('manage.problem.device', { message: problem.message });
    case 'forbidden':
      return t('manage.problem.forbidden', { message: problem.message });
    case 'not_found':
      return t('manage.problem.notFound');
    case 'conflict':
      return t('manage.problem.conflict');
    case 'incomplete':
      return t('manage.problem.incomplete', { count: problem.missing.length });
    case 'invalid_file':
      return fileErrorText(problem, t);
    case 'roster':
      return t('manage.roster.refused', { count: problem.issues.length });
    case 'hall_in_use':
      return t('manage.error.hall_in_use', { people: problem.people, devices: problem.devices });
    case 'server':
      return isWordedError(problem.error) ? t(`manage.error.${problem.error}`) : t('manage.problem.server', { message: problem.message });
    case 'unexpected':
      return t('manage.problem.unexpected', { message: problem.message });
  }
}

/** "line 12, field campaigns.0.campaign.offerCode: …" for a refused import file. */
export function fileErrorText(e: { line: number; field: string; message: string }, t: ManageTranslate): string {
  return e.field === ''
    ? t('manage.import.errorAtLine', { line: e.line, message: e.message })
    : t('manage.import.errorAt', { line: e.line, field: e.field, message: e.message });
}

export function ProblemNote({ problem, onRetry, testId = 'manage-problem' }: { problem: Problem; onRetry?: () => void; testId?: string }) {
  const { t } = useManageI18n();
  // The gate says it above the page, with the way to sign in again.
  if (problem.kind === 'expired') return null;
  return (
    <div class="msg msg-error m-problem" role="alert" data-testid={testId} data-kind={problem.kind}>
      <p class="text">{problemText(problem, t)}</p>
      {onRetry && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          {t('manage.retry')}
        </button>
      )}
    </div>
  );
}
